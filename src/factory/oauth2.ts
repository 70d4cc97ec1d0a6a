/**
 * Builds OAuth2 models (tokens, the current authorization) from Discord's payloads, and back.
 * @module
 */
import type { Open } from "../internal/enums.js";
import {
  asObject,
  fail,
  optStringValue,
  type RawObject,
  stringsValue,
  stringValue,
  timestampValue,
  toDiscordTimestamp,
} from "../internal/read.js";
import {
  AuthorizationInformation,
  OAuth2AuthorizationToken,
  OAuth2ImplicitToken,
  type OAuth2Scope,
  PartialOAuth2Token,
  type PartialOAuth2TokenInit,
} from "../models/oauth2.js";
import type {
  RawAuthorizationInformation,
  RawAuthorizationToken,
  RawImplicitToken,
  RawPartialToken,
} from "../payloads/oauth2.js";
import type { RESTAware } from "../traits.js";
import { deserializeAuthorizationApplication, serializeAuthorizationApplication } from "./applications.js";
import { deserializeRestGuild, serializeRestGuild } from "./guilds.js";
import { deserializeUser, serializeUser } from "./users.js";
import { deserializeIncomingWebhook, serializeIncomingWebhook } from "./webhooks.js";

/** A moment: a `Date` or milliseconds since the Unix epoch. */
export type Instant = Date | number;

/**
 * The scopes of a space-separated `scope` string, without empty entries (hikari keeps the empty
 * strings that doubled spaces produce).
 */
export function parseScopes(scope: string): Open<OAuth2Scope>[] {
  const out: string[] = [];
  for (const part of scope.split(" ")) if (part !== "") out.push(part);
  return out;
}

const DIGITS = /^\d{1,15}$/;

function readExpiresIn(value: unknown, path: string, fromQuery: boolean): number {
  if (Number.isSafeInteger(value)) return value as number;
  if (fromQuery && typeof value === "string" && DIGITS.test(value)) return Number(value);
  return fail(`${path}.expires_in`, "lifetime in seconds (integer)", value);
}

const SCOPE_CACHE_LIMIT = 256;
const scopeLists = new Map<string, readonly Open<OAuth2Scope>[]>();
let lastScope = "";
let lastScopes: readonly Open<OAuth2Scope>[] = Object.freeze([]);

/**
 * The scopes of `scope`, as a frozen list shared by every token granted the same scope string. An
 * application asks for the same scopes again and again, so the last string is compared before hashing.
 */
function readScopes(value: unknown, path: string): readonly Open<OAuth2Scope>[] {
  const scope = stringValue(value, path, "scope");
  if (scope === lastScope) return lastScopes;
  let scopes = scopeLists.get(scope);
  if (scopes === undefined) {
    scopes = Object.freeze(parseScopes(scope));
    if (scopeLists.size < SCOPE_CACHE_LIMIT) scopeLists.set(scope, scopes);
  }
  lastScope = scope;
  lastScopes = scopes;
  return scopes;
}

/** Our stored `expires_at` when present, else `now + expiresIn` seconds. */
function readExpiresAt(value: unknown, path: string, now: Instant | undefined, expiresIn: number): Date {
  if (value != null) return timestampValue(value, path, "expires_at");
  const base = now === undefined ? Date.now() : typeof now === "number" ? now : now.getTime();
  const expiresAt = new Date(base + expiresIn * 1000);
  if (Number.isNaN(expiresAt.getTime()))
    fail(`${path}.expires_in`, "lifetime in seconds within Date's range", base);
  return expiresAt;
}

function readTokenFields(
  raw: RawObject,
  path: string,
  now: Instant | undefined,
  fromQuery: boolean,
): PartialOAuth2TokenInit {
  const accessToken = stringValue(raw.access_token, path, "access_token");
  const tokenType = stringValue(raw.token_type, path, "token_type");
  const expiresIn = readExpiresIn(raw.expires_in, path, fromQuery);
  const scopes = readScopes(raw.scope, path);
  return {
    accessToken,
    tokenType,
    expiresIn,
    expiresAt: readExpiresAt(raw.expires_at, path, now, expiresIn),
    scopes,
  };
}

/**
 * Builds a {@link PartialOAuth2Token} from a client-credentials token response. `expiresAt` is the
 * stored `expires_at` when present, else `now + expires_in`.
 * @param raw - the parsed JSON body.
 * @param path - the JSON path of `raw`, for error messages.
 * @param now - when the response was received (default: the current time).
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializePartialToken(raw: unknown, path = "$", now?: Instant): PartialOAuth2Token {
  return new PartialOAuth2Token(readTokenFields(asObject(raw, path), path, now, false));
}

/**
 * Builds an {@link OAuth2AuthorizationToken} from an authorization-code or refresh-token response.
 * @param raw - the parsed JSON body.
 * @param app - the client that the webhook and guild models carry, or `null`.
 * @param path - the JSON path of `raw`, for error messages.
 * @param now - when the response was received (default: the current time).
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeAuthorizationToken(
  raw: unknown,
  app: RESTAware | null,
  path = "$",
  now?: Instant,
): OAuth2AuthorizationToken {
  const obj = asObject(raw, path);
  const accessToken = stringValue(obj.access_token, path, "access_token");
  const tokenType = stringValue(obj.token_type, path, "token_type");
  const expiresIn = readExpiresIn(obj.expires_in, path, false);
  const scopes = readScopes(obj.scope, path);
  return new OAuth2AuthorizationToken({
    accessToken,
    tokenType,
    expiresIn,
    expiresAt: readExpiresAt(obj.expires_at, path, now, expiresIn),
    scopes,
    refreshToken: stringValue(obj.refresh_token, path, "refresh_token"),
    webhook: obj.webhook == null ? null : deserializeIncomingWebhook(obj.webhook, app, `${path}.webhook`),
    guild: obj.guild == null ? null : deserializeRestGuild(obj.guild, app, `${path}.guild`),
  });
}

/** What {@link EntityFactory.deserializeImplicitToken} accepts. */
export type ImplicitTokenSource = URL | URLSearchParams | string | Readonly<Record<string, string | number>>;

function paramsOf(source: URLSearchParams): RawObject {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of source) if (!(key in out)) out[key] = value;
  return out;
}

function implicitParams(source: unknown, path: string): RawObject {
  if (source instanceof URLSearchParams) return paramsOf(source);
  if (source instanceof URL) {
    return paramsOf(new URLSearchParams(source.hash.length > 1 ? source.hash.slice(1) : source.search));
  }
  if (typeof source === "string") {
    const hash = source.indexOf("#");
    if (hash !== -1) return paramsOf(new URLSearchParams(source.slice(hash + 1)));
    const query = source.indexOf("?");
    return paramsOf(new URLSearchParams(query === -1 ? source : source.slice(query + 1)));
  }
  if (typeof source === "object" && source !== null && !Array.isArray(source)) return source as RawObject;
  return fail(path, "redirect URL, query string, URLSearchParams or object", source);
}

/**
 * Builds an {@link OAuth2ImplicitToken} from the implicit grant's redirect: the whole redirect URL (a
 * `URL`, or a string with `#` or `?`), its fragment or query alone (`URLSearchParams`, or a bare
 * `a=b&c=d` string), or an object of its values. Only converts: checking `state` is the OAuth2 helper's job.
 * @param now - when the redirect was received (default: the current time).
 * @throws DeserializationError when a value is missing or malformed.
 */
export function deserializeImplicitToken(source: unknown, path = "$", now?: Instant): OAuth2ImplicitToken {
  const raw = implicitParams(source, path);
  const fields = readTokenFields(raw, path, now, true);
  return new OAuth2ImplicitToken({
    accessToken: fields.accessToken,
    tokenType: fields.tokenType,
    expiresIn: fields.expiresIn,
    expiresAt: fields.expiresAt,
    scopes: fields.scopes,
    state: optStringValue(raw.state, path, "state"),
  });
}

function writeToken(token: PartialOAuth2Token): RawPartialToken {
  return {
    access_token: token.accessToken,
    token_type: token.tokenType,
    expires_in: token.expiresIn,
    scope: token.scopes.join(" "),
    expires_at: token.expiresAt.toISOString(),
  };
}

/** The token response for `token`, access token included, plus our `expires_at`. */
export function serializePartialToken(token: PartialOAuth2Token): RawPartialToken {
  return writeToken(token);
}

/** The token response for `token`, secrets included, plus our `expires_at`. */
export function serializeAuthorizationToken(token: OAuth2AuthorizationToken): RawAuthorizationToken {
  const out: RawAuthorizationToken = { ...writeToken(token), refresh_token: token.refreshToken };
  if (token.webhook !== null) out.webhook = serializeIncomingWebhook(token.webhook);
  if (token.guild !== null) out.guild = serializeRestGuild(token.guild);
  return out;
}

/** The implicit grant's values for `token`, access token included, plus our `expires_at`. */
export function serializeImplicitToken(token: OAuth2ImplicitToken): RawImplicitToken {
  const out: RawImplicitToken = writeToken(token);
  if (token.state !== null) out.state = token.state;
  return out;
}

/**
 * Builds {@link AuthorizationInformation} from `GET /oauth2/@me`.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeAuthorizationInformation(
  raw: unknown,
  app: RESTAware | null,
  path = "$",
): AuthorizationInformation {
  const obj = asObject(raw, path);
  return new AuthorizationInformation({
    application: deserializeAuthorizationApplication(obj.application, app, `${path}.application`),
    expiresAt: timestampValue(obj.expires, path, "expires"),
    scopes: stringsValue(obj.scopes, path, "scopes", true),
    user: obj.user == null ? null : deserializeUser(obj.user, app, `${path}.user`),
  });
}

/** Discord's `OAuth2GetAuthorizationResponse` for `info`. */
export function serializeAuthorizationInformation(
  info: AuthorizationInformation,
): RawAuthorizationInformation {
  const out: RawAuthorizationInformation = {
    application: serializeAuthorizationApplication(info.application),
    scopes: [...info.scopes],
    expires: toDiscordTimestamp(info.expiresAt),
  };
  if (info.user !== null) out.user = serializeUser(info.user);
  return out;
}
