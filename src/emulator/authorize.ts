import { KNOWN_SCOPES } from "./application.js";
import type { Env } from "./env.js";
import { escapeHtml, PageError, type Reply } from "./http.js";
import { ADMINISTRATOR, MANAGE_GUILD, type UserRecord } from "./world.js";

/** A validated authorization request. */
export interface AuthorizeRequest {
  clientId: string;
  responseType: "code" | "token" | null;
  scopes: string[];
  redirectUri: string | null;
  state: string | null;
  prompt: string | null;
  codeChallenge: string | null;
  permissions: string | null;
  guildId: string | null;
  disableGuildSelect: boolean;
  user: UserRecord;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether `requested` matches a registered redirect URI: exactly, or, for an `http` loopback URI
 * (127.0.0.1, localhost, [::1]), with any port (RFC 8252 §7.3, as Discord accepts native-app
 * loopback redirects).
 */
export function redirectUriAllowed(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  let want: URL;
  try {
    want = new URL(requested);
  } catch {
    return false;
  }
  if (want.protocol !== "http:" || !LOOPBACK_HOSTS.has(want.hostname)) return false;
  return registered.some((uri) => {
    const have = new URL(uri);
    return (
      have.protocol === "http:" &&
      have.hostname === want.hostname &&
      have.pathname === want.pathname &&
      have.search === want.search
    );
  });
}

/** Validates the query of `/oauth2/authorize`; problems become HTML error pages. */
export function validateAuthorize(env: Env, params: URLSearchParams): AuthorizeRequest {
  const { world } = env;
  const clientId = params.get("client_id");
  if (!clientId) throw new PageError('Missing "client_id".');
  if (clientId !== world.app.id) throw new PageError("Unknown application: the client_id does not exist.");

  const rawType = params.get("response_type");
  if (rawType !== null && rawType !== "code" && rawType !== "token") {
    throw new PageError(`Unsupported response_type "${rawType}".`);
  }
  let redirectUri = params.get("redirect_uri");
  const rawScope = params.get("scope");
  let scopes: string[];
  if (rawScope === null || rawScope.trim() === "") {
    if (rawType !== null || redirectUri !== null)
      throw new PageError("Invalid scope: no scope was requested.");
    scopes = ["applications.commands", "bot"];
  } else {
    scopes = [...new Set(rawScope.split(/[\s+]+/).filter(Boolean))];
  }
  const eligible = world.app.raw.eligible_oauth2_scopes as string[];
  for (const scope of scopes) {
    if (!KNOWN_SCOPES.has(scope)) throw new PageError(`Invalid scope: "${scope}" is not a scope.`);
    if (!eligible.includes(scope))
      throw new PageError(`Invalid scope: "${scope}" is not available to this application.`);
  }
  if (rawType !== null) {
    if (redirectUri === null) {
      redirectUri = world.app.redirectUris[0] ?? null;
      if (redirectUri === null)
        throw new PageError("Invalid OAuth2 redirect_uri: the application has none registered.");
    } else if (!redirectUriAllowed(world.app.redirectUris, redirectUri)) {
      throw new PageError("Invalid OAuth2 redirect_uri: it is not registered for this application.");
    }
  } else if (redirectUri !== null && !redirectUriAllowed(world.app.redirectUris, redirectUri)) {
    throw new PageError("Invalid OAuth2 redirect_uri: it is not registered for this application.");
  }
  if (rawType === "token" && scopes.includes("role_connections.write")) {
    throw new PageError('The "role_connections.write" scope cannot be used with the implicit grant.');
  }
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (challenge !== null || method !== null) {
    if (method !== "S256") throw new PageError('Unsupported "code_challenge_method": only S256 is accepted.');
    if (challenge === null || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      throw new PageError('Invalid "code_challenge": expected a base64url SHA-256 digest (43 characters).');
    }
    if (scopes.includes("role_connections.write")) {
      throw new PageError('The "role_connections.write" scope cannot be used with PKCE.');
    }
  }
  const integrationType = params.get("integration_type");
  if (integrationType !== null && integrationType !== "0" && integrationType !== "1") {
    throw new PageError('Invalid "integration_type": expected 0 or 1.');
  }
  const permissions = params.get("permissions");
  if (permissions !== null && !/^\d{1,20}$/.test(permissions)) throw new PageError('Invalid "permissions".');
  const userId = params.get("user_id");
  const user = userId === null ? world.users[0] : world.users.find((u) => u.id === userId);
  if (!user) throw new PageError("Unknown user_id: pick one of the emulator's users.");
  return {
    clientId,
    responseType: rawType,
    scopes,
    redirectUri,
    state: params.get("state"),
    prompt: params.get("prompt"),
    codeChallenge: challenge,
    permissions,
    guildId: params.get("guild_id"),
    disableGuildSelect: params.get("disable_guild_select") === "true",
    user,
  };
}

/** Whether the request needs a guild picked (bot or incoming-webhook installs). */
export function needsGuild(request: AuthorizeRequest): boolean {
  return request.scopes.includes("bot") || request.scopes.includes("webhook.incoming");
}

/** Guilds where the user may add a bot or a webhook (owner, administrator or MANAGE_GUILD). */
export function manageableGuilds(env: Env, userId: string): { id: string; name: string }[] {
  return env.world
    .guildsOf(userId)
    .filter((m) => (BigInt(m.permissions) & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n)
    .map((m) => ({ id: m.guildId, name: env.world.guilds.get(m.guildId)?.name ?? m.guildId }));
}

const SCOPE_TEXT: Record<string, string> = {
  identify: "Access your username, avatar, and banner",
  email: "Access your email address",
  connections: "Access your third-party connections",
  guilds: "Know what servers you're in",
  "guilds.join": "Join servers for you",
  "guilds.members.read": "Read your member info (nickname, avatar, roles, etc...) for servers you belong to",
  "gdm.join": "Join group DMs for you",
  bot: "Add a bot to a server",
  "webhook.incoming": "Create a webhook in a channel",
  "applications.commands": "Create commands",
  "role_connections.write": "Update your connection and metadata for this app",
};

/** The consent page: app name, scopes, account and guild pickers, Authorize and Cancel. */
export function consentPage(env: Env, request: AuthorizeRequest, query: string): Reply {
  const app = env.world.app.raw;
  const name = escapeHtml(String(app.name));
  const scopeItems = request.scopes
    .map(
      (s) =>
        `<li data-scope="${escapeHtml(s)}">${escapeHtml(SCOPE_TEXT[s] ?? s)} <code>${escapeHtml(s)}</code></li>`,
    )
    .join("\n");
  const userOptions = env.world.users
    .map((u) => {
      const selected = u.id === request.user.id ? " selected" : "";
      return `<option value="${u.id}"${selected}>${escapeHtml(u.global_name ?? u.username)} (@${escapeHtml(u.username)})</option>`;
    })
    .join("");
  let guildPicker = "";
  if (needsGuild(request)) {
    const groups = env.world.users
      .map((u) => {
        const options = manageableGuilds(env, u.id)
          .map((g) => {
            const selected = g.id === request.guildId ? " selected" : "";
            return `<option value="${g.id}"${selected}>${escapeHtml(g.name)}</option>`;
          })
          .join("");
        return options ? `<optgroup label="${escapeHtml(u.username)}">${options}</optgroup>` : "";
      })
      .join("");
    const locked = request.disableGuildSelect ? " disabled" : "";
    const hidden =
      request.disableGuildSelect && request.guildId
        ? `<input type="hidden" name="guild_id" value="${escapeHtml(request.guildId)}">`
        : "";
    guildPicker = `<label>Add to server <select name="guild_id"${locked}>${groups}</select></label>${hidden}`;
  }
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize ${name} | Discord emulator</title>
<style>body{font-family:system-ui,sans-serif;background:#313338;color:#dbdee1;display:flex;justify-content:center;padding:3em}
main{background:#2b2d31;border-radius:8px;padding:2em;max-width:28em}button{padding:.6em 1.4em;border:0;border-radius:4px;margin-right:.5em}
button[value=authorize]{background:#5865f2;color:#fff}label,select{display:block;margin:.5em 0}</style></head>
<body><main>
<h1 id="app-name">${name}</h1>
<p>wants to access your account. This will allow <strong>${name}</strong> to:</p>
<ul id="scopes">
${scopeItems}
</ul>
<form method="post" action="/oauth2/authorize?${escapeHtml(query)}">
<label>Signed in as <select name="user_id">${userOptions}</select></label>
${guildPicker}
<button type="submit" name="action" value="cancel">Cancel</button>
<button type="submit" name="action" value="authorize">Authorize</button>
</form>
</main></body></html>`;
  return { status: 200, html, headers: { "Cache-Control": "no-store" } };
}

/** The HTML page for an invalid authorization request. */
export function errorPage(message: string): Reply {
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Invalid OAuth2 request | Discord emulator</title></head>
<body><main><h1>Something went wrong</h1><p id="error">${escapeHtml(message)}</p></main></body></html>`;
  return { status: 400, html, headers: { "Cache-Control": "no-store" } };
}

/** A page shown after a bot-only install without a redirect URI. */
export function installedPage(appName: string, guildName: string): Reply {
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Authorized | Discord emulator</title></head>
<body><main><h1>Authorized</h1><p id="result">${escapeHtml(appName)} has been added to ${escapeHtml(guildName)}.</p></main></body></html>`;
  return { status: 200, html };
}

/** A 302 to the client's redirect URI with params in the query (code) or the fragment (token). */
export function redirectTo(uri: string, params: Record<string, string | null>, fragment: boolean): Reply {
  const target = new URL(uri);
  const pairs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) pairs.set(key, value);
  if (fragment) {
    target.hash = pairs.toString();
  } else {
    for (const [key, value] of pairs) target.searchParams.set(key, value);
  }
  return { status: 302, headers: { Location: target.toString(), "Cache-Control": "no-store" } };
}
