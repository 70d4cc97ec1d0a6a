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
import { homePage, problemPage, profilePage } from "./pages.mjs";

const LOGIN_COOKIE = "login_flow";
const SESSION_COOKIE = "session";
const LOGIN_MAX_AGE = 10 * 60;
const SESSION_MAX_AGE = 7 * 24 * 60 * 60;
const SCOPES = ["identify", "email", "guilds", "connections"];

const FLASH = {
  refreshed: "Token refreshed: Discord issued a new access token and refresh token.",
  "logged-out": "You are logged out. The token was revoked on Discord's side.",
};

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
  const origin = new URL(config.redirectUri).origin;
  const secure = origin.startsWith("https:");
  const signer = await createCookieSigner(config.cookieSecret ?? crypto.getRandomValues(new Uint8Array(32)));
  const rest = new RESTApp(config.apiUrl ? { apiUrl: config.apiUrl } : {});
  const credentials = {
    clientId: config.clientId,
    ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
  };
  // Session ID → the user's grant. Tokens never leave the server. MemoryTokenStore forgets them on restart:
  // a real app passes a TokenStore backed by its database. The manager refreshes expired tokens itself.
  const tokens = new TokenManager({ rest: rest.acquire(), ...credentials, store: new MemoryTokenStore() });

  const send = (response, status, body, headers = {}) => {
    response.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-frame-options": "DENY",
      "referrer-policy": "same-origin",
      ...headers,
    });
    response.end(String(body));
  };
  const redirect = (response, location, cookies = []) => {
    response.writeHead(303, { location, "cache-control": "no-store", "set-cookie": cookies });
    response.end();
  };
  const problem = (response, status, title, message, cookies = [], tone = "error") =>
    send(response, status, problemPage({ mode, title, message, tone }), { "set-cookie": cookies });

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
      prompt: "consent",
    });
    const flow = await signer.sign({ state, verifier: pkce.verifier }, LOGIN_MAX_AGE);
    redirect(response, url.href, [cookieHeader(LOGIN_COOKIE, flow, { maxAge: LOGIN_MAX_AGE, secure })]);
  }

  /** GET /callback: check the state, exchange the code with the PKCE verifier, start a session. */
  async function callback(request, response, url) {
    const clearFlow = clearCookieHeader(LOGIN_COOKIE, { secure });
    const flow = await signer.verify(readCookies(request.headers.cookie).get(LOGIN_COOKIE));
    if (!flow) {
      problem(
        response,
        400,
        "This login link was already used",
        "There is no login in progress in this browser: the link was used before, has expired, or was opened in another browser. Start again from the login page.",
        [clearFlow],
        "warn",
      );
      return;
    }
    let code;
    try {
      ({ code } = parseAuthorizationCallback(url, { expectedState: flow.state }));
    } catch (error) {
      if (error instanceof OAuth2StateMismatchError) {
        problem(
          response,
          400,
          "Security check failed",
          "The state in this redirect does not match the login this browser started, so the app ignored it. This protects you from cross-site request forgery.",
          [clearFlow],
        );
        return;
      }
      if (error instanceof OAuth2AuthorizationError && error.error === "access_denied") {
        problem(
          response,
          200,
          "Login cancelled",
          "You pressed Cancel on Discord's consent page, so nothing was shared with this app.",
          [clearFlow],
          "warn",
        );
        return;
      }
      if (error instanceof OAuth2AuthorizationError) {
        problem(response, 400, "Discord refused the login", error.message, [clearFlow]);
        return;
      }
      throw error;
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
      if (error instanceof OAuth2Error && error.error === "invalid_grant") {
        problem(
          response,
          400,
          "This login link was already used",
          "Discord no longer accepts this authorization code: codes work once and expire after a few minutes. Start again from the login page.",
          [clearFlow],
          "warn",
        );
        return;
      }
      throw error;
    }
    const sessionId = randomUUID();
    await tokens.saveGrant(sessionId, token);
    const session = await signer.sign(sessionId, SESSION_MAX_AGE);
    redirect(response, "/", [
      clearFlow,
      cookieHeader(SESSION_COOKIE, session, { maxAge: SESSION_MAX_AGE, secure }),
    ]);
  }

  /** GET /: the login button, or the signed-in page. */
  async function home(request, response, url) {
    const flash = FLASH[url.searchParams.get("done")] ?? null;
    const sessionId = await currentSession(request);
    if (!sessionId) {
      send(response, 200, homePage({ mode, flash }));
      return;
    }
    let data;
    try {
      // Refreshes the token first when it has expired (or is about to).
      const client = rest.acquire(await tokens.getAccessToken(sessionId), "Bearer");
      data = await loadProfile(client);
    } catch (error) {
      if (!(error instanceof UnauthorizedError || error instanceof ReauthorizationRequiredError)) throw error;
      await tokens.deleteGrant(sessionId);
      problem(
        response,
        401,
        "Your session has ended",
        "Discord no longer accepts this session's token (it was revoked or has expired). Log in again.",
        [clearCookieHeader(SESSION_COOKIE, { secure })],
        "warn",
      );
      return;
    }
    send(response, 200, profilePage({ mode, flash, ...data }));
  }

  /** POST /refresh: trade the refresh token for a new pair now (TokenManager also does it on expiry). */
  async function refresh(request, response) {
    const sessionId = await currentSession(request);
    if (!sessionId) return redirect(response, "/");
    const grant = await tokens.getGrant(sessionId);
    const fresh = await rest
      .acquire()
      .refreshAccessToken({ ...credentials, refreshToken: grant.refreshToken });
    await tokens.saveGrant(sessionId, fresh);
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

  const routes = {
    "GET /": home,
    "GET /login": login,
    "GET /callback": callback,
    "POST /refresh": refresh,
    "POST /logout": logout,
  };

  return (request, response) => {
    const url = new URL(request.url ?? "/", origin);
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) {
      problem(response, 404, "Page not found", "There is nothing at this address.");
      return;
    }
    // Same-site cookies already stop cross-site form posts; checking Origin is a second lock.
    if (request.method === "POST" && request.headers.origin && request.headers.origin !== origin) {
      problem(response, 403, "Request refused", "This form was posted from another site.");
      return;
    }
    route(request, response, url).catch((error) => {
      console.error(`demo: ${request.method} ${url.pathname} failed: ${error?.message ?? error}`);
      if (!response.headersSent)
        problem(
          response,
          502,
          "Something went wrong",
          "The app could not finish talking to Discord. Try again in a moment.",
        );
      else response.end();
    });
  };
}

async function loadProfile(client) {
  const authorization = await client.fetchAuthorization();
  const scopes = authorization.scopes;
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
      scopes: authorization.scopes,
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

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}
