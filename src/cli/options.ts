/**
 * Option readers shared by several commands: credentials, scopes, IDs, and the URLs of the API and
 * consent page.
 * @module
 */
import { type AuthorizationUrlOptions, buildAuthorizationUrl } from "../oauth2/authorization-url.js";
import { DEFAULT_API_URL } from "../rest/app.js";
import { isSnowflake } from "../snowflakes.js";
import { type CliIO, requireOption, UsageError, urlOption } from "./command.js";

/** Splits repeated `--scope` values that may themselves hold several scopes (`"identify guilds"`, `"a,b"`). */
export function scopesOption(values: readonly string[] | undefined): string[] {
  const scopes: string[] = [];
  for (const value of values ?? []) {
    for (const scope of value.split(/[\s,]+/)) {
      if (scope !== "" && !scopes.includes(scope)) scopes.push(scope);
    }
  }
  return scopes;
}

/**
 * The bot token from an option or the environment, without the `Bot ` prefix people often paste with
 * it; `undefined` when neither holds one.
 */
export function botTokenFrom(value: string | undefined): string | undefined {
  const token = value?.replace(/^Bot\s+/i, "").trim();
  return token === "" ? undefined : token;
}

/** The client secret from `--client-secret` or `DISCORD_CLIENT_SECRET`, as an optional property. */
export function clientSecretFrom(value: string | undefined, io: CliIO): { clientSecret?: string } {
  const clientSecret = value ?? io.env.DISCORD_CLIENT_SECRET;
  return clientSecret ? { clientSecret } : {};
}

/** The required `--client-id`, checked to be a snowflake. */
export function clientIdOption(value: string | undefined): string {
  return snowflakeOption(requireOption(value, "client-id"), "client-id");
}

/**
 * {@link buildAuthorizationUrl}, with its complaints about the options (a scope that needs another
 * grant, an https-only redirect, ...) reported as usage errors: they come from what the user typed.
 */
export function authorizationUrlOrUsageError(options: AuthorizationUrlOptions): URL {
  try {
    return buildAuthorizationUrl(options);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/** Checks that an option holds a snowflake ID. */
export function snowflakeOption(value: string, flag: string): string {
  if (!isSnowflake(value))
    throw new UsageError(`--${flag} must be a Discord ID (a number such as 1234567890123456789)`);
  return value;
}

/** The API base URL from `--api-url`, or Discord's ({@link DEFAULT_API_URL}). */
export function apiUrlFor(apiUrl: string | undefined): string {
  return urlOption(apiUrl, "api-url") ?? DEFAULT_API_URL;
}

/**
 * The consent page: `--authorize-url` when given, else `/oauth2/authorize` at the origin of `--api-url`
 * (that is where both Discord and the emulator serve it), else Discord's.
 */
export function authorizeUrlFor(authorizeUrl: string | undefined, apiUrl: string | undefined): string {
  const explicit = urlOption(authorizeUrl, "authorize-url");
  if (explicit !== undefined) return explicit;
  return new URL("/oauth2/authorize", apiUrlFor(apiUrl)).href;
}
