// "Login with Discord" with discord-appkit: the authorization code grant with PKCE and state, tokens kept
// on the server, and a page that shows what the grant allows. Plain node:http, no framework.

import { randomUUID } from "node:crypto";
import {
  buildAuthorizationUrl,
  createPkcePair,
  generateState,
  MemoryTokenStore,
  OAuth2AuthorizationError,
  OAuth2Error,
  OAuth2StateMismatchError,
  parseAuthorizationCallback,
  RESTApp,
  ReauthorizationRequiredError,
  TokenManager,
  UnauthorizedError,
} from "discord-appkit";
import { clearCookieHeader, cookieHeader, createCookieSigner, readCookies } from "./cookies.mjs";
import { CONTENT_SECURITY_POLICY, homePage, problemPage, profilePage } from "./pages.mjs";

const LOGIN_COOKIE = "login_flow";
const SESSION_COOKIE = "session";
// A login must finish within ten minutes; Discord's codes live for even less.
const LOGIN_MAX_AGE = 10 * 60;
const SESSION_MAX_AGE = 7 * 24 * 60 * 60;
const SCOPES = ["identify", "email", "guilds", "connections"];

// Sent with every response. The policy and nosniff keep the browser from running or reinterpreting
// anything we did not mean to serve; no-store keeps personal pages out of shared caches; the referrer
// policy keeps this app's URLs (and their query strings) from leaking to other sites. ("no-referrer"
// would also blank the Origin header of our own form posts, which the POST check below relies on.)
const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "cache-control": "no-store",
};

// The notices that `/?done=...` may show: a fixed list, so a link cannot put its own text on the page.
const FLASH = new Map([
  ["refreshed", "Token refreshed: Discord issued a new access token and refresh token."],
  ["logged-out", "You are logged out. The token was revoked on Discord's side."],
]);

/**
 * Creates the request handler of the demo.
 *
 * @param {object} config
 * @param {string} config.clientId the application's client ID
 * @param {string} [config.clientSecret] its client secret (leave out for a public client using PKCE only)
 * @param {string} config.redirectUri the callback URL registered for the application, ending in /callback
 * @param {string} [config.apiUrl] the API base URL (default Discord's)
 * @param {string} [config.authorizeUrl] the consent page (default Discord's)
 * @param {"emulator" | "discord"} [config.mode] shown in the page header
 * @param {Uint8Array} [config.cookieSecret] key for signing cookies (default: random per process)
 * @returns {Promise<(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void>}
 */
export async function createLoginApp(config) {
  const mode = config.mode ?? "discord";
  // The app lives at the origin of its redirect URI: the callback must find the cookies /login set.
  const origin = new URL(config.redirectUri).origin;
  const secure = origin.startsWith("https:");
  // A random key means a restart logs everyone out; a real app loads a fixed key from its secrets.
  const signer = await createCookieSigner(config.cookieSecret ?? crypto.getRandomValues(new Uint8Array(32)));
  // One RESTApp for the whole process: every user's client shares its rate limits and connections.
  const rest = new RESTApp(config.apiUrl ? { apiUrl: config.apiUrl } : {});
  const credentials = {
    clientId: config.clientId,
    ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
  };
  // Session ID → the user's grant. Tokens never leave the server. MemoryTokenStore forgets them on restart:
  // a real app passes a TokenStore backed by its database. The manager refreshes expired tokens itself.
  const tokens = new TokenManager({ rest: rest.acquire(), ...credentials, store: new MemoryTokenStore() });

  function send(response, status, body, cookies = []) {
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      "content-type": "text/html; charset=utf-8",
      "set-cookie": cookies,
    });
    response.end(String(body));
  }

  // 303 See Other: the browser follows with a GET, so reloading the next page never re-posts a form.
  function redirect(response, location, cookies = []) {
    response.writeHead(303, { ...SECURITY_HEADERS, location, "set-cookie": cookies });
    response.end();
  }

  function problem(response, { status, title, message, tone = "error", cookies = [] }) {
    send(response, status, problemPage({ mode, title, message, tone }), cookies);
  }

  /** Ends a session whose grant Discord no longer honours, and says so. */
  async function sessionEnded(response, sessionId) {
    await tokens.deleteGrant(sessionId);
    problem(response, {
      status: 401,
      title: "Your session has ended",
      message:
        "Discord no longer accepts this session's token (it was revoked or has expired). Log in again.",
      tone: "warn",
      cookies: [clearCookieHeader(SESSION_COOKIE, { secure })],
    });
  }

  /** The session ID from the signed cookie, if it still has a grant. */
  async function currentSession(request) {
    const sessionId = await signer.verify(readCookies(request.headers.cookie).get(SESSION_COOKIE));
    if (typeof sessionId !== "string") return null;
    return (await tokens.getGrant(sessionId)) ? sessionId : null;
  }

  /** GET /login: remember state and PKCE verifier in a signed cookie, then off to the consent page. */
  async function login(_request, response) {
    const state = generateState();
    const pkce = await createPkcePair();
    const url = buildAuthorizationUrl({
      ...(config.authorizeUrl ? { authorizeUrl: config.authorizeUrl } : {}),
      clientId: config.clientId,
      scopes: SCOPES,
      redirectUri: config.redirectUri,
      state,
      codeChallenge: pkce.challenge,
      // Always show the consent screen, so the demo shows it every time.
      prompt: "consent",
    });
    // The cookie is signed, not encrypted: the browser can read the verifier, but only the browser
    // that started this login holds it, which is exactly what PKCE asks for.
    const flow = await signer.sign({ state, verifier: pkce.verifier }, LOGIN_MAX_AGE);
    redirect(response, url.href, [cookieHeader(LOGIN_COOKIE, flow, { maxAge: LOGIN_MAX_AGE, secure })]);
  }

  /** GET /callback: check the state, exchange the code with the PKCE verifier, start a session. */
  async function callback(request, response, url) {
    // Whatever happens next, this login is over: its cookie is cleared with every answer.
    const cookies = [clearCookieHeader(LOGIN_COOKIE, { secure })];
    const flow = await signer.verify(readCookies(request.headers.cookie).get(LOGIN_COOKIE));
    if (!flow) {
      problem(response, {
        status: 400,
        title: "This login link was already used",
        message:
          "There is no login in progress in this browser: the link was used before, has expired, or was opened in another browser. Start again from the login page.",
        tone: "warn",
        cookies,
      });
      return;
    }
    let code;
    try {
      ({ code } = parseAuthorizationCallback(url, { expectedState: flow.state }));
    } catch (error) {
      if (error instanceof OAuth2StateMismatchError) {
        problem(response, {
          status: 400,
          title: "Security check failed",
          message:
            "The state in this redirect does not match the login this browser started, so the app ignored it. This protects you from cross-site request forgery.",
          cookies,
        });
      } else if (error instanceof OAuth2AuthorizationError && error.error === "access_denied") {
        problem(response, {
          status: 200,
          title: "Login cancelled",
          message: "You pressed Cancel on Discord's consent page, so nothing was shared with this app.",
          tone: "warn",
          cookies,
        });
      } else if (error instanceof OAuth2AuthorizationError) {
        problem(response, {
          status: 400,
          title: "Discord refused the login",
          message: error.message,
          cookies,
        });
      } else {
        throw error;
      }
      return;
    }
    let token;
    try {
      token = await rest.acquire().authorizeAccessToken({
        ...credentials,
        code,
        redirectUri: config.redirectUri,
        codeVerifier: flow.verifier,
      });
    } catch (error) {
      if (!(error instanceof OAuth2Error && error.error === "invalid_grant")) throw error;
      problem(response, {
        status: 400,
        title: "This login link was already used",
        message:
          "Discord no longer accepts this authorization code: codes work once and expire after a few minutes. Start again from the login page.",
        tone: "warn",
        cookies,
      });
      return;
    }
    // A fresh random ID for every login, so a session ID planted before the login is worth nothing.
    const sessionId = randomUUID();
    await tokens.saveGrant(sessionId, token);
    const session = await signer.sign(sessionId, SESSION_MAX_AGE);
    redirect(response, "/", [
      ...cookies,
      cookieHeader(SESSION_COOKIE, session, { maxAge: SESSION_MAX_AGE, secure }),
    ]);
  }

  /** GET /: the login button, or the signed-in page. */
  async function home(request, response, url) {
    const flash = FLASH.get(url.searchParams.get("done")) ?? null;
    const sessionId = await currentSession(request);
    if (!sessionId) {
      send(response, 200, homePage({ mode, flash }));
      return;
    }
    let profile;
    try {
      // getAccessToken refreshes the grant first when its token has expired (or is about to).
      const client = rest.acquire(await tokens.getAccessToken(sessionId), "Bearer");
      profile = await loadProfile(client);
    } catch (error) {
      // The user removed the app in Discord's settings, or the grant could not be refreshed.
      if (error instanceof UnauthorizedError || error instanceof ReauthorizationRequiredError)
        return sessionEnded(response, sessionId);
      throw error;
    }
    send(response, 200, profilePage({ mode, flash, ...profile }));
  }

  /**
   * POST /refresh: trade the refresh token for a new pair now. An app rarely needs this, since
   * getAccessToken refreshes by itself; it is here to show the exchange. It goes through the manager,
   * which queues it behind any refresh already running for this session: Discord's refresh tokens work
   * once, so two refreshes racing each other would end the grant.
   */
  async function refresh(request, response) {
    const sessionId = await currentSession(request);
    if (!sessionId) return redirect(response, "/");
    try {
      await tokens.refresh(sessionId);
    } catch (error) {
      if (error instanceof ReauthorizationRequiredError) return sessionEnded(response, sessionId);
      throw error;
    }
    redirect(response, "/?done=refreshed");
  }

  /** POST /logout: revoke the grant at Discord (every token of it), then forget the session. */
  async function logout(request, response) {
    const sessionId = await currentSession(request);
    if (sessionId) await tokens.revoke(sessionId);
    redirect(response, sessionId ? "/?done=logged-out" : "/", [
      clearCookieHeader(SESSION_COOKIE, { secure }),
    ]);
  }

  const routes = new Map([
    ["GET /", home],
    ["GET /login", login],
    ["GET /callback", callback],
    // State changes are POSTs: a link or an image on another site cannot log the user out.
    ["POST /refresh", refresh],
    ["POST /logout", logout],
  ]);

  return (request, response) => {
    const url = new URL(request.url ?? "/", origin);
    const route = routes.get(`${request.method} ${url.pathname}`);
    if (!route) {
      problem(response, {
        status: 404,
        title: "Page not found",
        message: "There is nothing at this address.",
      });
      return;
    }
    // SameSite=Lax cookies already keep cross-site form posts out of a session; checking Origin is a
    // second lock.
    if (request.method === "POST" && request.headers.origin && request.headers.origin !== origin) {
      problem(response, {
        status: 403,
        title: "Request refused",
        message: "This form was posted from another site.",
      });
      return;
    }
    route(request, response, url).catch((error) => {
      // Only the path is logged: the query of /callback holds the authorization code. The library's
      // error messages never contain tokens or secrets.
      console.error(`demo: ${request.method} ${url.pathname} failed: ${error?.message ?? error}`);
      if (response.headersSent) {
        response.end();
        return;
      }
      problem(response, {
        status: 502,
        title: "Something went wrong",
        message: "The app could not finish talking to Discord. Try again in a moment.",
      });
    });
  };
}

/** Everything the profile page shows, fetched with the user's own token. */
async function loadProfile(client) {
  const authorization = await client.fetchAuthorization();
  const scopes = authorization.scopes;
  // Only ask for what the user granted: a missing scope would be a 403.
  const [user, guilds, connections] = await Promise.all([
    client.fetchMyUser(),
    scopes.includes("guilds") ? collect(client.fetchMyGuilds({ withCounts: true })) : [],
    scopes.includes("connections") ? client.fetchMyConnections() : [],
  ]);
  return {
    user: {
      id: user.id,
      username: user.username,
      globalName: user.globalName,
      email: user.email,
      createdAt: user.createdAt,
      avatarUrl: (user.makeAvatarUrl({ size: 256 }) ?? user.defaultAvatarUrl).url,
    },
    authorization: {
      scopes,
      expiresAt: authorization.expiresAt,
      applicationName: authorization.application.name,
    },
    guilds: guilds.map((guild) => ({
      id: guild.id,
      name: guild.name,
      iconUrl: guild.makeIconUrl({ size: 128 })?.url ?? null,
      isOwner: guild.isOwner,
      memberCount: guild.approximateMemberCount,
      onlineCount: guild.approximateActiveMemberCount,
    })),
    connections: connections.map((connection) => ({
      id: connection.id,
      type: connection.type,
      name: connection.name ?? "(name hidden)",
      isVerified: connection.isVerified,
    })),
  };
}

/** The items of an async iterable (Array.fromAsync, which Node 20 lacks). */
async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}
