import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import { bearer, bot, grant, postToken } from "./helpers.js";

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ seed: "limit-tests" });
});
afterEach(() => {
  emu.configure({
    rateLimits: {
      perRoute: { limit: 50, windowMs: 1000 },
      global: { limit: 500, windowMs: 1000 },
      routes: {},
    },
    faults: [],
    latencyMs: 0,
  });
});
afterAll(async () => {
  await emu.close();
});

const me = () => fetch(`${emu.apiUrl}/users/@me`, { headers: bot(emu) });

describe("rate limits", () => {
  it("sends X-RateLimit-* headers that count down within a bucket", async () => {
    const a = await me();
    const b = await me();
    expect(a.headers.get("x-ratelimit-limit")).toBe("50");
    expect(Number(b.headers.get("x-ratelimit-remaining"))).toBe(
      Number(a.headers.get("x-ratelimit-remaining")) - 1,
    );
    expect(a.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(a.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(0);
    expect(Number(a.headers.get("x-ratelimit-reset")) * 1000).toBeGreaterThan(Date.now() - 5000);
    const other = await fetch(`${emu.apiUrl}/applications/@me`, { headers: bot(emu) });
    expect(other.headers.get("x-ratelimit-bucket")).not.toBe(a.headers.get("x-ratelimit-bucket"));
  });

  it("answers 429 with Discord's body and headers once a route bucket is empty, per token", async () => {
    emu.configure({ rateLimits: { perRoute: { limit: 2, windowMs: 1000 } } });
    expect((await me()).status).toBe(200);
    const last = await me();
    expect(last.headers.get("x-ratelimit-remaining")).toBe("0");
    const limited = await me();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-scope")).toBe("user");
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("x-ratelimit-global")).toBeNull();
    const body = (await limited.json()) as { message: string; retry_after: number; global: boolean };
    expect(body.message).toBe("You are being rate limited.");
    expect(body.global).toBe(false);
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(1);
    const user = (await grant(emu, "identify")).access_token;
    expect((await fetch(`${emu.apiUrl}/users/@me`, { headers: bearer(user) })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, body.retry_after * 1000 + 20));
    expect((await me()).status).toBe(200);
  });

  it("per-route overrides and a global limit with X-RateLimit-Global", async () => {
    emu.configure({
      rateLimits: {
        perRoute: null,
        global: { limit: 3, windowMs: 60_000 },
        routes: { "GET /applications/@me": { limit: 1, windowMs: 60_000 } },
      },
    });
    expect((await fetch(`${emu.apiUrl}/applications/@me`, { headers: bot(emu) })).status).toBe(200);
    expect((await fetch(`${emu.apiUrl}/applications/@me`, { headers: bot(emu) })).status).toBe(429);
    const unlimited = await me();
    expect(unlimited.headers.get("x-ratelimit-limit")).toBeNull();
    const global = await me();
    expect(global.status).toBe(429);
    expect(global.headers.get("x-ratelimit-global")).toBe("true");
    expect(global.headers.get("x-ratelimit-scope")).toBe("global");
    expect(((await global.json()) as { global: boolean }).global).toBe(true);
  });

  it("keeps separate windows per major parameter (guild_id) under one bucket id", async () => {
    emu.configure({
      rateLimits: { routes: { "PUT /guilds/{guild_id}/members/{user_id}": { limit: 1, windowMs: 60_000 } } },
    });
    const user = emu.users[4]!.id;
    const put = (guild: string) =>
      fetch(`${emu.apiUrl}/guilds/${guild}/members/${user}`, {
        method: "PUT",
        headers: { ...bot(emu), "Content-Type": "application/json" },
        body: "{}",
      });
    const a = await put("111111111111111111");
    const b = await put("222222222222222222");
    expect([a.status, b.status]).toEqual([400, 400]);
    expect(a.headers.get("x-ratelimit-bucket")).toBe(b.headers.get("x-ratelimit-bucket"));
    expect((await put("111111111111111111")).status).toBe(429);
  });

  it("bans an IP with the Cloudflare page after too many 401/403/429 answers", async () => {
    emu.configure({ rateLimits: { invalidRequests: { limit: 3, windowMs: 1000 } } });
    const junk = () => fetch(`${emu.apiUrl}/users/@me`, { headers: { Authorization: "Bot nope" } });
    for (let i = 0; i < 3; i++) expect((await junk()).status).toBe(401);
    const banned = await me();
    expect(banned.status).toBe(429);
    expect(await banned.text()).toContain("Error 1015");
    await new Promise((resolve) => setTimeout(resolve, 1020));
    expect((await me()).status).toBe(200);
    emu.configure({ rateLimits: { invalidRequests: null } });
  });

  it("limits the token endpoint too", async () => {
    emu.configure({ rateLimits: { routes: { "POST /oauth2/token": { limit: 1, windowMs: 60_000 } } } });
    const first = await postToken(emu, { grant_type: "client_credentials", scope: "identify" });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit")).toBe("1");
    expect((await postToken(emu, { grant_type: "client_credentials", scope: "identify" })).status).toBe(429);
  });
});

describe("faults", () => {
  it("fails the next N matching requests with the configured status", async () => {
    emu.configure({ faults: [{ type: "status", status: 502, count: 2, path: "/users/@me" }] });
    expect((await fetch(`${emu.apiUrl}/applications/@me`, { headers: bot(emu) })).status).toBe(200);
    const first = await me();
    expect(first.status).toBe(502);
    expect(await first.json()).toEqual({ message: "502: Bad Gateway", code: 0 });
    expect((await me()).status).toBe(502);
    expect((await me()).status).toBe(200);
  });

  it("serves a Cloudflare ban page: HTML 429 without rate-limit headers", async () => {
    emu.configure({ faults: [{ type: "cloudflare" }] });
    const res = await me();
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("retry-after")).toBeNull();
    expect([...res.headers.keys()].filter((k) => k.startsWith("x-ratelimit"))).toEqual([]);
    expect(await res.text()).toContain("Error 1015");
  });

  it("injects shared-scope 429s and dropped connections", async () => {
    emu.configure({
      faults: [{ type: "ratelimit", scope: "shared", retryAfter: 3.5 }, { type: "disconnect" }],
    });
    const shared = await me();
    expect(shared.status).toBe(429);
    expect(shared.headers.get("x-ratelimit-scope")).toBe("shared");
    expect(shared.headers.get("retry-after")).toBe("4");
    expect(await shared.json()).toEqual({
      message: "The resource is being rate limited.",
      retry_after: 3.5,
      global: false,
    });
    await expect(me()).rejects.toThrow();
    expect((await me()).status).toBe(200);
  });

  it("adds latency", async () => {
    emu.configure({ latencyMs: 150 });
    const started = performance.now();
    await me();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("rejects a negative latency", () => {
    expect(() => emu.configure({ latencyMs: -1 })).toThrow(RangeError);
  });
});

describe("request log", () => {
  it("records method, path, query, auth kind, grant type and status, without secrets", async () => {
    emu.clearRequests();
    const token = await grant(emu, "identify guilds");
    await fetch(`${emu.apiUrl}/users/@me/guilds?limit=5`, { headers: bearer(token.access_token) });
    await postToken(
      emu,
      { grant_type: "refresh_token", refresh_token: token.refresh_token! },
      { basic: true },
    );
    const log = emu.requests;
    const refreshes = log.filter((r) => r.grantType === "refresh_token");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({
      method: "POST",
      path: "/api/v10/oauth2/token",
      auth: "basic",
      status: 200,
    });
    expect(log.find((r) => r.path === "/api/v10/users/@me/guilds")).toMatchObject({
      auth: "bearer",
      query: { limit: "5" },
      status: 200,
    });
    expect(log.find((r) => r.path === "/oauth2/authorize")?.method).toBe("POST");
    const printed = JSON.stringify(log);
    for (const secret of [
      token.access_token,
      token.refresh_token!,
      emu.application.clientSecret,
      emu.application.botToken,
    ]) {
      expect(printed).not.toContain(secret);
    }
    const withCode = await fetch(`${emu.url}/oauth2/authorize?code=supersecret&client_id=1`);
    expect(withCode.status).toBe(400);
    expect(emu.requests.at(-1)?.query.code).toBe("[redacted]");
  });
});
