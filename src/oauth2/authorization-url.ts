/**
 * Building the URL that sends a user to Discord's consent screen: "Sign in with Discord", bot
 * installation into a guild, and user installation of an app's commands, with one checked builder.
 *
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant
 * @module
 */
import type { Open } from "../internal/enums.js";
import type { ApplicationIntegrationType } from "../models/applications.js";
import type { OAuth2Scope } from "../models/oauth2.js";
import { Permissions } from "../models/permissions.js";
import type { Snowflake } from "../snowflakes.js";
import { snowflakeOption } from "./options.js";

/** Where Discord's consent screen lives. */
export const DEFAULT_AUTHORIZE_URL = "https://discord.com/oauth2/authorize";

/** The two ways Discord hands back the result of a consent: an authorization code, or a token in the URL fragment. */
export type OAuth2ResponseType = "code" | "token";

/** `consent` shows the screen again even for an app the user already authorized; `none` skips it when it can. */
export type OAuth2Prompt = "consent" | "none";

/** Options of {@link buildAuthorizationUrl}. */
export interface AuthorizationUrlOptions {
  /** The consent page to point at. Defaults to {@link DEFAULT_AUTHORIZE_URL}; the emulator's `authorizeUrl` works too. */
  readonly authorizeUrl?: string | URL;
  /** The application's ID (its client ID). */
  readonly clientId: Snowflake | bigint;
  /**
   * The scopes to ask for (`OAuth2Scope` values or any other scope string). Leave it out to use the
   * application's default install settings from the Developer Portal; an empty list is a mistake.
   */
  readonly scopes?: readonly Open<OAuth2Scope>[];
  /** Where Discord sends the user back. Must be registered for the application; defaults to the first registered one. */
  readonly redirectUri?: string | URL;
  /** An opaque value Discord echoes back, to tie the callback to this request (see `generateState`). */
  readonly state?: string;
  /** Whether to show the consent screen to a user who already authorized the app. */
  readonly prompt?: OAuth2Prompt;
  /** `code` (the default) for the authorization code grant, `token` for the implicit grant. */
  readonly responseType?: OAuth2ResponseType;
  /**
   * A PKCE code challenge (see `createPkcePair`); always sent with `code_challenge_method=S256`.
   * Only for the code grant.
   */
  readonly codeChallenge?: string;
  /** The permissions the bot's role gets: a `Permissions` value, a bigint, or a decimal string. Needs the `bot` scope. */
  readonly permissions?: Permissions | bigint | number | string;
  /** Pre-selects this guild in the install picker. Needs the `bot` or `applications.commands` scope. */
  readonly guildId?: Snowflake | bigint;
  /** Stops the user from choosing another guild than {@link AuthorizationUrlOptions.guildId}. */
  readonly disableGuildSelect?: boolean;
  /**
   * Where the app is installed: `0` into a guild (`ApplicationIntegrationType.GUILD_INSTALL`) or `1` to
   * the user's account (`ApplicationIntegrationType.USER_INSTALL`). Needs the `bot` or `applications.commands` scope.
   */
  readonly integrationType?: Open<ApplicationIntegrationType>;
}

const BOT = "bot";
const COMMANDS = "applications.commands";
const USER_INSTALL = 1;
const INSTALL_ONLY_SCOPES = new Set([BOT, COMMANDS]);
/** Scopes whose grant needs the token exchange of the code flow, so the implicit grant cannot carry them. */
const CODE_ONLY_SCOPES = new Set(["role_connections.write", "webhook.incoming"]);
/** Scopes Discord never grants through the consent screen. */
const NOT_AUTHORIZABLE_SCOPES = new Set(["applications.commands.update"]);
const SCOPE_PATTERN = /^[\x21-\x7e]+$/;
const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function permissionBits(value: Permissions | bigint | number | string): string {
  if (value instanceof Permissions) return value.value.toString();
  if (typeof value === "bigint") {
    if (value < 0n) throw new RangeError("permissions cannot be negative");
    return value.toString();
  }
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError("permissions must be a non-negative safe integer");
    return value.toString();
  }
  if (typeof value === "string" && /^\d+$/.test(value)) return BigInt(value).toString();
  throw new TypeError(
    "permissions must be a Permissions value, a bigint, a non-negative integer or a decimal string",
  );
}

function parseScopes(scopes: readonly string[]): string[] {
  if (!Array.isArray(scopes)) throw new TypeError("scopes must be an array of scope strings");
  if (scopes.length === 0)
    throw new RangeError("scopes cannot be empty; leave the option out to use the default install settings");
  const unique: string[] = [];
  for (const scope of scopes) {
    if (typeof scope !== "string" || !SCOPE_PATTERN.test(scope)) {
      throw new TypeError("Each scope must be a non-empty string without spaces");
    }
    if (NOT_AUTHORIZABLE_SCOPES.has(scope)) {
      throw new TypeError(`The ${scope} scope is granted only through the client credentials grant`);
    }
    if (!unique.includes(scope)) unique.push(scope);
  }
  return unique;
}

function checkRedirectUri(value: string | URL, hasPkce: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError("redirectUri must be an absolute URL");
  }
  if (url.hash !== "" || (typeof value === "string" && value.includes("#"))) {
    throw new TypeError("redirectUri cannot contain a fragment");
  }
  // Sent exactly as given: Discord compares it byte for byte with the registered URI and the token exchange's.
  const exact = typeof value === "string" ? value : value.href;
  if (url.protocol === "https:") return exact;
  if (url.protocol === "http:") {
    if (LOOPBACK_HOSTS.has(url.hostname)) return exact;
    throw new TypeError(
      "redirectUri must use https (plain http is allowed only for localhost and loopback addresses)",
    );
  }
  if (["javascript:", "data:", "file:", "blob:", "about:", "ws:", "wss:", "ftp:"].includes(url.protocol)) {
    throw new TypeError(`redirectUri cannot use the ${url.protocol} scheme`);
  }
  if (!hasPkce)
    throw new TypeError("A custom-scheme redirectUri (a native app) requires PKCE: pass codeChallenge");
  return exact;
}

/**
 * Builds a URL for Discord's OAuth2 consent screen, for user login, bot installation, or both at once.
 *
 * Combinations Discord does not accept are refused before any user sees them:
 * - `scopes: []` (leave `scopes` out instead, to use the app's default install settings), and
 *   `applications.commands.update`, which only the client credentials grant hands out;
 * - `permissions` without the `bot` scope; `guildId`, `disableGuildSelect` or `integrationType`
 *   without `bot` or `applications.commands`; `disableGuildSelect` without `guildId`;
 * - a user install (`integrationType: 1`) with `bot`, `permissions` or a guild;
 * - the implicit grant (`responseType: "token"`) with a scope that only the code exchange can deliver
 *   (`role_connections.write`, `webhook.incoming`) or with a PKCE `codeChallenge`;
 * - PKCE with `role_connections.write`, which Discord refuses;
 * - a `redirectUri` that is not https, except `http://localhost` and loopback addresses, or a custom
 *   scheme (a native app) without PKCE; a `redirectUri` with a fragment;
 * - flow options (`redirectUri`, `responseType`, `codeChallenge`, `prompt`) without `scopes`.
 *
 * A bare install link (only `bot` and/or `applications.commands`, no redirect, no explicit
 * `responseType`) carries no `response_type`, as Discord's own install links do.
 *
 * @throws TypeError for a missing or malformed option or a combination Discord rejects.
 * @throws RangeError for a value out of range (empty scopes, unknown `prompt`, negative permissions).
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant
 * @see https://discord.com/developers/docs/topics/oauth2#bot-authorization-flow
 */
export function buildAuthorizationUrl(options: AuthorizationUrlOptions): URL {
  if (options === null || typeof options !== "object") {
    throw new TypeError("buildAuthorizationUrl needs an options object");
  }
  let url: URL;
  try {
    url = new URL(options.authorizeUrl ?? DEFAULT_AUTHORIZE_URL);
  } catch {
    throw new TypeError("authorizeUrl must be an absolute URL");
  }
  const clientId = snowflakeOption(options.clientId, "clientId");
  const scopes = options.scopes === undefined ? null : parseScopes(options.scopes);
  const flow = checkFlow(options, scopes);
  const install = checkInstall(options, scopes);

  const bareInstall =
    (scopes?.every((scope) => INSTALL_ONLY_SCOPES.has(scope)) ?? false) &&
    flow.responseType === undefined &&
    flow.redirectUri === undefined &&
    flow.codeChallenge === undefined;
  const query = new URLSearchParams(url.search);
  if (scopes !== null && !bareInstall) query.append("response_type", flow.responseType ?? "code");
  query.append("client_id", clientId);
  if (scopes !== null) query.append("scope", scopes.join(" "));
  if (flow.state !== undefined) query.append("state", flow.state);
  if (flow.redirectUri !== undefined) query.append("redirect_uri", flow.redirectUri);
  if (flow.prompt !== undefined) query.append("prompt", flow.prompt);
  if (flow.codeChallenge !== undefined) {
    query.append("code_challenge", flow.codeChallenge);
    query.append("code_challenge_method", "S256");
  }
  if (install.permissions !== undefined) query.append("permissions", install.permissions);
  if (install.guildId !== undefined) query.append("guild_id", install.guildId);
  if (install.disableGuildSelect !== undefined) {
    query.append("disable_guild_select", String(install.disableGuildSelect));
  }
  if (install.integrationType !== undefined)
    query.append("integration_type", String(install.integrationType));
  // Discord documents scopes as %20-separated; URLSearchParams writes spaces as "+" and a literal "+" as %2B.
  url.search = query.toString().replaceAll("+", "%20");
  url.hash = "";
  return url;
}

interface FlowParams {
  readonly responseType: OAuth2ResponseType | undefined;
  readonly codeChallenge: string | undefined;
  readonly redirectUri: string | undefined;
  readonly prompt: OAuth2Prompt | undefined;
  readonly state: string | undefined;
}

/** Checks the options of the grant itself: response type, PKCE, redirect, prompt and state. */
function checkFlow(options: AuthorizationUrlOptions, scopes: readonly string[] | null): FlowParams {
  const { responseType, codeChallenge, prompt, state } = options;
  if (responseType !== undefined && responseType !== "code" && responseType !== "token") {
    throw new RangeError('responseType must be "code" or "token"');
  }
  if (prompt !== undefined && prompt !== "consent" && prompt !== "none") {
    throw new RangeError('prompt must be "consent" or "none"');
  }
  if (state !== undefined && (typeof state !== "string" || state.length === 0)) {
    throw new TypeError("state must be a non-empty string");
  }
  if (scopes === null) {
    for (const name of ["redirectUri", "responseType", "codeChallenge", "prompt"] as const) {
      if (options[name] !== undefined) throw new TypeError(`${name} needs explicit scopes`);
    }
  }
  if (codeChallenge !== undefined) {
    if (typeof codeChallenge !== "string" || !CHALLENGE_PATTERN.test(codeChallenge)) {
      throw new TypeError("codeChallenge must be an S256 PKCE challenge: 43 base64url characters");
    }
    if (responseType === "token") {
      throw new TypeError("PKCE (codeChallenge) applies to the code grant, not the implicit grant");
    }
    if (scopes?.includes("role_connections.write")) {
      throw new TypeError("Discord refuses the role_connections.write scope with PKCE");
    }
  }
  if (responseType === "token") {
    for (const scope of scopes ?? []) {
      if (CODE_ONLY_SCOPES.has(scope)) {
        throw new TypeError(`The ${scope} scope needs the code grant, not the implicit grant`);
      }
    }
  }
  const redirectUri =
    options.redirectUri === undefined
      ? undefined
      : checkRedirectUri(options.redirectUri, codeChallenge !== undefined);
  return { responseType, codeChallenge, redirectUri, prompt, state };
}

interface InstallParams {
  readonly permissions: string | undefined;
  readonly guildId: Snowflake | undefined;
  readonly disableGuildSelect: boolean | undefined;
  readonly integrationType: number | undefined;
}

/**
 * Checks the install options: they need a scope that installs something (`bot` or
 * `applications.commands`, or no scopes at all for the app's default install settings).
 */
function checkInstall(options: AuthorizationUrlOptions, scopes: readonly string[] | null): InstallParams {
  const { disableGuildSelect, integrationType } = options;
  const has = (scope: string): boolean => scopes === null || scopes.includes(scope);
  const installs = has(BOT) || has(COMMANDS);
  if (disableGuildSelect !== undefined && typeof disableGuildSelect !== "boolean") {
    throw new TypeError("disableGuildSelect must be a boolean");
  }
  if (integrationType !== undefined && (!Number.isSafeInteger(integrationType) || integrationType < 0)) {
    throw new RangeError(
      "integrationType must be an ApplicationIntegrationType (0 guild install, 1 user install)",
    );
  }
  const permissions = options.permissions === undefined ? undefined : permissionBits(options.permissions);
  const guildId = options.guildId === undefined ? undefined : snowflakeOption(options.guildId, "guildId");

  if (permissions !== undefined && !has(BOT)) throw new TypeError("permissions needs the bot scope");
  if (guildId !== undefined && !installs)
    throw new TypeError("guildId needs the bot or applications.commands scope");
  if (disableGuildSelect !== undefined && !installs) {
    throw new TypeError("disableGuildSelect needs the bot or applications.commands scope");
  }
  if (disableGuildSelect && guildId === undefined) {
    throw new TypeError("disableGuildSelect needs a guildId to lock the picker to");
  }
  if (integrationType !== undefined && !installs) {
    throw new TypeError("integrationType needs the bot or applications.commands scope");
  }
  if (integrationType === USER_INSTALL) {
    if (scopes?.includes(BOT))
      throw new TypeError("A user install (integrationType 1) cannot include the bot scope");
    if (permissions !== undefined || guildId !== undefined || disableGuildSelect !== undefined) {
      throw new TypeError(
        "A user install (integrationType 1) has no guild: drop permissions, guildId and disableGuildSelect",
      );
    }
  }
  return { permissions, guildId, disableGuildSelect, integrationType };
}
