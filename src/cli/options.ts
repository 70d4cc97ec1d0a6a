/**
 * Option readers shared by several commands: scopes, IDs, and the URLs of the API and consent page.
 * @module
 */
import { isSnowflake } from "../snowflakes.js";
import { UsageError, urlOption } from "./command.js";

/** Discord's API base URL, used when `--api-url` is not given. */
export const DEFAULT_API_URL = "https://discord.com/api/v10";

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

/** Checks that an option holds a snowflake ID. */
export function snowflakeOption(value: string, flag: string): string {
  if (!isSnowflake(value))
    throw new UsageError(`--${flag} must be a Discord ID (a number such as 1234567890123456789)`);
  return value;
}

/** The API base URL from `--api-url`, or Discord's. */
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
