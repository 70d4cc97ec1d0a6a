/**
 * Requests to the OAuth2 token endpoints: form bodies and client authentication.
 * @see https://discord.com/developers/docs/topics/oauth2
 * @module
 */
import type { OAuth2Scope } from "../models/oauth2.js";
import type { ClientAuthentication } from "./app.js";
import { ROUTES, type Route, type SnowflakeLike, snowflakeOf } from "./routes.js";

/** The OAuth2 client making a token request. */
export interface OAuth2ClientOptions {
  /** The application's client id. */
  readonly clientId: SnowflakeLike;
  /** The client secret; leave it out for a public client using PKCE. */
  readonly clientSecret?: string | undefined;
  /** Overrides the app's {@link ClientAuthentication} for this call. */
  readonly clientAuthentication?: ClientAuthentication | undefined;
  /** Aborts the call. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of `authorizeAccessToken` (the `authorization_code` grant). */
export interface AuthorizeAccessTokenOptions extends OAuth2ClientOptions {
  /** The `code` from the redirect. */
  readonly code: string;
  /** The same redirect URI the authorization request used. */
  readonly redirectUri: string | URL;
  /** The PKCE code verifier, when the authorization request sent a code challenge. */
  readonly codeVerifier?: string | undefined;
}

/** Options of `refreshAccessToken` (the `refresh_token` grant). */
export interface RefreshAccessTokenOptions extends OAuth2ClientOptions {
  /** The refresh token to trade in. It is single-use: Discord answers with a new one. */
  readonly refreshToken: string;
  /** Narrows the new token to these scopes. */
  readonly scopes?: readonly (OAuth2Scope | (string & {}))[] | undefined;
}

/** Options of `revokeAccessToken`. */
export interface RevokeAccessTokenOptions extends OAuth2ClientOptions {
  /** The access or refresh token to revoke, or a token model (its access token is used). */
  readonly token:
    | string
    | {
        /** The model's access token, which is revoked. */
        readonly accessToken: string;
      };
  /** Which kind of token `token` is. Discord revokes the whole authorization either way. */
  readonly tokenTypeHint?: "access_token" | "refresh_token" | undefined;
}

/** Options of `authorizeClientCredentialsToken` (the `client_credentials` grant). */
export interface AuthorizeClientCredentialsTokenOptions extends OAuth2ClientOptions {
  /** The client secret (required for this grant). */
  readonly clientSecret: string;
  /** The scopes to ask for. */
  readonly scopes: readonly (OAuth2Scope | (string & {}))[];
}

/** A prepared token-endpoint request. */
export interface TokenRequest {
  /** `POST /oauth2/token` or `POST /oauth2/token/revoke`. */
  readonly route: Route;
  /** The form body. */
  readonly form: URLSearchParams;
  /** Base64 Basic credentials, or `null` when the client authenticates in the body or not at all. */
  readonly basic: string | null;
  /** Values to keep out of errors. */
  readonly secrets: readonly string[];
  /** `"none"` for revocation, whose body is ignored. */
  readonly expect: "json" | "none";
}

function nonEmpty(value: unknown, name: string): string {
  if (typeof value !== "string" || value === "") throw new TypeError(`${name} must be a non-empty string`);
  return value;
}

/** `value` as `application/x-www-form-urlencoded` writes it (spaces as `+`). */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function scopeList(scopes: unknown, name: string): string {
  if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== "string"))
    throw new TypeError(`${name} must be an array of strings`);
  return scopes.join(" ");
}

/** What {@link build} turns into a {@link TokenRequest}. */
interface TokenRequestParts {
  readonly route: Route;
  /** The grant's own form fields. */
  readonly fields: [string, string][];
  readonly client: OAuth2ClientOptions;
  /** The app's client authentication, used when the call does not choose one. */
  readonly defaultAuthentication: ClientAuthentication;
  /** The grant's own secrets (code, verifier, refresh token, token to revoke). */
  readonly secrets: readonly (string | undefined)[];
  readonly expect?: "json" | "none";
}

function build({
  route,
  fields,
  client,
  defaultAuthentication,
  secrets,
  expect = "json",
}: TokenRequestParts): TokenRequest {
  const clientId = snowflakeOf(client.clientId, "clientId");
  const secret =
    client.clientSecret === undefined ? undefined : nonEmpty(client.clientSecret, "clientSecret");
  const authentication = client.clientAuthentication ?? defaultAuthentication;
  if (authentication !== "basic" && authentication !== "body")
    throw new TypeError('clientAuthentication must be "basic" or "body"');
  const form = new URLSearchParams(fields);
  let basic: string | null = null;
  if (secret === undefined) {
    form.append("client_id", clientId);
  } else if (authentication === "basic") {
    // RFC 6749 §2.3.1: form-encode both parts first, which also leaves only ASCII for btoa.
    basic = btoa(`${formEncode(clientId)}:${formEncode(secret)}`);
  } else {
    form.append("client_id", clientId);
    form.append("client_secret", secret);
  }
  const kept = [...secrets, secret, basic ?? undefined].filter(
    (value): value is string => typeof value === "string" && value !== "",
  );
  return { route, form, basic, secrets: kept, expect };
}

/**
 * Builders of the four token-endpoint requests.
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant
 */
export const tokenRequest = {
  authorizationCode(
    options: AuthorizeAccessTokenOptions,
    authentication: ClientAuthentication,
  ): TokenRequest {
    const code = nonEmpty(options.code, "code");
    const redirectUri =
      options.redirectUri instanceof URL
        ? options.redirectUri.href
        : nonEmpty(options.redirectUri, "redirectUri");
    const fields: [string, string][] = [
      ["grant_type", "authorization_code"],
      ["code", code],
      ["redirect_uri", redirectUri],
    ];
    if (options.codeVerifier !== undefined)
      fields.push(["code_verifier", nonEmpty(options.codeVerifier, "codeVerifier")]);
    return build({
      route: ROUTES.token,
      fields,
      client: options,
      defaultAuthentication: authentication,
      secrets: [code, options.codeVerifier],
    });
  },

  refreshToken(options: RefreshAccessTokenOptions, authentication: ClientAuthentication): TokenRequest {
    const refreshToken = nonEmpty(options.refreshToken, "refreshToken");
    const fields: [string, string][] = [
      ["grant_type", "refresh_token"],
      ["refresh_token", refreshToken],
    ];
    if (options.scopes !== undefined) fields.push(["scope", scopeList(options.scopes, "scopes")]);
    return build({
      route: ROUTES.token,
      fields,
      client: options,
      defaultAuthentication: authentication,
      secrets: [refreshToken],
    });
  },

  revoke(options: RevokeAccessTokenOptions, authentication: ClientAuthentication): TokenRequest {
    const raw = options.token;
    const token = nonEmpty(typeof raw === "string" ? raw : raw?.accessToken, "token");
    const fields: [string, string][] = [["token", token]];
    if (options.tokenTypeHint !== undefined) {
      if (options.tokenTypeHint !== "access_token" && options.tokenTypeHint !== "refresh_token") {
        throw new TypeError('tokenTypeHint must be "access_token" or "refresh_token"');
      }
      fields.push(["token_type_hint", options.tokenTypeHint]);
    }
    return build({
      route: ROUTES.tokenRevoke,
      fields,
      client: options,
      defaultAuthentication: authentication,
      secrets: [token],
      expect: "none",
    });
  },

  clientCredentials(
    options: AuthorizeClientCredentialsTokenOptions,
    authentication: ClientAuthentication,
  ): TokenRequest {
    nonEmpty(options.clientSecret, "clientSecret");
    const fields: [string, string][] = [
      ["grant_type", "client_credentials"],
      ["scope", scopeList(options.scopes, "scopes")],
    ];
    return build({
      route: ROUTES.token,
      fields,
      client: options,
      defaultAuthentication: authentication,
      secrets: [],
    });
  },
};
