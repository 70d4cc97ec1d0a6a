/**
 * The OAuth2 flows end to end against the emulator: authorization URL → consent page over HTTP →
 * callback parsing → token exchange → API calls, refresh rotation and revocation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import {
  OAuth2AuthorizationError,
  OAuth2Error,
  OAuth2StateMismatchError,
  ReauthorizationRequiredError,
  UnauthorizedError,
} from "../../src/errors.js";
import { Permissions } from "../../src/models/permissions.js";
import { type AuthorizationUrlOptions, buildAuthorizationUrl } from "../../src/oauth2/authorization-url.js";
import { parseAuthorizationCallback } from "../../src/oauth2/callback.js";
import { ClientCredentialsStrategy } from "../../src/oauth2/client-credentials.js";
import { parseImplicitGrant } from "../../src/oauth2/implicit.js";
import { createPkcePair } from "../../src/oauth2/pkce.js";
import { generateState } from "../../src/oauth2/state.js";
import { TokenManager } from "../../src/oauth2/token-manager.js";
import { MemoryTokenStore } from "../../src/oauth2/token-store.js";
import { RESTApp } from "../../src/rest/app.js";

const DAY = 86_400_000;
const REDIRECT = "http://127.0.0.1:5173/callback";

/** Decodes the HTML character references a browser would decode in an attribute value. */
function decodeHtml(text: string): string {
  const named: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** What a browser does on the consent page: load it, then submit its form with the chosen button. */
async function consent(
  url: URL,
  options: { action?: "authorize" | "cancel"; userId?: string; guildId?: string } = {},
) {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  expect(action).toBeDefined();
  const target = new URL(decodeHtml(action!), url);
  const form = new URLSearchParams({ action: options.action ?? "authorize" });
  if (options.userId) form.set("user_id", options.userId);
  if (options.guildId) form.set("guild_id", options.guildId);
  const answer = await fetch(target, { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return answer.headers.get("location")!;
}

describe("OAuth2 flows against the emulator", () => {
  let emu: EmulatorHandle;
  let app: RESTApp;
  let clientId: string;
  let clientSecret: string;

  beforeAll(async () => {
    emu = await startEmulator({ seed: "oauth2-flows" });
    app = new RESTApp({ apiUrl: emu.apiUrl, maxRetries: 0 });
    clientId = emu.application.id;
    clientSecret = emu.application.clientSecret;
  });
  afterAll(() => emu.close());

  /** An authorization URL of the emulated app, redirecting to {@link REDIRECT}, with a fresh state. */
  function authorization(
    options: Omit<AuthorizationUrlOptions, "authorizeUrl" | "clientId" | "redirectUri" | "state">,
  ) {
    const state = generateState();
    const url = buildAuthorizationUrl({
      authorizeUrl: emu.authorizeUrl,
      clientId,
      redirectUri: REDIRECT,
      state,
      ...options,
    });
    return { state, url };
  }

  /** The whole `identify` code grant for the default user, as a confidential client. */
  async function codeGrant() {
    const { state, url } = authorization({ scopes: ["identify"] });
    const { code } = parseAuthorizationCallback(await consent(url), { expectedState: state });
    return app.acquire().authorizeAccessToken({ clientId, clientSecret, code, redirectUri: REDIRECT });
  }

  /** A TokenManager for the emulated app over a fresh store, on the given clock. */
  function manager(now: () => number) {
    const store = new MemoryTokenStore();
    return { store, tokens: new TokenManager({ rest: app.acquire(), clientId, clientSecret, store, now }) };
  }

  it("runs the authorization code grant without PKCE", async () => {
    const { state, url } = authorization({ scopes: ["identify", "guilds"] });
    const location = await consent(url, { userId: emu.users[1]!.id });
    expect(location.startsWith(`${REDIRECT}?`)).toBe(true);
    const callback = parseAuthorizationCallback(location, { expectedState: state });

    const token = await app
      .acquire()
      .authorizeAccessToken({ clientId, clientSecret, code: callback.code, redirectUri: REDIRECT });
    expect(token.scopes).toEqual(["identify", "guilds"]);
    const me = await app.acquire(token.accessToken, "Bearer").fetchMyUser();
    expect(me.id).toBe(emu.users[1]!.id);

    await expect(
      app
        .acquire()
        .authorizeAccessToken({ clientId, clientSecret, code: callback.code, redirectUri: REDIRECT }),
    ).rejects.toBeInstanceOf(OAuth2Error);
  });

  it("runs the authorization code grant with PKCE as a public client", async () => {
    const state = generateState();
    const pkce = await createPkcePair();
    const url = buildAuthorizationUrl({
      authorizeUrl: emu.authorizeUrl,
      clientId,
      scopes: ["identify"],
      redirectUri: REDIRECT,
      state,
      codeChallenge: pkce.challenge,
    });
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    const { code } = parseAuthorizationCallback(await consent(url), { expectedState: state });

    const wrong = await createPkcePair();
    await expect(
      app
        .acquire()
        .authorizeAccessToken({ clientId, code, redirectUri: REDIRECT, codeVerifier: wrong.verifier }),
    ).rejects.toBeInstanceOf(OAuth2Error);

    const { code: second } = parseAuthorizationCallback(await consent(url), { expectedState: state });
    const token = await app
      .acquire()
      .authorizeAccessToken({ clientId, code: second, redirectUri: REDIRECT, codeVerifier: pkce.verifier });
    const me = await app.acquire(token.accessToken).fetchMyUser();
    expect(me.id).toBe(emu.users[0]!.id);
  });

  it("reports a cancelled consent as access_denied and a foreign state as a mismatch", async () => {
    const { state, url } = authorization({ scopes: ["identify"] });
    const location = await consent(url, { action: "cancel" });
    let caught: unknown;
    try {
      parseAuthorizationCallback(location, { expectedState: state });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OAuth2AuthorizationError);
    expect((caught as OAuth2AuthorizationError).error).toBe("access_denied");

    const granted = await consent(url);
    expect(() => parseAuthorizationCallback(granted, { expectedState: generateState() })).toThrow(
      OAuth2StateMismatchError,
    );
  });

  it("installs the bot through the code grant and reads the guild hints", async () => {
    const user = emu.users[0]!;
    const { state, url } = authorization({
      scopes: ["bot", "identify"],
      permissions: Permissions.SEND_MESSAGES.union(Permissions.VIEW_CHANNEL),
    });
    const page = await (await fetch(url)).text();
    const guildId = /<option value="(\d+)"/.exec(page.slice(page.indexOf('name="guild_id"')))?.[1];
    expect(guildId).toBeDefined();
    const callback = parseAuthorizationCallback(await consent(url, { userId: user.id, guildId: guildId! }), {
      expectedState: state,
    });
    expect(callback.guildId).toBe(guildId);
    expect(callback.permissions?.has(Permissions.SEND_MESSAGES, Permissions.VIEW_CHANNEL)).toBe(true);
    const token = await app
      .acquire()
      .authorizeAccessToken({ clientId, clientSecret, code: callback.code, redirectUri: REDIRECT });
    expect(token.guild?.id).toBe(guildId);
  });

  it("runs the implicit grant", async () => {
    const { state, url } = authorization({ scopes: ["identify"], responseType: "token" });
    const location = await consent(url);
    expect(new URL(location).hash).toContain("access_token=");
    const token = parseImplicitGrant(location, { expectedState: state });
    expect(token.state).toBe(state);
    expect(token.scopes).toEqual(["identify"]);
    const me = await app.acquire(token.accessToken).fetchMyUser();
    expect(me.id).toBe(emu.users[0]!.id);
    expect(() => parseImplicitGrant(location, { expectedState: generateState() })).toThrow(
      OAuth2StateMismatchError,
    );
  });

  it("authenticates with client credentials through a RESTApp, one token request for concurrent calls", async () => {
    emu.clearRequests();
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, scopes: ["identify"] });
    const client = app.acquire(strategy);
    const users = await Promise.all(Array.from({ length: 20 }, () => client.fetchMyUser()));
    expect(new Set(users.map((u) => u.id))).toEqual(new Set([emu.application.ownerUserId]));
    expect(emu.requests.filter((r) => r.grantType === "client_credentials")).toHaveLength(1);
  });

  it("replaces a client-credentials token that Discord stopped accepting (401 → invalidate → new token)", async () => {
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, scopes: ["identify"] });
    const client = app.acquire(strategy);
    await client.fetchMyUser();
    const first = await strategy.acquire(app.acquire());
    await app.acquire().revokeAccessToken({ clientId, clientSecret, token: first });
    emu.clearRequests();
    const me = await client.fetchMyUser();
    expect(me.id).toBe(emu.application.ownerUserId);
    expect(emu.requests.filter((r) => r.grantType === "client_credentials")).toHaveLength(1);
    await expect(strategy.acquire(app.acquire())).resolves.not.toBe(first);
  });

  it("does not remember a failed client-credentials request", async () => {
    const strategy = new ClientCredentialsStrategy({
      clientId,
      clientSecret: "wrong-secret",
      scopes: ["identify"],
    });
    await expect(strategy.acquire(app.acquire())).rejects.toBeInstanceOf(OAuth2Error);
    await expect(strategy.acquire(app.acquire())).rejects.toBeInstanceOf(OAuth2Error);
    emu.clearRequests();
    const good = new ClientCredentialsStrategy({ clientId, clientSecret, scopes: ["identify"] });
    await expect(good.acquire(app.acquire())).resolves.toEqual(expect.any(String));
  });

  it("rotates refresh tokens through a TokenManager, one refresh for 100 callers, then revokes", async () => {
    let offset = 0;
    const { store, tokens } = manager(() => Date.now() + offset);
    const first = await codeGrant();
    await tokens.saveGrant("alice", first);
    await expect(tokens.getAccessToken("alice")).resolves.toBe(first.accessToken);

    const lifetime = first.expiresIn * 1000;
    emu.advanceTime(lifetime - 30_000);
    offset = lifetime - 30_000;
    emu.clearRequests();
    const results = await Promise.all(Array.from({ length: 100 }, () => tokens.getAccessToken("alice")));
    expect(emu.requests.filter((r) => r.grantType === "refresh_token")).toHaveLength(1);
    const rotated = results[0]!;
    expect(rotated).not.toBe(first.accessToken);
    expect(new Set(results)).toEqual(new Set([rotated]));
    expect((await store.get("alice"))?.access_token).toBe(rotated);
    expect((await app.acquire(rotated).fetchMyUser()).id).toBe(emu.users[0]!.id);

    await expect(
      app.acquire().refreshAccessToken({ clientId, clientSecret, refreshToken: first.refreshToken }),
    ).rejects.toMatchObject({ error: "invalid_grant" });

    await tokens.revoke("alice");
    expect(await store.get("alice")).toBeNull();
    await expect(app.acquire(rotated).fetchMyUser()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(tokens.getAccessToken("alice")).rejects.toBeInstanceOf(ReauthorizationRequiredError);
  });

  it("turns a refresh token Discord no longer accepts into ReauthorizationRequiredError", async () => {
    const { store, tokens } = manager(() => Date.now() + 30 * DAY);
    const grant = await codeGrant();
    await app.acquire().revokeAccessToken({ clientId, clientSecret, token: grant.accessToken });
    await tokens.saveGrant("bob", grant);
    const error = await tokens.getAccessToken("bob").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReauthorizationRequiredError);
    expect((error as Error).cause).toMatchObject({ error: "invalid_grant" });
    expect(await store.get("bob")).toBeNull();
  });
});
