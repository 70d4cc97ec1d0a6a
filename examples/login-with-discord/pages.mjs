// HTML for the demo. Every value that came from Discord (or from the URL) goes through `html`'s escaping,
// and the pages carry no inline event handlers or style attributes, so a strict Content-Security-Policy
// (see CONTENT_SECURITY_POLICY) can forbid every script and style but our own.

import { createHash } from "node:crypto";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

class Html {
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

/** A tagged template that escapes interpolated values, except nested `html` fragments and arrays of them. */
export function html(strings, ...values) {
  let text = strings[0];
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (part === null || part === undefined || part === false) continue;
      text += part instanceof Html ? part.text : escapeHtml(part);
    }
    text += strings[index + 1];
  });
  return new Html(text);
}

/** How many background colours avatars without an image are spread over. */
const HUES = 12;

const STYLE = `
:root { color-scheme: dark; --bg: #1e1f22; --panel: #2b2d31; --panel-2: #313338; --line: #3f4147;
  --text: #dbdee1; --muted: #949ba4; --white: #f2f3f5; --blurple: #5865f2; --blurple-dark: #4752c4;
  --green: #23a55a; --red: #da373c; --yellow: #f0b232; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: radial-gradient(1200px 600px at 10% -10%, #2f3470 0%, transparent 60%), var(--bg);
  color: var(--text); font: 15px/1.5 "gg sans", "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; }
a { color: #00a8fc; }
header { display: flex; align-items: center; justify-content: space-between; padding: 14px 28px; border-bottom: 1px solid #ffffff10; }
.brand { display: flex; gap: 10px; align-items: center; font-weight: 700; color: var(--white); letter-spacing: .2px; }
.brand .logo { width: 30px; height: 30px; border-radius: 9px; background: var(--blurple); display: grid; place-items: center; }
.mode { font-size: 12px; color: var(--muted); border: 1px solid var(--line); padding: 3px 10px; border-radius: 999px; }
.mode b { color: var(--green); font-weight: 600; }
main { max-width: 980px; margin: 0 auto; padding: 32px 24px 56px; }
.card { background: var(--panel); border: 1px solid #ffffff0d; border-radius: 14px; padding: 22px 24px; box-shadow: 0 8px 24px #0000003d; }
.grid { display: grid; grid-template-columns: 1.2fr 1fr; gap: 20px; }
.grid .wide { grid-column: 1 / -1; }
h1 { color: var(--white); font-size: 26px; margin: 0 0 6px; }
h2 { color: var(--white); font-size: 13px; text-transform: uppercase; letter-spacing: .06em; margin: 0 0 16px; display: flex; align-items: center; gap: 8px; }
h2 .count { background: var(--panel-2); color: var(--muted); border-radius: 999px; padding: 0 8px; font-size: 12px; }
.muted { color: var(--muted); }
.button { appearance: none; border: 0; border-radius: 8px; padding: 10px 18px; font: inherit; font-weight: 600; cursor: pointer;
  text-decoration: none; display: inline-flex; align-items: center; gap: 10px; color: #fff; background: var(--blurple); }
.button:hover { background: var(--blurple-dark); }
.button.secondary { background: #4e5058; } .button.secondary:hover { background: #6d6f78; }
.button.danger { background: transparent; color: #fa777c; border: 1px solid #fa777c55; } .button.danger:hover { background: #da373c22; }
.button.big { padding: 14px 26px; font-size: 17px; border-radius: 10px; }
.actions { display: flex; gap: 10px; flex-wrap: wrap; margin-top: 18px; }
.avatar { position: relative; flex: none; display: grid; place-items: center; overflow: hidden; color: #fff; font-weight: 700;
  background: hsl(var(--hue, 235) 55% 45%); user-select: none; }
${Array.from({ length: HUES }, (_, index) => `.hue-${index} { --hue: ${index * (360 / HUES)}; }`).join(" ")}
.avatar img { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: cover; }
.avatar.round { border-radius: 50%; } .avatar.square { border-radius: 16px; }
.profile { display: flex; gap: 20px; align-items: center; }
.profile .avatar { width: 88px; height: 88px; font-size: 32px; box-shadow: 0 0 0 6px var(--panel-2); }
.profile .name { color: var(--white); font-size: 24px; font-weight: 700; line-height: 1.2; }
.profile .handle { color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { background: #5865f226; color: #c9cdfb; border: 1px solid #5865f255; border-radius: 999px; padding: 2px 10px; font-size: 13px; font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 8px 16px; margin: 16px 0 0; }
dt { color: var(--muted); } dd { margin: 0; color: var(--white); }
ul.list { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
ul.guilds { grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px; }
.item { display: flex; align-items: center; gap: 12px; padding: 10px 12px; border-radius: 10px; background: var(--panel-2); }
.item .avatar { width: 44px; height: 44px; font-size: 15px; }
.item .title { color: var(--white); font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.item .sub { color: var(--muted); font-size: 13px; }
.item .grow { min-width: 0; flex: 1; }
.badge { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 2px 7px; border-radius: 6px; background: #f0b23226; color: var(--yellow); }
.badge.ok { background: #23a55a26; color: #57f287; }
.hero-flash { max-width: 520px; margin: 0 auto; }
.flash { margin-bottom: 20px; padding: 12px 16px; border-radius: 10px; background: #23a55a1f; border: 1px solid #23a55a66; color: #b5f5c9; }
.hero { max-width: 520px; margin: 8vh auto 0; text-align: center; padding: 40px 36px; }
.hero .mark { width: 72px; height: 72px; margin: 0 auto 18px; border-radius: 20px; background: var(--blurple); display: grid; place-items: center; box-shadow: 0 10px 30px #5865f266; }
.hero .mark svg { width: 40px; height: 40px; }
.hero p { color: var(--muted); margin: 10px 0 26px; }
.hero.error .mark { background: var(--red); box-shadow: 0 10px 30px #da373c55; }
.hero.warn .mark { background: #b9781b; box-shadow: 0 10px 30px #f0b23244; }
.empty { color: var(--muted); font-style: italic; }
.hero .note { margin: 22px 0 0; font-size: 13px; }
footer { text-align: center; color: #6d6f78; font-size: 12px; padding-bottom: 24px; }
@media (max-width: 760px) { .grid { grid-template-columns: 1fr; } }
`;

// Avatar images point at Discord's CDN, which may not have them (the emulator invents its hashes) or
// may be unreachable: a failed image removes itself so the initials underneath show.
const AVATAR_FALLBACK = `for (const img of document.querySelectorAll(".avatar img")) {
  if (img.complete && img.naturalWidth === 0) img.remove();
  else img.addEventListener("error", () => img.remove());
}`;

const sha256 = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * The pages' Content-Security-Policy: nothing loads or runs but the one inline style and script
 * above (allowed by their hashes) and images from Discord's CDN; forms post only back to this app,
 * and no other site may frame it. Even if an escaping mistake let markup through, it could not run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(AVATAR_FALLBACK)}`,
  "img-src https://cdn.discordapp.com",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const DISCORD_MARK = html`<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true"><path fill="#fff" d="M19.6 5.2A16.6 16.6 0 0 0 15.5 4l-.5 1a15.4 15.4 0 0 0-6 0l-.5-1a16.5 16.5 0 0 0-4.1 1.2C1.8 9.1 1.1 12.9 1.4 16.6a16.7 16.7 0 0 0 5 2.5l1.1-1.7a10.8 10.8 0 0 1-1.7-.8l.4-.3a11.9 11.9 0 0 0 11.6 0l.4.3c-.5.3-1.1.6-1.7.8l1.1 1.7a16.6 16.6 0 0 0 5-2.5c.4-4.3-.7-8-2.9-11.4ZM8.7 14.3c-1 0-1.8-.9-1.8-2s.8-2 1.8-2 1.8.9 1.8 2-.8 2-1.8 2Zm6.6 0c-1 0-1.8-.9-1.8-2s.8-2 1.8-2 1.8.9 1.8 2-.8 2-1.8 2Z"/></svg>`;

function layout({ title, mode, body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · discord-appkit demo</title>
<style>${STYLE}</style>
</head>
<body>
${html`<header><div class="brand"><span class="logo">${DISCORD_MARK}</span>discord-appkit · Login with Discord</div>
<span class="mode" data-testid="mode">${mode === "emulator" ? html`<b>●</b> local Discord emulator` : html`<b>●</b> discord.com`}</span></header>`}
<main>${body}</main>
<footer>Built with discord-appkit · examples/login-with-discord</footer>
<script>${AVATAR_FALLBACK}</script>
</body>
</html>`;
}

function shortDate(date) {
  const options = {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  };
  return `${date.toLocaleString("en-GB", options)} UTC`;
}

function untilText(date) {
  const minutes = Math.round((date.getTime() - Date.now()) / 60_000);
  if (minutes <= 0) return "expired";
  if (minutes < 120) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hours`;
  return `in ${Math.round(hours / 24)} days`;
}

/** One of the HUES colour classes, always the same for the same ID. */
function hueClass(id) {
  let hash = 0;
  for (const char of String(id)) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hue-${hash % HUES}`;
}

function initials(name) {
  const words = String(name)
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  // Array.from splits by code point, so a letter outside the BMP is not cut in half.
  const first = (word) => Array.from(word ?? "?")[0];
  return (words.length > 1 ? first(words[0]) + first(words[1]) : first(words[0])).toUpperCase();
}

/** An avatar or icon: the image over initials on a colour derived from the ID (see AVATAR_FALLBACK). */
function avatar({ id, name, url, shape }) {
  return html`<span class="avatar ${shape} ${hueClass(id)}" aria-hidden="true">${initials(name)}${
    url ? html`<img src="${url}" alt="" referrerpolicy="no-referrer">` : null
  }</span>`;
}

/** The start page with the login button. */
export function homePage({ mode, flash }) {
  return layout({
    title: "Login",
    mode,
    body: html`${flash ? html`<div class="flash hero-flash" data-testid="flash">${flash}</div>` : null}<section class="card hero">
  <div class="mark">${DISCORD_MARK}</div>
  <h1>Login with Discord</h1>
  <p>Sign in to see your Discord profile, servers and connections. The app uses the OAuth2 authorization
  code flow with PKCE; your tokens stay on the server.</p>
  <a class="button big" href="/login" data-testid="login">${DISCORD_MARK} Login with Discord</a>
  ${mode === "emulator" ? html`<p class="muted note">Running against the local Discord emulator: no account needed.</p>` : null}
</section>`,
  });
}

/** A page for a login that went wrong: cancelled, tampered with, replayed or expired. */
export function problemPage({ mode, title, message, tone = "error" }) {
  return layout({
    title,
    mode,
    body: html`<section class="card hero ${tone}" data-testid="problem">
  <div class="mark"><svg width="34" height="34" viewBox="0 0 24 24" aria-hidden="true"><path fill="#fff" d="M11 7h2v6h-2zm0 8h2v2h-2zm1-13a10 10 0 1 0 0 20 10 10 0 0 0 0-20Z"/></svg></div>
  <h1>${title}</h1>
  <p>${message}</p>
  <a class="button" href="/" data-testid="restart">Back to the start</a>
</section>`,
  });
}

/** The signed-in page: profile, grant, guilds and connections. */
export function profilePage({ mode, flash, user, authorization, guilds, connections }) {
  const displayName = user.globalName ?? user.username;
  const expires = authorization.expiresAt;
  const guildItems = guilds.map(
    (guild) => html`<li class="item" data-testid="guild">
      ${avatar({ id: guild.id, name: guild.name, url: guild.iconUrl, shape: "square" })}
      <div class="grow"><div class="title">${guild.name}</div>
      <div class="sub">${guild.memberCount === null ? "member count unknown" : `${guild.memberCount.toLocaleString("en-US")} members`}${
        guild.onlineCount === null ? "" : ` · ${guild.onlineCount.toLocaleString("en-US")} online`
      }</div></div>
      ${guild.isOwner ? html`<span class="badge">Owner</span>` : null}
    </li>`,
  );
  const connectionItems = connections.map(
    (connection) => html`<li class="item" data-testid="connection">
      ${avatar({ id: connection.id, name: connection.type, url: null, shape: "square" })}
      <div class="grow"><div class="title">${connection.name}</div><div class="sub">${connection.type}</div></div>
      ${connection.isVerified ? html`<span class="badge ok">Verified</span>` : null}
    </li>`,
  );
  return layout({
    title: displayName,
    mode,
    body: html`${flash ? html`<div class="flash" data-testid="flash">${flash}</div>` : null}
<div class="grid">
  <section class="card" data-testid="profile">
    <div class="profile">
      ${avatar({ id: user.id, name: displayName, url: user.avatarUrl, shape: "round" })}
      <div><div class="name" data-testid="display-name">${displayName}</div><div class="handle">@${user.username}</div></div>
    </div>
    <dl>
      <dt>User ID</dt><dd>${user.id}</dd>
      <dt>Account created</dt><dd>${user.createdAt.toISOString().slice(0, 10)}</dd>
      ${user.email ? html`<dt>Email</dt><dd>${user.email}</dd>` : null}
    </dl>
  </section>
  <section class="card" data-testid="grant">
    <h2>Authorization</h2>
    <div class="chips" data-testid="scopes">${authorization.scopes.map((scope) => html`<span class="chip">${scope}</span>`)}</div>
    <dl>
      <dt>Application</dt><dd>${authorization.applicationName}</dd>
      <dt>Expires</dt><dd data-testid="expires" title="${expires.toISOString()}">${shortDate(expires)} <span class="muted">(${untilText(expires)})</span></dd>
    </dl>
    <div class="actions">
      <form method="post" action="/refresh"><button class="button secondary" data-testid="refresh">Refresh token</button></form>
      <form method="post" action="/logout"><button class="button danger" data-testid="logout">Log out</button></form>
    </div>
  </section>
  <section class="card wide">
    <h2>Servers <span class="count">${guilds.length}</span></h2>
    ${guilds.length ? html`<ul class="list guilds">${guildItems}</ul>` : html`<p class="empty">No servers, or the guilds scope was not granted.</p>`}
  </section>
  <section class="card wide">
    <h2>Connections <span class="count">${connections.length}</span></h2>
    ${connections.length ? html`<ul class="list guilds">${connectionItems}</ul>` : html`<p class="empty">No connections, or the connections scope was not granted.</p>`}
  </section>
</div>`,
  });
}
