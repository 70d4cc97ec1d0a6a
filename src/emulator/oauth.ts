import type { IncomingHttpHeaders } from "node:http";
import { KNOWN_SCOPES } from "./application.js";
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

/** GET or POST `/oauth2/authorize`: the consent page and its submission. */
export function handleAuthorize(env: Env, method: string, url: URL, form: URLSearchParams | null): Reply {
  const params = new URLSearchParams(url.search);
  if (form)
    for (const key of ["user_id", "guild_id"]) {
      const value = form.get(key);
      if (value !== null) params.set(key, value);
    }
  let request: AuthorizeRequest;
  try {
    request = validateAuthorize(env, params);
  } catch (error) {
    if (error instanceof PageError) return errorPage(error.message);
    throw error;
  }
  if (method === "GET") {
    if (request.prompt === "none" && !needsGuild(request) && request.responseType !== null) {
      const covered = env.grants
        .liveGrantsOf(request.user.id, request.clientId, env.now())
        .some((g) => request.scopes.every((s) => g.grantScopes.includes(s)));
      if (covered) return approve(env, request);
    }
    return consentPage(env, request, url.search.slice(1));
  }
  const action = form?.get("action") ?? "authorize";
  if (action === "cancel") {
    if (request.redirectUri === null) return errorPage("The authorization was cancelled.");
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
  if (action !== "authorize") return errorPage(`Unknown action "${action}".`);
  try {
    return approve(env, request);
  } catch (error) {
    if (error instanceof PageError) return errorPage(error.message);
    throw error;
  }
}

function approve(env: Env, request: AuthorizeRequest): Reply {
  const { world } = env;
  let guildId: string | null = null;
  let channelId: string | null = null;
  if (needsGuild(request)) {
    guildId = request.guildId;
    if (!guildId) throw new PageError("Pick a server to continue.");
    if (!manageableGuilds(env, request.user.id).some((g) => g.id === guildId)) {
      throw new PageError("You need the Manage Server permission in that server.");
    }
    const guild = world.guilds.get(guildId);
    if (!guild) throw new PageError("Unknown server.");
    if (request.scopes.includes("bot") && !world.members.get(world.bot.id)?.has(guild.id)) {
      world.addMember(guild, world.bot.id, new Date(env.now()));
    }
    if (request.scopes.includes("webhook.incoming")) channelId = guild.systemChannelId;
  }
  const botParams = request.scopes.includes("bot")
    ? { guild_id: guildId, permissions: request.permissions ?? "0" }
    : {};
  if (request.responseType === "code") {
    const code = env.grants.issueCode({
      clientId: request.clientId,
      userId: request.user.id,
      redirectUri: request.redirectUri as string,
      scopes: request.scopes,
      codeChallenge: request.codeChallenge,
      expiresAt: env.now() + CODE_TTL_MS,
      guildId,
      channelId,
      permissions: request.permissions,
    });
    return redirectTo(request.redirectUri as string, { code, state: request.state, ...botParams }, false);
  }
  if (request.responseType === "token") {
    const grant = env.grants.create(
      {
        clientId: request.clientId,
        userId: request.user.id,
        grantScopes: request.scopes,
        scopes: request.scopes,
        pkce: false,
        source: "implicit",
      },
      env.now(),
      false,
    );
    return redirectTo(
      request.redirectUri as string,
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
  if (request.redirectUri !== null)
    return redirectTo(request.redirectUri, { state: request.state, ...botParams }, false);
  return installedPage(String(world.app.raw.name), world.guilds.get(guildId ?? "")?.name ?? "your server");
}

/** Undoes the form encoding RFC 6749 §2.3.1 applies to Basic credentials. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new OAuthError("invalid_client", "Invalid client credentials.", 401);
  }
}

interface ClientAuth {
  clientId: string;
  secret: string | null;
}

function clientAuth(headers: IncomingHttpHeaders, form: URLSearchParams): ClientAuth {
  const header = headers.authorization;
  const bodyId = form.get("client_id");
  const bodySecret = form.get("client_secret");
  if (header?.startsWith("Basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", "Invalid client credentials.", 401);
    const clientId = formDecode(decoded.slice(0, colon));
    const secret = formDecode(decoded.slice(colon + 1));
    if (bodySecret !== null || (bodyId !== null && bodyId !== clientId)) {
      throw new OAuthError("invalid_request", "Use one client authentication method, not two.");
    }
    return { clientId, secret: secret === "" ? null : secret };
  }
  if (bodyId === null) throw new OAuthError("invalid_client", 'Missing "client_id" in request.', 401);
  return { clientId: bodyId, secret: bodySecret };
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

/**
 * POST `/oauth2/token`. `form` is null when the body was not form-encoded (Discord then cannot
 * see a grant type at all).
 */
export function handleToken(env: Env, headers: IncomingHttpHeaders, form: URLSearchParams | null): Reply {
  if (form === null) throw new OAuthError("unsupported_grant_type", "Unsupported grant type");
  const grantType = form.get("grant_type");
  if (
    grantType !== "authorization_code" &&
    grantType !== "refresh_token" &&
    grantType !== "client_credentials"
  ) {
    throw new OAuthError("unsupported_grant_type", "Unsupported grant type");
  }
  const auth = clientAuth(headers, form);
  const { app } = env.world;
  if (auth.clientId !== app.id) throw new OAuthError("invalid_client", "Unknown client.", 401);
  if (auth.secret !== null && auth.secret !== app.clientSecret) {
    throw new OAuthError("invalid_client", "Invalid client secret.", 401);
  }
  const isPublic = auth.secret === null;
  if (isPublic && (!app.publicClient || grantType === "client_credentials")) {
    throw new OAuthError("invalid_client", "Client authentication failed: a client secret is required.", 401);
  }
  const now = env.now();

  if (grantType === "authorization_code") {
    const code = form.get("code");
    if (code === null) throw new OAuthError("invalid_request", 'Missing "code" in request.');
    const redirectUri = form.get("redirect_uri");
    const verifier = form.get("code_verifier");
    const record = env.grants.consumeCode(code);
    if (!record || record.expiresAt <= now || record.clientId !== auth.clientId) {
      throw new OAuthError("invalid_grant", 'Invalid "code" in request.');
    }
    if (isPublic && record.codeChallenge === null) {
      throw new OAuthError(
        "invalid_client",
        "Client authentication failed: a client secret is required.",
        401,
      );
    }
    if (redirectUri !== record.redirectUri)
      throw new OAuthError("invalid_grant", 'Invalid "redirect_uri" in request.');
    if (record.codeChallenge !== null) {
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
        source: "authorization_code",
      },
      now,
      true,
    );
    const extra: Record<string, unknown> = {};
    const guild = record.guildId ? env.world.guilds.get(record.guildId) : undefined;
    if (guild && record.scopes.includes("bot")) extra.guild = guildPayload(guild);
    if (guild && record.channelId && record.scopes.includes("webhook.incoming")) {
      const id = nextWebhookId(env);
      const token = opaqueToken(68);
      const name = String(app.raw.name);
      env.webhooks.set(id, { id, token, guildId: guild.id, channelId: record.channelId, name });
      extra.webhook = {
        application_id: app.id,
        name,
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

  if (grantType === "refresh_token") {
    const refreshToken = form.get("refresh_token");
    if (refreshToken === null) throw new OAuthError("invalid_request", 'Missing "refresh_token" in request.');
    const grant = env.grants.byRefreshToken(refreshToken);
    if (!grant || grant.revoked || grant.clientId !== auth.clientId) {
      throw new OAuthError("invalid_grant", 'Invalid "refresh_token" in request.');
    }
    if (isPublic && !grant.pkce) {
      throw new OAuthError(
        "invalid_client",
        "Client authentication failed: a client secret is required.",
        401,
      );
    }
    const requested = parseScopes(form.get("scope"));
    if (requested?.some((s) => !grant.grantScopes.includes(s))) {
      throw new OAuthError(
        "invalid_scope",
        "The requested scope exceeds the scope granted by the resource owner.",
      );
    }
    env.grants.rotate(grant, requested && requested.length > 0 ? requested : grant.grantScopes, now);
    return tokenResponse(env, grant);
  }

  const scopes = parseScopes(form.get("scope"));
  if (scopes === null || scopes.length === 0)
    throw new OAuthError("invalid_scope", "No scope was requested.");
  const eligible = app.raw.eligible_oauth2_scopes as string[];
  for (const scope of scopes) {
    if (!KNOWN_SCOPES.has(scope) || !eligible.includes(scope)) {
      throw new OAuthError("invalid_scope", `Invalid scope: ${scope}`);
    }
    if (app.teamOwned && scope !== "identify" && scope !== "applications.commands.update") {
      throw new OAuthError(
        "invalid_scope",
        "Team applications may only request identify and applications.commands.update.",
      );
    }
  }
  const grant = env.grants.create(
    {
      clientId: app.id,
      userId: app.ownerUserId,
      grantScopes: scopes,
      scopes,
      pkce: false,
      source: "client_credentials",
    },
    now,
    false,
  );
  return tokenResponse(env, grant);
}

/** POST `/oauth2/token/revoke`: revoking either token kills the whole grant. */
export function handleRevoke(env: Env, headers: IncomingHttpHeaders, form: URLSearchParams | null): Reply {
  if (form === null)
    throw new OAuthError("invalid_request", "The request body must be application/x-www-form-urlencoded.");
  const auth = clientAuth(headers, form);
  const { app } = env.world;
  if (auth.clientId !== app.id) throw new OAuthError("invalid_client", "Unknown client.", 401);
  if (auth.secret !== null && auth.secret !== app.clientSecret) {
    throw new OAuthError("invalid_client", "Invalid client secret.", 401);
  }
  const token = form.get("token");
  if (token === null) throw new OAuthError("invalid_request", 'Missing "token" in request.');
  const hint = form.get("token_type_hint");
  const grant =
    hint === "refresh_token"
      ? (env.grants.byRefreshToken(token) ?? env.grants.byAccessToken(token))
      : (env.grants.byAccessToken(token) ?? env.grants.byRefreshToken(token));
  if (auth.secret === null && (!app.publicClient || !grant?.pkce)) {
    throw new OAuthError("invalid_client", "Client authentication failed: a client secret is required.", 401);
  }
  if (grant && grant.clientId === auth.clientId) env.grants.revoke(grant);
  return { status: 200, json: {} };
}

function nextWebhookId(env: Env): string {
  const ms = BigInt(env.now()) - 1420070400000n;
  return ((ms << 22n) | BigInt(env.webhooks.size & 0xfff)).toString();
}
