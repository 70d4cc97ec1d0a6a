import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OAuth2Error } from "../../src/errors.js";
import { ClientCredentialsStrategy } from "../../src/oauth2/client-credentials.js";
import { RESTApp } from "../../src/rest/app.js";
import { startTokenServer, type TokenServer } from "./token-server.js";

const clientId = "157730590492196864";
const clientSecret = "s3cr3t-value";

describe("ClientCredentialsStrategy", () => {
  let server: TokenServer;
  let app: RESTApp;
  let clock: number;
  const now = () => clock;

  beforeEach(async () => {
    server = await startTokenServer();
    app = new RESTApp({ apiUrl: server.apiUrl, maxRetries: 0 });
    clock = 1_700_000_000_000;
  });
  afterEach(() => server.close());

  it("has hikari's defaults and a bearer token type", () => {
    const strategy = new ClientCredentialsStrategy({ clientId: 157730590492196864n, clientSecret });
    expect(strategy.tokenType).toBe("Bearer");
    expect(strategy.clientId).toBe(clientId);
    expect(strategy.scopes).toEqual(["applications.commands.update", "identify"]);
  });

  it("sends one request for many concurrent callers and caches the token", async () => {
    server.delayMs = 30;
    const strategy = new ClientCredentialsStrategy({
      clientId,
      clientSecret,
      scopes: ["identify", "guilds"],
      now,
    });
    const tokens = await Promise.all(Array.from({ length: 50 }, () => strategy.acquire(app.acquire())));
    expect(new Set(tokens)).toEqual(new Set(["access-1"]));
    expect(server.count("client_credentials")).toBe(1);
    expect(server.requests[0]?.form.get("scope")).toBe("identify guilds");
    expect(server.requests[0]?.authorization).toBe(`Basic ${btoa(`${clientId}:${clientSecret}`)}`);
    await expect(strategy.acquire(app.acquire())).resolves.toBe("access-1");
    expect(server.count("client_credentials")).toBe(1);
  });

  it("renews shortly before expiry, not after", async () => {
    server.expiresIn = 3600;
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, now, refreshSkewSeconds: 60 });
    await expect(strategy.acquire(app.acquire())).resolves.toBe("access-1");
    clock += (3600 - 61) * 1000;
    await expect(strategy.acquire(app.acquire())).resolves.toBe("access-1");
    clock += 2000;
    await expect(strategy.acquire(app.acquire())).resolves.toBe("access-2");
    expect(server.count("client_credentials")).toBe(2);
  });

  it("keeps a short-lived token for most of its life", async () => {
    server.expiresIn = 10;
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, now });
    await strategy.acquire(app.acquire());
    clock += 8_900;
    await expect(strategy.acquire(app.acquire())).resolves.toBe("access-1");
    clock += 200;
    await expect(strategy.acquire(app.acquire())).resolves.toBe("access-2");
  });

  it("does not cache a failure: every concurrent caller sees it once, the next call retries", async () => {
    server.delayMs = 20;
    server.failures.push({ status: 401, body: { error: "invalid_client" } });
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, now });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => strategy.acquire(app.acquire())),
    );
    expect(server.count("client_credentials")).toBe(1);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(OAuth2Error);
      expect((reason as OAuth2Error).error).toBe("invalid_client");
    }
    await expect(strategy.acquire(app.acquire())).resolves.toBe("access-1");
    expect(server.count("client_credentials")).toBe(2);
  });

  it("forgets the cached token on invalidate(token) or invalidate(), not on another token", async () => {
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, now });
    const first = await strategy.acquire(app.acquire());
    strategy.invalidate("some-other-token");
    await expect(strategy.acquire(app.acquire())).resolves.toBe(first);
    strategy.invalidate(first);
    const second = await strategy.acquire(app.acquire());
    expect(second).not.toBe(first);
    strategy.invalidate();
    await expect(strategy.acquire(app.acquire())).resolves.not.toBe(second);
    expect(server.count("client_credentials")).toBe(3);
  });

  it("never shows the secret or the token", async () => {
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, now });
    const token = await strategy.acquire(app.acquire());
    for (const text of [String(strategy), inspect(strategy), JSON.stringify(strategy)]) {
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(token);
    }
  });

  it("rejects bad options", () => {
    expect(() => new ClientCredentialsStrategy({ clientId: "x", clientSecret })).toThrow(TypeError);
    expect(() => new ClientCredentialsStrategy({ clientId, clientSecret: "" })).toThrow(TypeError);
    expect(() => new ClientCredentialsStrategy({ clientId, clientSecret, scopes: [] })).toThrow(TypeError);
    expect(() => new ClientCredentialsStrategy({ clientId, clientSecret, scopes: ["a b"] })).toThrow(
      TypeError,
    );
    expect(() => new ClientCredentialsStrategy({ clientId, clientSecret, refreshSkewSeconds: -1 })).toThrow(
      RangeError,
    );
  });
});
