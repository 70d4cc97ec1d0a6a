/**
 * Reading what Discord sends back to the redirect URI after the user answered the consent screen:
 * the state check and error handling shared by both grants, and the authorization code itself.
 *
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-redirect-url-example
 * @module
 */
import { OAuth2AuthorizationError, OAuth2StateMismatchError } from "../errors.js";
import { INSPECT } from "../internal/inspect.js";
import { Permissions } from "../models/permissions.js";
import { isSnowflake, type Snowflake } from "../snowflakes.js";
import { verifyState } from "./state.js";

/** A redirect as a server sees it: a full URL, a path with a query (`/callback?code=...`), or the parameters alone. */
export type RedirectInput = string | URL | URLSearchParams;

/** Options shared by the callback parsers. */
export interface CallbackOptions {
  /** The `state` issued with the authorization URL (see `generateState`). Required: a callback without the right state is refused. */
  readonly expectedState: string;
}

const PLACEHOLDER_BASE = "http://redirect.invalid";

/** The parameters of `input`, from its query (`where: "query"`) or its fragment, falling back to the query (`"fragment"`). */
export function redirectParams(input: RedirectInput, where: "query" | "fragment"): URLSearchParams {
  if (input instanceof URLSearchParams) return new URLSearchParams(input);
  let url: URL;
  if (input instanceof URL) {
    url = input;
  } else if (typeof input === "string") {
    if (/^[a-z][a-z0-9+.-]*:/i.test(input)) {
      try {
        url = new URL(input);
      } catch {
        throw new TypeError("The redirect is not a valid URL");
      }
    } else if (input.startsWith("/") || input.startsWith("?") || input.startsWith("#")) {
      url = new URL(input, PLACEHOLDER_BASE);
    } else {
      return new URLSearchParams(input);
    }
  } else {
    throw new TypeError("The redirect must be a URL, a string or URLSearchParams");
  }
  if (where === "fragment" && url.hash.length > 1) return new URLSearchParams(url.hash.slice(1));
  return new URLSearchParams(url.search);
}

/**
 * Checks the redirect's `state`, then turns an `error` parameter into an {@link OAuth2AuthorizationError}.
 * The state goes first: an error redirect that does not carry our state may be forged.
 */
export function checkRedirect(params: URLSearchParams, expectedState: string): void {
  if (typeof expectedState !== "string" || expectedState.length === 0) {
    throw new TypeError("expectedState must be the non-empty state issued with the authorization URL");
  }
  const state = params.get("state");
  if (state === null || state === "")
    throw new OAuth2StateMismatchError("The OAuth2 redirect carries no state");
  if (!verifyState(state, expectedState)) throw new OAuth2StateMismatchError();
  const error = params.get("error");
  if (error !== null)
    throw new OAuth2AuthorizationError({ error, description: params.get("error_description") });
}

/** What an authorization-code redirect carries. */
export interface AuthorizationCallback {
  /** The authorization code, to exchange with `authorizeAccessToken` (single-use, short-lived). */
  readonly code: string;
  /** The state that came back (equal to the expected one). */
  readonly state: string;
  /** With the `bot` scope: the guild the user picked, as a hint only (the token response's `guild` is authoritative). */
  readonly guildId: Snowflake | null;
  /** With the `bot` scope: the permissions granted to the bot's role, as a hint only. */
  readonly permissions: Permissions | null;
}

/** The {@link AuthorizationCallback} we hand out: its text and `inspect` output never show the code. */
class ParsedCallback implements AuthorizationCallback {
  readonly code: string;
  readonly state: string;
  readonly guildId: Snowflake | null;
  readonly permissions: Permissions | null;

  constructor(init: AuthorizationCallback) {
    this.code = init.code;
    this.state = init.state;
    this.guildId = init.guildId;
    this.permissions = init.permissions;
  }

  toString(): string {
    return `AuthorizationCallback(code=[REDACTED], guildId=${this.guildId ?? "null"})`;
  }

  [INSPECT](): string {
    return this.toString();
  }
}

/**
 * Reads an authorization-code redirect (`?code=...&state=...`), after checking its state. The result's
 * `toString()` and `inspect` output leave the code out, so logging it leaks nothing.
 *
 * @param url - the request URL that reached the redirect URI (absolute, or a path with its query).
 * @throws OAuth2StateMismatchError if the state is missing or differs (compared in constant time).
 * @throws OAuth2AuthorizationError if Discord sent `error=` (such as `access_denied` when the user
 * cancelled), or neither a code nor an error.
 * @throws TypeError if `expectedState` is not a non-empty string or `url` cannot be read.
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant
 */
export function parseAuthorizationCallback(
  url: RedirectInput,
  options: CallbackOptions,
): AuthorizationCallback {
  const params = redirectParams(url, "query");
  checkRedirect(params, options?.expectedState);
  const code = params.get("code");
  if (code === null || code === "") {
    throw new OAuth2AuthorizationError({
      error: "invalid_request",
      description: "The redirect carries neither an authorization code nor an error",
    });
  }
  const guildId = params.get("guild_id");
  const permissions = params.get("permissions");
  return new ParsedCallback({
    code,
    state: options.expectedState,
    guildId: isSnowflake(guildId) ? guildId : null,
    permissions:
      permissions !== null && /^\d{1,30}$/.test(permissions) ? Permissions.from(permissions) : null,
  });
}
