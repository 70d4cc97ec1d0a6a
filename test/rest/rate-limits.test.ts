import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { InvalidRequestBudgetError, RateLimitTooLongError, UnauthorizedError } from "../../src/errors.js";
import { RESTApp, type TokenStrategy } from "../../src/rest/index.js";
import { InvalidRequestBudget } from "../../src/rest/invalid-requests.js";
import { RateLimiter } from "../../src/rest/rate-limits.js";
import {
  delay,
  guardSuite,
  rateLimitHeaders,
  SecretScan,
  sendEmpty,
  sendJson,
  startServer,
} from "./helpers.js";

const scan = new SecretScan();
const TOKEN_A = scan.secret("token-a-secret-111");
const TOKEN_B = scan.secret("token-b-secret-222");
const GUILD = "81384788765712384";

guardSuite(scan, 4);

interface Limit {
  readonly bucket: string;
  readonly limit: number;
  /** Seconds. */
  readonly retryAfter: number;
  readonly scope: "user" | "shared";
}

/** Answers a non-global 429 for an exhausted bucket. */
function sendRateLimited(res: ServerResponse, { bucket, limit, retryAfter, scope }: Limit): void {
  sendJson(
    res,
    429,
    { message: "You are being rate limited.", retry_after: retryAfter, global: false },
    { ...rateLimitHeaders(bucket, limit, 0, retryAfter), "x-ratelimit-scope": scope },
  );
}

/** A server that answers the first request with a 429 and every later one with a 204. */
function limitedOnce(limit: Limit) {
  let calls = 0;
  return startServer((_, res) => {
    if (++calls === 1) sendRateLimited(res, limit);
    else sendEmpty(res, rateLimitHeaders(limit.bucket, limit.limit, limit.limit - 1, 1));
  });
}

/** A server that enforces one fixed-window bucket per token and answers 429 when it is exceeded. */
async function windowServer(limit: number, windowMs: number, latencyMs = 0) {
  const windows = new Map<string, { start: number; used: number }>();
  let rejected = 0;
  const started = await startServer(async (req, res) => {
    const key = String(req.headers.authorization);
    const now = Date.now();
    let win = windows.get(key);
    if (win === undefined || now >= win.start + windowMs) {
      win = { start: now, used: 0 };
      windows.set(key, win);
    }
    if (latencyMs) await delay(latencyMs);
    const resetAfter = (win.start + windowMs - now) / 1000;
    if (win.used >= limit) {
      rejected++;
      sendRateLimited(res, { bucket: "b1", limit, retryAfter: resetAfter, scope: "user" });
      return;
    }
    win.used++;
    sendEmpty(res, rateLimitHeaders("b1", limit, limit - win.used, resetAfter));
  });
  return { server: started, rejected: () => rejected };
}

describe("buckets", () => {
  it("keeps one request in flight while the bucket is unknown, then releases the rest", async () => {
    let concurrentAtFirstAnswer = -1;
    const server = await startServer(async (_, res) => {
      if (concurrentAtFirstAnswer === -1) {
        await delay(80);
        concurrentAtFirstAnswer = server.open();
      }
      sendEmpty(res, rateLimitHeaders("bucket-x", 10, 9, 5));
    });
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(TOKEN_A);
    await Promise.all(Array.from({ length: 5 }, () => client.leaveGuild(GUILD)));
    expect(concurrentAtFirstAnswer).toBe(1);
    expect(server.requests).toHaveLength(5);
    const [first, ...rest] = server.requests;
    for (const request of rest) expect(request.at).toBeGreaterThanOrEqual(first!.at + 70);
  });

  it("queues on an exhausted bucket instead of running into 429s", async () => {
    const limited = await windowServer(2, 300);
    const { server } = limited;
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(TOKEN_A);
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => client.leaveGuild(GUILD)));
    expect(limited.rejected()).toBe(0);
    expect(server.requests).toHaveLength(6);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 300 - 20);
  });

  it("aborts a request that waits on an exhausted bucket, and leaves no timer behind", async () => {
    const limited = await windowServer(1, 5_000);
    const { server } = limited;
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(TOKEN_A);
    await client.leaveGuild(GUILD);
    const timers = (): number => process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
    const baseline = timers();
    const controller = new AbortController();
    const waiting = client.leaveGuild(GUILD, { signal: controller.signal });
    await delay(30);
    expect(timers()).toBeGreaterThan(baseline);
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    expect(timers()).toBe(baseline);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps each token under the global requests-per-second limit across routes", async () => {
    const server = await startServer((_, res) => sendEmpty(res, rateLimitHeaders("one", 50, 49, 1)));
    const app = new RESTApp({ apiUrl: server.apiUrl, globalRequestsPerSecond: 2 });
    const a = app.acquire(TOKEN_A);
    const guilds = ["1", "2", "3", "4", "5"].map((n) => `8138478876571238${n}`);
    await Promise.all([...guilds.map((g) => a.leaveGuild(g)), app.acquire(TOKEN_B).leaveGuild(GUILD)]);
    const times = server.requests
      .filter((r) => r.headers.authorization === `Bearer ${TOKEN_A}`)
      .map((r) => r.at);
    expect(times).toHaveLength(5);
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(2 * 1000 - 20);
    const b = server.requests.find((r) => r.headers.authorization === `Bearer ${TOKEN_B}`)!;
    expect(b.at).toBeLessThan(times[2]!);
  });

  it("two tokens have separate buckets", async () => {
    const limited = await windowServer(1, 400);
    const { server } = limited;
    const app = new RESTApp({ apiUrl: server.apiUrl });
    await app.acquire(TOKEN_A).leaveGuild(GUILD);
    await Promise.all([app.acquire(TOKEN_A).leaveGuild(GUILD), app.acquire(TOKEN_B).leaveGuild(GUILD)]);
    const [a1, next, last] = server.requests;
    expect(next!.headers.authorization).toBe(`Bearer ${TOKEN_B}`);
    expect(last!.headers.authorization).toBe(`Bearer ${TOKEN_A}`);
    expect(last!.at - a1!.at).toBeGreaterThanOrEqual(390);
    expect(limited.rejected()).toBe(0);
  });

  it("waits out a 429's retry_after and retries", async () => {
    const server = await limitedOnce({ bucket: "b2", limit: 5, retryAfter: 0.25, scope: "user" });
    const app = new RESTApp({ apiUrl: server.apiUrl });
    await app.acquire(TOKEN_A).leaveGuild(GUILD);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(240);
    expect(app.invalidRequests.count).toBe(1);
  });

  it("a global 429 holds back only that token", async () => {
    let first = true;
    const server = await startServer((req, res) => {
      if (first && req.path.endsWith("/users/@me")) {
        first = false;
        sendJson(
          res,
          429,
          { message: "You are being rate limited.", retry_after: 0.4, global: true },
          { "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
        );
        return;
      }
      sendEmpty(res, rateLimitHeaders(req.path, 5, 4, 1));
    });
    const app = new RESTApp({ apiUrl: server.apiUrl });
    const a = app.acquire(TOKEN_A);
    const blocked = a.leaveGuild(GUILD).catch(() => undefined);
    const limitedCall = scan.error(a.fetchMyUser());
    await delay(50);
    const other = app.acquire(TOKEN_B).leaveGuild(GUILD);
    const aOtherRoute = a.leaveGuild("41771983423143937");
    await Promise.all([blocked, other, aOtherRoute]);
    await limitedCall;
    const at429 = server.requests.find((r) => r.path.endsWith("/users/@me"))!.at;
    const bRequest = server.requests.find((r) => r.headers.authorization === `Bearer ${TOKEN_B}`)!;
    const aLater = server.requests.find((r) => r.path.endsWith("/41771983423143937"))!;
    expect(bRequest.at).toBeLessThan(aLater.at);
    expect(aLater.at).toBeGreaterThanOrEqual(at429 + 390);
  });

  it("throws RateLimitTooLongError when a 429 asks for more than the maximum wait", async () => {
    const server = await startServer((_, res) =>
      sendRateLimited(res, { bucket: "b3", limit: 1, retryAfter: 120, scope: "user" }),
    );
    const app = new RESTApp({ apiUrl: server.apiUrl, maxRateLimitWait: 5 });
    const client = app.acquire(TOKEN_A);
    const error = await scan.error(client.leaveGuild(GUILD));
    expect(error).toBeInstanceOf(RateLimitTooLongError);
    expect(error).toMatchObject({
      retryAfter: 120,
      maxRetryAfter: 5,
      isGlobal: false,
      route: "DELETE /users/@me/guilds/{guild_id}",
    });
    const queued = await scan.error(client.leaveGuild(GUILD));
    expect(queued).toBeInstanceOf(RateLimitTooLongError);
    expect(server.requests).toHaveLength(1);
  });

  it("does not count shared-scope 429s against the invalid-request budget", async () => {
    const server = await limitedOnce({ bucket: "b4", limit: 5, retryAfter: 0.05, scope: "shared" });
    const app = new RESTApp({ apiUrl: server.apiUrl });
    await app.acquire(TOKEN_A).leaveGuild(GUILD);
    expect(server.requests).toHaveLength(2);
    expect(app.invalidRequests.count).toBe(0);
  });
});

describe("401s and the invalid-request budget", () => {
  it("a 401 on one token leaves another token working", async () => {
    const server = await startServer((req, res) =>
      req.headers.authorization === `Bearer ${TOKEN_A}`
        ? sendJson(res, 401, { message: "401: Unauthorized", code: 0 }, rateLimitHeaders("b5", 5, 4, 1))
        : sendEmpty(res, rateLimitHeaders("b5", 5, 4, 1)),
    );
    const app = new RESTApp({ apiUrl: server.apiUrl });
    expect(await scan.error(app.acquire(TOKEN_A).leaveGuild(GUILD))).toBeInstanceOf(UnauthorizedError);
    await app.acquire(TOKEN_B).leaveGuild(GUILD);
    expect(await scan.error(app.acquire(TOKEN_A).leaveGuild(GUILD))).toBeInstanceOf(UnauthorizedError);
    await app.acquire(TOKEN_B).leaveGuild(GUILD);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${TOKEN_A}`,
      `Bearer ${TOKEN_B}`,
      `Bearer ${TOKEN_A}`,
      `Bearer ${TOKEN_B}`,
    ]);
  });

  it("refuses to send once the app-wide budget is spent", async () => {
    const server = await startServer((_, res) =>
      sendJson(res, 403, { message: "Missing Access", code: 50001 }),
    );
    const app = new RESTApp({ apiUrl: server.apiUrl, invalidRequestLimit: 3 });
    for (let i = 0; i < 3; i++) await scan.error(app.acquire(TOKEN_A).leaveGuild(GUILD));
    const refused = await scan.error(app.acquire(TOKEN_B).fetchMyUser());
    expect(refused).toBeInstanceOf(InvalidRequestBudgetError);
    expect(refused).toMatchObject({ count: 3, limit: 3 });
    expect((refused as InvalidRequestBudgetError).retryAfter).toBeGreaterThan(590);
    expect(server.requests).toHaveLength(3);
    expect(app.invalidRequests).toEqual({ count: 3, limit: 3, remaining: 0 });
  });

  it("lets requests through again once the window slides past old entries", () => {
    let now = 1_000_000;
    const budget = new InvalidRequestBudget(2, () => now);
    budget.record();
    now += 300_000;
    budget.record();
    expect(() => budget.check()).toThrow(InvalidRequestBudgetError);
    now += 300_001;
    expect(() => budget.check()).not.toThrow();
    expect(budget.status()).toEqual({ count: 1, limit: 2, remaining: 1 });
  });

  it("re-acquires a strategy's token once after a 401", async () => {
    const OLD = scan.secret("strategy-old-token");
    const NEW = scan.secret("strategy-new-token");
    const server = await startServer((req, res) =>
      req.headers.authorization === `Bearer ${NEW}`
        ? sendEmpty(res)
        : sendJson(res, 401, { message: "401: Unauthorized", code: 0 }),
    );
    const invalidated: (string | undefined)[] = [];
    let current = OLD;
    const strategy: TokenStrategy = {
      tokenType: "Bearer",
      acquire: async () => current,
      invalidate: (token) => {
        invalidated.push(token);
        current = NEW;
      },
    };
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(strategy);
    expect(client.tokenType).toBe("Bearer");
    await client.leaveGuild(GUILD);
    expect(invalidated).toEqual([OLD]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${OLD}`, `Bearer ${NEW}`]);
    current = OLD;
    const stuck = new RESTApp({ apiUrl: server.apiUrl }).acquire({
      ...strategy,
      invalidate: () => undefined,
    });
    expect(await scan.error(stuck.leaveGuild(GUILD))).toBeInstanceOf(UnauthorizedError);
  });
});

describe("RateLimiter memory", () => {
  it("drops idle identities and keeps busy ones", async () => {
    let now = 5_000_000;
    const limiter = new RateLimiter({ maxWait: 60, now: () => now });
    const headers = new Headers(rateLimitHeaders("b", 5, 4, 1));
    for (let i = 0; i < 100; i++)
      (await limiter.acquire(`token-${i}`, { key: "GET /x", major: "" })).done(headers);
    const busy = await limiter.acquire("busy", { key: "GET /x", major: "" });
    expect(limiter.size).toBe(101);
    now += 10_000;
    limiter.prune();
    expect(limiter.size).toBe(101);
    now += 600_000;
    limiter.prune();
    expect(limiter.size).toBe(1);
    busy.done(headers);
    now += 600_000;
    limiter.prune();
    expect(limiter.size).toBe(0);
  });
});
