import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InternalServerError, OAuth2Error, ReauthorizationRequiredError } from "../../src/errors.js";
import { deserializeAuthorizationToken } from "../../src/factory/oauth2.js";
import type { OAuth2AuthorizationToken } from "../../src/models/oauth2.js";
import { TokenManager } from "../../src/oauth2/token-manager.js";
import { MemoryTokenStore, type TokenStore } from "../../src/oauth2/token-store.js";
import type { RawAuthorizationToken } from "../../src/payloads/oauth2.js";
import { RESTApp } from "../../src/rest/app.js";
import { startTokenServer, type TokenServer } from "./token-server.js";

const clientId = "157730590492196864";
const clientSecret = "s3cr3t-value";
const HOUR = 3_600_000;

describe("TokenManager", () => {
  let server: TokenServer;
  let app: RESTApp;
  let clock: number;
  const now = () => clock;

  /** A grant as the code exchange would return it, received at the current clock. */
  const grant = (): OAuth2AuthorizationToken =>
    deserializeAuthorizationToken(server.issueGrant(), null, "$", clock);
  const manager = (store: TokenStore = new MemoryTokenStore(), publicClient = false) =>
    new TokenManager({
      rest: app.acquire(),
      clientId,
      ...(publicClient ? {} : { clientSecret }),
      store,
      now,
      refreshSkewSeconds: 60,
    });

  beforeEach(async () => {
    server = await startTokenServer();
    app = new RESTApp({ apiUrl: server.apiUrl, maxRetries: 0 });
    clock = Date.now();
  });
  afterEach(() => server.close());

  it("answers a fresh grant from the store without a request", async () => {
    const tokens = manager();
    const token = grant();
    await tokens.saveGrant("user-1", token);
    await expect(tokens.getAccessToken("user-1")).resolves.toBe(token.accessToken);
    expect(server.requests).toHaveLength(0);
    const stored = await tokens.getGrant("user-1");
    expect(stored?.equals(token)).toBe(true);
    expect(stored?.refreshToken).toBe(token.refreshToken);
  });

  it("refreshes once for 100 concurrent callers and stores the rotated grant before anyone gets it", async () => {
    const events: string[] = [];
    const inner = new MemoryTokenStore();
    const store: TokenStore = {
      get: (key) => inner.get(key),
      delete: (key) => inner.delete(key),
      async set(key, value) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await inner.set(key, value);
        events.push(`set ${value.access_token}`);
      },
    };
    const tokens = manager(store);
    const first = grant();
    await tokens.saveGrant("user-1", first);
    events.length = 0;
    clock += 7 * 24 * HOUR - 30_000;
    server.delayMs = 30;

    const results = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const token = await tokens.getAccessToken("user-1");
        events.push("got");
        return token;
      }),
    );
    expect(server.count("refresh_token")).toBe(1);
    expect(server.requests[0]?.form.get("refresh_token")).toBe(first.refreshToken);
    expect(new Set(results)).toEqual(new Set(["access-2"]));
    expect(events[0]).toBe("set access-2");
    expect(events.filter((e) => e === "got")).toHaveLength(100);

    const stored = (await inner.get("user-1")) as RawAuthorizationToken;
    expect(stored.refresh_token).toBe("refresh-2");
    expect(Date.parse(stored.expires_at ?? "")).toBe(clock + 604_800_000);
    await expect(tokens.getAccessToken("user-1")).resolves.toBe("access-2");
    expect(server.count("refresh_token")).toBe(1);
  });

  it("refreshes again when the rotated token nears its own expiry", async () => {
    const tokens = manager();
    await tokens.saveGrant("k", grant());
    clock += 7 * 24 * HOUR;
    await expect(tokens.getAccessToken("k")).resolves.toBe("access-2");
    clock += 7 * 24 * HOUR - 59_000;
    await expect(tokens.getAccessToken("k")).resolves.toBe("access-3");
    expect(server.count("refresh_token")).toBe(2);
    expect(server.liveRefreshTokens).toEqual(new Set(["refresh-3"]));
  });

  it("refreshes on demand, even a fresh grant; reads queued after it get the rotated token", async () => {
    const tokens = manager();
    const first = grant();
    await tokens.saveGrant("user-1", first);
    const [rotated, read] = await Promise.all([tokens.refresh("user-1"), tokens.getAccessToken("user-1")]);
    expect(server.count("refresh_token")).toBe(1);
    expect(rotated.accessToken).not.toBe(first.accessToken);
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.expiresAt.getTime()).toBe(clock + rotated.expiresIn * 1000);
    expect(read).toBe(rotated.accessToken);
    await expect(tokens.getAccessToken("user-1")).resolves.toBe(rotated.accessToken);
    expect((await tokens.getGrant("user-1"))?.refreshToken).toBe(rotated.refreshToken);
    await tokens.refresh("user-1");
    expect(server.count("refresh_token")).toBe(2);
    await expect(tokens.refresh("nobody")).rejects.toBeInstanceOf(ReauthorizationRequiredError);
    server.liveRefreshTokens.clear();
    await expect(tokens.refresh("user-1")).rejects.toBeInstanceOf(ReauthorizationRequiredError);
    await expect(tokens.getGrant("user-1")).resolves.toBeNull();
  });

  it("keeps keys apart: each expiring key refreshes once", async () => {
    const tokens = manager();
    await tokens.saveGrant("a", grant());
    await tokens.saveGrant("b", grant());
    clock += 7 * 24 * HOUR;
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => tokens.getAccessToken("a")),
      ...Array.from({ length: 10 }, () => tokens.getAccessToken("b")),
    ]);
    expect(new Set(results).size).toBe(2);
    expect(server.count("refresh_token")).toBe(2);
  });

  it("turns invalid_grant into ReauthorizationRequiredError and deletes the grant", async () => {
    const store = new MemoryTokenStore();
    const tokens = manager(store);
    const token = grant();
    server.liveRefreshTokens.delete(token.refreshToken);
    await tokens.saveGrant("user-1", token);
    clock += 8 * 24 * HOUR;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => tokens.getAccessToken("user-1")),
    );
    expect(server.count("refresh_token")).toBe(1);
    for (const result of results) {
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(ReauthorizationRequiredError);
      expect((reason as ReauthorizationRequiredError).key).toBe("user-1");
      expect((reason as Error).cause).toBeInstanceOf(OAuth2Error);
      expect(String(reason)).not.toContain(token.refreshToken);
    }
    expect(store.size).toBe(0);
    await expect(tokens.getAccessToken("user-1")).rejects.toBeInstanceOf(ReauthorizationRequiredError);
    expect(server.count("refresh_token")).toBe(1);
  });

  it("keeps the grant on other failures so a later call can retry", async () => {
    const tokens = manager();
    await tokens.saveGrant("k", grant());
    clock += 7 * 24 * HOUR;
    server.failures.push({ status: 500, body: { message: "oops", code: 0 } });
    await expect(tokens.getAccessToken("k")).rejects.toBeInstanceOf(InternalServerError);
    server.failures.push({ status: 401, body: { error: "invalid_client" } });
    await expect(tokens.getAccessToken("k")).rejects.toBeInstanceOf(OAuth2Error);
    await expect(tokens.getAccessToken("k")).resolves.toBe("access-2");
  });

  it("throws ReauthorizationRequiredError for a key with no grant", async () => {
    await expect(manager().getAccessToken("nobody")).rejects.toBeInstanceOf(ReauthorizationRequiredError);
    await expect(manager().getGrant("nobody")).resolves.toBeNull();
  });

  it("does not hand out the token when the store cannot save the rotated grant", async () => {
    const inner = new MemoryTokenStore();
    const failing: TokenStore = {
      get: (key) => inner.get(key),
      delete: (key) => inner.delete(key),
      set: async () => {
        throw new Error("disk full");
      },
    };
    await inner.set("k", grant().toJSON());
    clock += 7 * 24 * HOUR;
    await expect(manager(failing).getAccessToken("k")).rejects.toThrow("disk full");
  });

  it("revokes at Discord with the refresh token, then deletes locally", async () => {
    const store = new MemoryTokenStore();
    const tokens = manager(store);
    const token = grant();
    await tokens.saveGrant("k", token);
    await tokens.revoke("k");
    const revoke = server.requests.find((r) => r.path.endsWith("/oauth2/token/revoke"));
    expect(revoke?.form.get("token")).toBe(token.refreshToken);
    expect(revoke?.form.get("token_type_hint")).toBe("refresh_token");
    expect(server.liveRefreshTokens.has(token.refreshToken)).toBe(false);
    expect(store.size).toBe(0);
    await tokens.revoke("k");
    expect(server.requests.filter((r) => r.path.endsWith("/revoke"))).toHaveLength(1);
  });

  it("keeps the grant when revocation fails, and deletes it when Discord no longer knows it", async () => {
    const store = new MemoryTokenStore();
    const tokens = manager(store);
    await tokens.saveGrant("k", grant());
    server.failures.push({ status: 503, body: { message: "down", code: 0 } });
    await expect(tokens.revoke("k")).rejects.toBeInstanceOf(InternalServerError);
    expect(store.size).toBe(1);
    server.failures.push({ status: 400, body: { error: "invalid_grant" } });
    await tokens.revoke("k");
    expect(store.size).toBe(0);
  });

  it("runs operations on a key in order: a save queued after a refresh wins", async () => {
    const tokens = manager();
    await tokens.saveGrant("k", grant());
    clock += 7 * 24 * HOUR;
    server.delayMs = 20;
    const replacement = deserializeAuthorizationToken(server.issueGrant(), null, "$", clock);
    const refreshing = tokens.getAccessToken("k");
    const saving = tokens.saveGrant("k", replacement);
    await expect(refreshing).resolves.toBe("access-3");
    await saving;
    await expect(tokens.getAccessToken("k")).resolves.toBe(replacement.accessToken);
  });

  it("works as a public client without a secret", async () => {
    const tokens = manager(new MemoryTokenStore(), true);
    await tokens.saveGrant("k", grant());
    clock += 7 * 24 * HOUR;
    await expect(tokens.getAccessToken("k")).resolves.toBe("access-2");
    const request = server.requests[0];
    expect(request?.authorization).toBeUndefined();
    expect(request?.form.get("client_id")).toBe(clientId);
  });

  it("never shows secrets", async () => {
    const tokens = manager();
    for (const text of [String(tokens), inspect(tokens)]) expect(text).not.toContain(clientSecret);
  });

  it("rejects bad arguments", async () => {
    expect(() => new TokenManager({ rest: app.acquire(), clientId: "nope" })).toThrow(TypeError);
    expect(() => new TokenManager({ rest: app.acquire(), clientId, clientSecret: "" })).toThrow(TypeError);
    expect(() => new TokenManager({ rest: app.acquire(), clientId, refreshSkewSeconds: -5 })).toThrow(
      RangeError,
    );
    await expect(manager().getAccessToken("")).rejects.toBeInstanceOf(TypeError);
    await expect(manager().saveGrant("k", {} as never)).rejects.toBeInstanceOf(TypeError);
  });
});
