import type { IncomingHttpHeaders } from "node:http";
import { decodeBase64 } from "../internal/base64.js";
import { scopeProblem } from "./application.js";
import {
  type AuthorizeRequest,
  consentPage,
  errorPage,
  installedPage,
  manageableGuilds,
  needsGuild,
  redirectTo,
  validateAuthorize,
} from "./authorize.js";
import type { Env } from "./env.js";
import { ACCESS_TOKEN_TTL, CODE_TTL_MS, type Grant, opaqueToken, s256 } from "./grants.js";
import { OAuthError, PageError, type Reply } from "./http.js";
import { guildPayload } from "./payloads.js";

/**
 * GET or POST `/oauth2/authorize`: the consent page (`form` null) and its submission (`form` holds
 * the posted fields; `user_id` and `guild_id` there override the query).
 */
export function handleAuthorize(env: Env, url: URL, form: URLSearchParams | null): Reply {
  const params = new URLSearchParams(url.search);
  if (form)
    for (const key of ["user_id", "guild_id"]) {
      const value = form.get(key);
      if (value !== null) params.set(key, value);
    }
  try {
    const request = validateAuthorize(env, params);
    if (form === null) {
      if (request.prompt === "none" && request.responseType !== null && !needsGuild(request)) {
        const covered = env.grants
          .liveGrantsOf(request.user.id, request.clientId, env.now())
          .some((g) => request.scopes.every((s) => g.grantScopes.includes(s)));
        if (covered) return approve(env, request);
      }
      return consentPage(env, request, url.search.slice(1));
    }
    const action = form.get("action") ?? "authorize";
    if (action === "cancel") return cancel(request);
    if (action !== "authorize") throw new PageError(`Unknown action "${action}".`);
    return approve(env, request);
  } catch (error) {
    if (error instanceof PageError) return errorPage(error.message);
    throw error;
  }
}

function cancel(request: AuthorizeRequest): Reply {
  if (request.redirectUri === null) throw new PageError("The authorization was cancelled.");
  return redirectTo(
    request.redirectUri,
    {
      error: "access_denied",
      error_description: "The resource owner or authorization server denied the request",
      state: request.state,
    },
    request.responseType === "token",
  );
}

function approve(env: Env, request: AuthorizeRequest): Reply {
  const { world } = env;
  let guildId: string | null = null;
  let channelId: string | null = null;
  if (needsGuild(request)) {
    guildId = request.guildId;
    if (!guildId) throw new PageError("Pick a server to continue.");
    const guild = world.guilds.get(guildId);
    if (!guild) throw new PageError("Unknown server.");
    if (!manageableGuilds(env, request.user.id).some((g) => g.id === guild.id)) {
      throw new PageError("You need the Manage Server permission in that server.");
    }
    if (request.scopes.includes("bot") && !world.members.get(world.bot.id)?.has(guild.id)) {
      world.addMember(guild, world.bot.id, new Date(env.now()));
    }
    if (request.scopes.includes("webhook.incoming")) channelId = guild.systemChannelId;
  }
  const botParams = request.scopes.includes("bot")
    ? { guild_id: guildId, permissions: request.permissions ?? "0" }
    : {};
  switch (request.responseType) {
    case "code": {
      const code = env.grants.issueCode(
        {
          clientId: request.clientId,
          userId: request.user.id,
          redirectUri: request.redirectUri,
          scopes: request.scopes,
          codeChallenge: request.codeChallenge,
          expiresAt: env.now() + CODE_TTL_MS,
          guildId,
          channelId,
        },
        env.now(),
      );
      return redirectTo(request.redirectUri, { code, state: request.state, ...botParams }, false);
    }
    case "token": {
      const grant = env.grants.create(
        {
          clientId: request.clientId,
          userId: request.user.id,
          grantScopes: request.scopes,
          scopes: request.scopes,
          pkce: false,
        },
        env.now(),
        false,
      );
      return redirectTo(
        request.redirectUri,
        {
          token_type: "Bearer",
          access_token: grant.accessToken,
          expires_in: String(ACCESS_TOKEN_TTL),
          scope: request.scopes.join(" "),
          state: request.state,
        },
        true,
      );
    }
    case null:
      if (request.redirectUri !== null)
        return redirectTo(request.redirectUri, { state: request.state, ...botParams }, false);
      return installedPage(world.app.name, world.guilds.get(guildId ?? "")?.name ?? "your server");
  }
}

const INVALID_CLIENT = "Invalid client credentials.";
const SECRET_REQUIRED = "Client authentication failed: a client secret is required.";

/** Undoes the form encoding RFC 6749 §2.3.1 applies to Basic credentials. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new OAuthError("invalid_client", INVALID_CLIENT, 401);
  }
}

/** The decoded `id:secret` of an HTTP Basic header, or null for another scheme. */
function basicCredentials(header: string | undefined): string | null {
  if (header === undefined || header.slice(0, 6).toLowerCase() !== "basic ") return null;
  const bytes = decodeBase64(header.slice(6).trim());
  return bytes === null ? "" : new TextDecoder().decode(bytes);
}

/**
 * The client id a token-endpoint request names (form field or Basic user), without checking
 * anything; used to key rate limits per client.
 */
export function requestClientId(headers: IncomingHttpHeaders, form: URLSearchParams | null): string | null {
  const bodyId = form?.get("client_id");
  if (bodyId) return bodyId;
  const basic = basicCredentials(headers.authorization);
  if (basic === null || !basic.includes(":")) return null;
  try {
    return decodeURIComponent(basic.slice(0, basic.indexOf(":")));
  } catch {
    return null;
  }
}

/**
 * Authenticates the client of a token-endpoint request (HTTP Basic or body fields, never both) and
 * answers whether it went without a secret, as a public client does.
 */
function authenticateClient(
  env: Env,
  headers: IncomingHttpHeaders,
  form: URLSearchParams,
): { isPublic: boolean } {
  const bodyId = form.get("client_id");
  const bodySecret = form.get("client_secret");
  let clientId: string;
  let secret: string | null;
  const basic = basicCredentials(headers.authorization);
  if (basic !== null) {
    const colon = basic.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", INVALID_CLIENT, 401);
    clientId = formDecode(basic.slice(0, colon));
    secret = formDecode(basic.slice(colon + 1)) || null;
    if (bodySecret !== null || (bodyId !== null && bodyId !== clientId)) {
      throw new OAuthError("invalid_request", "Use one client authentication method, not two.");
    }
  } else {
    if (bodyId === null) throw new OAuthError("invalid_client", 'Missing "client_id" in request.', 401);
    clientId = bodyId;
    secret = bodySecret;
  }
  const { app } = env.world;
  if (clientId !== app.id) throw new OAuthError("invalid_client", "Unknown client.", 401);
  if (secret !== null && secret !== app.clientSecret) {
    throw new OAuthError("invalid_client", "Invalid client secret.", 401);
  }
  if (secret === null && !app.publicClient) throw new OAuthError("invalid_client", SECRET_REQUIRED, 401);
  return { isPublic: secret === null };
}

function tokenResponse(env: Env, grant: Grant, extra: Record<string, unknown> = {}): Reply {
  return {
    status: 200,
    json: {
      token_type: "Bearer",
      access_token: grant.accessToken,
      expires_in: Math.round((grant.expiresAt - env.now()) / 1000),
      ...(grant.refreshToken ? { refresh_token: grant.refreshToken } : {}),
      scope: grant.scopes.join(" "),
      ...extra,
    },
    headers: { "Cache-Control": "no-store", Pragma: "no-cache" },
  };
}

function parseScopes(raw: string | null): string[] | null {
  if (raw === null) return null;
  return [...new Set(raw.split(/\s+/).filter(Boolean))];
}

const GRANT_TYPES = new Set(["authorization_code", "refresh_token", "client_credentials"]);

/**
 * POST `/oauth2/token`. `form` is null when the body was not form-encoded (Discord then cannot
 * see a grant type at all).
 */
export function handleToken(env: Env, headers: IncomingHttpHeaders, form: URLSearchParams | null): Reply {
  const grantType = form?.get("grant_type");
  if (form === null || !grantType || !GRANT_TYPES.has(grantType)) {
    throw new OAuthError("unsupported_grant_type", "Unsupported grant type");
  }
  const { isPublic } = authenticateClient(env, headers, form);
  if (grantType === "authorization_code") return exchangeCode(env, form, isPublic);
  if (grantType === "refresh_token") return refresh(env, form, isPublic);
  if (isPublic) throw new OAuthError("invalid_client", SECRET_REQUIRED, 401);
  return clientCredentials(env, form);
}

function exchangeCode(env: Env, form: URLSearchParams, isPublic: boolean): Reply {
  const { app } = env.world;
  const code = form.get("code");
  if (code === null) throw new OAuthError("invalid_request", 'Missing "code" in request.');
  const record = env.grants.consumeCode(code);
  if (!record || record.expiresAt <= env.now() || record.clientId !== app.id) {
    throw new OAuthError("invalid_grant", 'Invalid "code" in request.');
  }
  if (isPublic && record.codeChallenge === null) throw new OAuthError("invalid_client", SECRET_REQUIRED, 401);
  if (form.get("redirect_uri") !== record.redirectUri) {
    throw new OAuthError("invalid_grant", 'Invalid "redirect_uri" in request.');
  }
  const verifier = form.get("code_verifier");
  if (record.codeChallenge === null) {
    if (verifier !== null) throw new OAuthError("invalid_grant", 'Invalid "code_verifier"');
  } else {
    if (verifier === null) throw new OAuthError("invalid_request", 'Missing "code_verifier"');
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== record.codeChallenge) {
      throw new OAuthError("invalid_grant", 'Invalid "code_verifier"');
    }
  }
  const grant = env.grants.create(
    {
      clientId: record.clientId,
      userId: record.userId,
      grantScopes: record.scopes,
      scopes: record.scopes,
      pkce: record.codeChallenge !== null,
    },
    env.now(),
    true,
  );
  const extra: Record<string, unknown> = {};
  const guild = record.guildId ? env.world.guilds.get(record.guildId) : undefined;
  if (guild && record.scopes.includes("bot")) extra.guild = guildPayload(guild);
  if (guild && record.channelId && record.scopes.includes("webhook.incoming")) {
    const id = env.world.snowflake(new Date(env.now()));
    const token = opaqueToken(68);
    extra.webhook = {
      application_id: app.id,
      name: app.name,
      url: `${env.baseUrl()}/api/webhooks/${id}/${token}`,
      channel_id: record.channelId,
      token,
      type: 1,
      avatar: null,
      guild_id: guild.id,
      id,
    };
  }
  return tokenResponse(env, grant, extra);
}

function refresh(env: Env, form: URLSearchParams, isPublic: boolean): Reply {
  const refreshToken = form.get("refresh_token");
  if (refreshToken === null) throw new OAuthError("invalid_request", 'Missing "refresh_token" in request.');
  const grant = env.grants.byRefreshToken(refreshToken);
  if (!grant || grant.revoked || grant.clientId !== env.world.app.id) {
    throw new OAuthError("invalid_grant", 'Invalid "refresh_token" in request.');
  }
  if (isPublic && !grant.pkce) throw new OAuthError("invalid_client", SECRET_REQUIRED, 401);
  const requested = parseScopes(form.get("scope"));
  if (requested?.some((s) => !grant.grantScopes.includes(s))) {
    throw new OAuthError(
      "invalid_scope",
      "The requested scope exceeds the scope granted by the resource owner.",
    );
  }
  env.grants.rotate(grant, requested && requested.length > 0 ? requested : grant.grantScopes, env.now());
  return tokenResponse(env, grant);
}

function clientCredentials(env: Env, form: URLSearchParams): Reply {
  const { app } = env.world;
  const scopes = parseScopes(form.get("scope"));
  if (scopes === null || scopes.length === 0)
    throw new OAuthError("invalid_scope", "No scope was requested.");
  for (const scope of scopes) {
    if (scopeProblem(scope) !== null) throw new OAuthError("invalid_scope", `Invalid scope: ${scope}`);
    if (app.teamOwned && scope !== "identify" && scope !== "applications.commands.update") {
      throw new OAuthError(
        "invalid_scope",
        "Team applications may only request identify and applications.commands.update.",
      );
    }
  }
  const grant = env.grants.create(
    { clientId: app.id, userId: app.ownerUserId, grantScopes: scopes, scopes, pkce: false },
    env.now(),
    false,
  );
  return tokenResponse(env, grant);
}

/**
 * POST `/oauth2/token/revoke` (RFC 7009): revoking either token kills the whole grant; an unknown
 * token is not an error. A public client may revoke only grants that started with PKCE.
 */
export function handleRevoke(env: Env, headers: IncomingHttpHeaders, form: URLSearchParams | null): Reply {
  if (form === null)
    throw new OAuthError("invalid_request", "The request body must be application/x-www-form-urlencoded.");
  const { isPublic } = authenticateClient(env, headers, form);
  const token = form.get("token");
  if (token === null) throw new OAuthError("invalid_request", 'Missing "token" in request.');
  const { grants } = env;
  const grant =
    form.get("token_type_hint") === "refresh_token"
      ? (grants.byRefreshToken(token) ?? grants.byAccessToken(token))
      : (grants.byAccessToken(token) ?? grants.byRefreshToken(token));
  if (isPublic && !grant?.pkce) throw new OAuthError("invalid_client", SECRET_REQUIRED, 401);
  if (grant && grant.clientId === env.world.app.id) grants.revoke(grant);
  return { status: 200, json: {} };
}
