import { randomBytes } from "node:crypto";
import { Permissions } from "../models/permissions.js";
import { snowflakeToDate } from "../snowflakes.js";
import { scopeProblem } from "./application.js";
import type { Env } from "./env.js";
import { escapeHtml, PageError, type Reply } from "./http.js";
import type { UserRecord } from "./world.js";

interface AuthorizeBase {
  clientId: string;
  scopes: string[];
  state: string | null;
  prompt: string | null;
  codeChallenge: string | null;
  permissions: string | null;
  guildId: string | null;
  disableGuildSelect: boolean;
  user: UserRecord;
}

/**
 * A validated authorization request. The code and implicit flows always have a redirect URI; a bare
 * bot install (no `response_type`) may go without one.
 */
export type AuthorizeRequest = AuthorizeBase &
  (
    | { responseType: "code" | "token"; redirectUri: string }
    | { responseType: null; redirectUri: string | null }
  );

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether `requested` matches a registered redirect URI: exactly, or, for an `http` loopback URI
 * (127.0.0.1, localhost, [::1]), with any port (RFC 8252 §7.3, as Discord accepts native-app
 * loopback redirects).
 */
function redirectUriAllowed(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  const want = URL.parse(requested);
  if (want === null || want.protocol !== "http:" || !LOOPBACK_HOSTS.has(want.hostname)) return false;
  return registered.some((uri) => {
    const have = URL.parse(uri);
    return (
      have !== null &&
      have.protocol === "http:" &&
      have.hostname === want.hostname &&
      have.pathname === want.pathname &&
      have.search === want.search
    );
  });
}

/** Validates the query of `/oauth2/authorize`; a problem is a {@link PageError}, shown as an HTML page. */
export function validateAuthorize(env: Env, params: URLSearchParams): AuthorizeRequest {
  const { world } = env;
  const clientId = params.get("client_id");
  if (!clientId) throw new PageError('Missing "client_id".');
  if (clientId !== world.app.id) throw new PageError("Unknown application: the client_id does not exist.");

  const responseType = params.get("response_type");
  if (responseType !== null && responseType !== "code" && responseType !== "token") {
    throw new PageError(`Unsupported response_type "${responseType}".`);
  }
  const requestedUri = params.get("redirect_uri");
  const rawScope = params.get("scope");
  let scopes: string[];
  if (rawScope === null || rawScope.trim() === "") {
    if (responseType !== null || requestedUri !== null)
      throw new PageError("Invalid scope: no scope was requested.");
    scopes = ["applications.commands", "bot"];
  } else {
    scopes = [...new Set(rawScope.split(/[\s+]+/).filter(Boolean))];
  }
  for (const scope of scopes) {
    const problem = scopeProblem(scope);
    if (problem !== null) throw new PageError(`Invalid scope: ${problem}`);
  }
  if (requestedUri !== null && !redirectUriAllowed(world.app.redirectUris, requestedUri)) {
    throw new PageError("Invalid OAuth2 redirect_uri: it is not registered for this application.");
  }
  if (responseType === "token" && scopes.includes("role_connections.write")) {
    throw new PageError('The "role_connections.write" scope cannot be used with the implicit grant.');
  }
  const codeChallenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (codeChallenge !== null || method !== null) {
    if (method !== "S256") throw new PageError('Unsupported "code_challenge_method": only S256 is accepted.');
    if (codeChallenge === null || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
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
  const base: AuthorizeBase = {
    clientId,
    scopes,
    state: params.get("state"),
    prompt: params.get("prompt"),
    codeChallenge,
    permissions,
    guildId: params.get("guild_id"),
    disableGuildSelect: params.get("disable_guild_select") === "true",
    user,
  };
  if (responseType === null) return { ...base, responseType, redirectUri: requestedUri };
  const redirectUri = requestedUri ?? world.app.redirectUris[0];
  if (redirectUri === undefined) {
    throw new PageError("Invalid OAuth2 redirect_uri: the application has none registered.");
  }
  return { ...base, responseType, redirectUri };
}

/** Whether the request needs a guild picked (bot or incoming-webhook installs). */
export function needsGuild(request: AuthorizeRequest): boolean {
  return request.scopes.includes("bot") || request.scopes.includes("webhook.incoming");
}

/** Guilds where the user may add a bot or a webhook (owner, administrator or MANAGE_GUILD). */
export function manageableGuilds(env: Env, userId: string): { id: string; name: string }[] {
  return env.world
    .guildsOf(userId)
    .filter((m) => Permissions.from(m.permissions).any(Permissions.MANAGE_GUILD, Permissions.ADMINISTRATOR))
    .map((m) => ({ id: m.guildId, name: env.world.guilds.get(m.guildId)?.name ?? m.guildId }));
}

/** What each scope lets the application do, in plain words for the consent page. */
const SCOPE_TEXT: Record<string, string> = {
  identify: "See your username, display name, avatar and banner",
  email: "See your email address",
  connections: "See the accounts you linked to Discord (GitHub, Steam, ...)",
  guilds: "See which servers you are in",
  "guilds.join": "Add you to servers its bot is in",
  "guilds.members.read": "See your nickname, roles and join date in your servers",
  "gdm.join": "Add you to group DMs it manages",
  bot: "Add its bot to a server you manage",
  "webhook.incoming": "Post messages to a channel through a webhook",
  "applications.commands": "Add commands you can use in servers and DMs",
  "applications.commands.update": "Update its own commands",
  "applications.commands.permissions.update": "Change who may use its commands in your servers",
  "applications.entitlements": "See what you bought or subscribed to in this app",
  "applications.store.update": "Manage its store listings",
  "applications.builds.read": "Read the builds of its games",
  "role_connections.write": "Update the linked-role details it keeps for you",
};

/** Up to two initials of a name, as Discord shows for an application without an icon. */
function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0] ?? "");
  return (letters.length > 1 ? letters[0] + (letters.at(-1) ?? "") : (letters[0] ?? "?")).toUpperCase();
}

/** A stable hue for an id, so each avatar fallback keeps its colour. */
function hue(id: string): number {
  return Number(BigInt(id) % 360n);
}

const STYLE = `*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px;
font:15px/1.4 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif;color:#dbdee1;
background:radial-gradient(circle at 20% 10%,#5865f2 0,#404eed 30%,#23272a 100%)}
main{width:100%;max-width:440px;background:#2b2d31;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.35);overflow:hidden}
.body{padding:32px 24px 16px}
.faces{display:flex;align-items:center;justify-content:center;gap:12px;margin-bottom:16px}
.avatar{width:80px;height:80px;border-radius:50%;display:flex;align-items:center;justify-content:center;
font-size:28px;font-weight:700;color:#fff}
.avatar.small{width:56px;height:56px;font-size:20px}
.dots{color:#80848e;letter-spacing:4px;font-size:20px}
.kicker{text-align:center;margin:0;color:#b5bac1;font-size:13px;text-transform:uppercase;letter-spacing:.02em}
h1{text-align:center;margin:4px 0 4px;font-size:24px;color:#f2f3f5}
.lead{text-align:center;margin:0 0 16px;color:#b5bac1}
.description{margin:0 0 16px;padding:12px;background:#1e1f22;border-radius:4px;color:#b5bac1;font-size:14px}
label{display:block;margin:0 0 16px;font-size:12px;font-weight:700;text-transform:uppercase;color:#b5bac1}
select{display:block;width:100%;margin-top:8px;padding:10px;border-radius:4px;border:0;background:#1e1f22;color:#dbdee1;font:inherit;text-transform:none;font-weight:400}
h2{font-size:12px;text-transform:uppercase;color:#b5bac1;margin:8px 0 12px}
ul{list-style:none;margin:0 0 16px;padding:0}
#scopes li{display:flex;gap:12px;align-items:baseline;padding:10px 0;border-bottom:1px solid #3f4147}
#scopes li:last-child{border-bottom:0}
.check{flex:none;width:20px;height:20px;border-radius:50%;background:#23a55a;color:#fff;font-size:12px;
display:inline-flex;align-items:center;justify-content:center;transform:translateY(3px)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;color:#949ba4;margin-left:auto;padding-left:8px}
.facts li{color:#949ba4;font-size:13px;padding:4px 0}
.facts strong{color:#dbdee1;font-weight:600;word-break:break-all}
footer{display:flex;justify-content:space-between;align-items:center;padding:16px 24px;background:#232428}
button{font:inherit;font-weight:600;border:0;border-radius:4px;padding:10px 24px;cursor:pointer}
button.cancel{background:none;color:#dbdee1;padding:10px 8px}
button.cancel:hover{text-decoration:underline}
button.authorize{background:#5865f2;color:#fff}
button.authorize:hover{background:#4752c4}
.note{text-align:center;color:#80848e;font-size:12px;margin:8px 0 0}
.message{text-align:center;padding:8px 0 16px}`;

interface PageOptions {
  title: string;
  body: string;
  status?: number;
  script?: string;
}

function page({ title, body, status = 200, script }: PageOptions): Reply {
  const nonce = script === undefined ? null : randomBytes(16).toString("base64");
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} | Discord emulator</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><main>${body}</main>${nonce === null ? "" : `<script nonce="${nonce}">${script}</script>`}</body></html>`;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (nonce !== null) {
    headers["Content-Security-Policy"] =
      `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; base-uri 'none'; frame-ancestors 'none'`;
  }
  return { status, html, headers };
}

/** Keeps the server picker to the guilds of the account picked above it. */
const PICKER_SCRIPT = `const user=document.querySelector('select[name="user_id"]');
const guild=document.querySelector('select[name="guild_id"]:not([disabled])');
function sync(){if(!guild)return;let first=null;
for(const group of guild.querySelectorAll("optgroup")){const mine=group.dataset.user===user.value;
group.hidden=!mine;group.disabled=!mine;if(mine&&!first)first=group.querySelector("option");}
const picked=guild.selectedOptions[0];
if(picked&&picked.parentElement.disabled)guild.value=first?first.value:"";}
user.addEventListener("change",sync);sync();`;

/** The consent page: app name and icon, what the scopes allow, account and server pickers, Authorize and Cancel. */
export function consentPage(env: Env, request: AuthorizeRequest, query: string): Reply {
  const { world } = env;
  const app = world.app;
  const name = escapeHtml(app.name);
  const description = typeof app.raw.description === "string" ? app.raw.description : "";
  const scopeItems = request.scopes
    .map(
      (s) =>
        `<li data-scope="${escapeHtml(s)}"><span class="check" aria-hidden="true">&#10003;</span><span>${escapeHtml(SCOPE_TEXT[s] ?? s)}</span><code>${escapeHtml(s)}</code></li>`,
    )
    .join("\n");
  const userOptions = world.users
    .map((u) => {
      const selected = u.id === request.user.id ? " selected" : "";
      const label = u.global_name === null ? "" : `${escapeHtml(u.global_name)} `;
      return `<option value="${u.id}"${selected}>${label}@${escapeHtml(u.username)}</option>`;
    })
    .join("");
  let guildPicker = "";
  if (needsGuild(request)) {
    const groups = world.users
      .map((u) => {
        const options = manageableGuilds(env, u.id)
          .map((g) => {
            const selected = g.id === request.guildId ? " selected" : "";
            return `<option value="${g.id}"${selected}>${escapeHtml(g.name)}</option>`;
          })
          .join("");
        return options
          ? `<optgroup label="${escapeHtml(u.username)}" data-user="${u.id}">${options}</optgroup>`
          : "";
      })
      .join("");
    const locked = request.disableGuildSelect ? " disabled" : "";
    const hidden =
      request.disableGuildSelect && request.guildId
        ? `<input type="hidden" name="guild_id" value="${escapeHtml(request.guildId)}">`
        : "";
    guildPicker = `<label>Add to server<select name="guild_id"${locked}><option value="">Select a server</option>${groups}</select></label>${hidden}`;
  }
  const facts = [
    request.redirectUri === null
      ? ""
      : `<li>Once you authorize, you will be sent to <strong>${escapeHtml(new URL(request.redirectUri).origin)}</strong></li>`,
    request.scopes.includes("bot")
      ? `<li>Bot permissions requested: <strong>${escapeHtml(request.permissions ?? "0")}</strong></li>`
      : "",
    `<li>Active since ${snowflakeToDate(app.id).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" })}</li>`,
    "<li>It cannot read your messages or send messages as you.</li>",
  ].join("");
  const user = request.user;
  const body = `<form method="post" action="/oauth2/authorize?${escapeHtml(query)}">
<div class="body">
<div class="faces">
<div class="avatar" style="background:hsl(${hue(app.id)} 55% 45%)" role="img" aria-label="${name} icon">${escapeHtml(initials(app.name))}</div>
<span class="dots" aria-hidden="true">&#8226;&#8226;&#8226;</span>
<div class="avatar small" style="background:hsl(${hue(user.id)} 45% 40%)" aria-hidden="true">${escapeHtml(initials(user.global_name ?? user.username))}</div>
</div>
<p class="kicker">An external application</p>
<h1 id="app-name">${name}</h1>
<p class="lead">wants to access your Discord account</p>
${description === "" ? "" : `<p class="description">${escapeHtml(description)}</p>`}
<label>Signed in as<select name="user_id">${userOptions}</select></label>
${guildPicker}
<h2>This will allow the developer of ${name} to:</h2>
<ul id="scopes">
${scopeItems}
</ul>
<ul class="facts">${facts}</ul>
<p class="note">Local Discord emulator: nothing here touches a real Discord account.</p>
</div>
<footer>
<button type="submit" class="cancel" name="action" value="cancel">Cancel</button>
<button type="submit" class="authorize" name="action" value="authorize">Authorize</button>
</footer>
</form>`;
  return page({ title: `Authorize ${app.name}`, body, script: PICKER_SCRIPT });
}

/** The HTML page for an invalid authorization request (status 400; never a redirect). */
export function errorPage(message: string): Reply {
  const body = `<div class="body message"><h1>Something went wrong</h1><p id="error">${escapeHtml(message)}</p>
<p class="note">Local Discord emulator</p></div>`;
  return page({ title: "Invalid OAuth2 request", body, status: 400 });
}

/** The page shown after a bot install that has no redirect URI. */
export function installedPage(appName: string, guildName: string): Reply {
  const body = `<div class="body message"><h1>Authorized</h1><p id="result">${escapeHtml(appName)} has been added to ${escapeHtml(guildName)}.</p>
<p class="note">You may close this window.</p></div>`;
  return page({ title: "Authorized", body });
}

/** The emulator's home page: the application, the API base URL and a link that opens the consent page. */
export function homePage(env: Env): Reply {
  const { app } = env.world;
  const apiUrl = `${env.baseUrl()}/api/v10`;
  const link = `/oauth2/authorize?${new URLSearchParams({
    client_id: app.id,
    response_type: "code",
    scope: "identify guilds",
    redirect_uri: app.redirectUris[0] ?? "",
  })}`;
  const body = `<div class="body message"><h1>Discord emulator</h1>
<p>Application <strong>${escapeHtml(app.name)}</strong> (${app.id})</p>
<p>API base URL: <code>${escapeHtml(apiUrl)}</code></p>
<p><a href="${escapeHtml(link)}" style="color:#00a8fc">Open the consent page</a></p></div>`;
  return page({ title: "Home", body });
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
