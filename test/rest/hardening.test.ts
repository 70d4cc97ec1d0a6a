import { describe, expect, it } from "vitest";
import { NetworkError } from "../../src/errors.js";
import { RESTApp, type TokenStrategy } from "../../src/rest/index.js";
import { delay, guardSuite, rateLimitHeaders, SecretScan, sendEmpty, startServer } from "./helpers.js";

const scan = new SecretScan();
const TOKEN = scan.secret("hardening-token-777");
const GUILD = "81384788765712384";

guardSuite(scan, 4);

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    scan.record(error);
    return error;
  }
  throw new Error("expected a throw");
}

describe("tokens that cannot go into a header", () => {
  it("are refused at acquire, without quoting them", () => {
    const app = new RESTApp({ apiUrl: "http://127.0.0.1:9/api/v10" });
    for (const bad of [`${TOKEN}\nX-Injected: 1`, `${TOKEN} ${TOKEN}`, `${TOKEN}é`]) {
      const error = caught(() => app.acquire(bad));
      expect(error).toBeInstanceOf(TypeError);
    }
    expect(caught(() => app.acquire(TOKEN, "Bot\r\nX"))).toBeInstanceOf(TypeError);
    expect(() => new RESTApp({ userAgent: "DiscordBot (x, 1)\nX-Injected: 1" })).toThrow(TypeError);
  });

  it("from a strategy fail the call, without quoting them, and leave the route usable", async () => {
    const server = await startServer((_, res) => sendEmpty(res, rateLimitHeaders("h1", 5, 4, 1)));
    let token = `${TOKEN}\n`;
    const strategy: TokenStrategy = {
      tokenType: "Bearer",
      acquire: async () => token,
      invalidate: () => undefined,
    };
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(strategy);
    expect(await scan.error(client.leaveGuild(GUILD))).toBeInstanceOf(TypeError);
    token = TOKEN;
    await client.leaveGuild(GUILD);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
  });
});

describe("network errors", () => {
  it("keep a secret that a custom fetch put in its error out of the message and the cause", async () => {
    const app = new RESTApp({
      apiUrl: "http://127.0.0.1:9/api/v10",
      maxRetries: 0,
      fetch: async (_, init) => {
        const headers = init.headers as Record<string, string>;
        const inner = Object.assign(new Error(`socket closed while sending ${headers.Authorization}`), {
          code: "ECONNRESET",
          sent: { ...headers },
        });
        throw new TypeError("fetch failed", { cause: inner });
      },
    });
    const error = await scan.error(app.acquire(TOKEN).fetchMyUser());
    expect(error).toBeInstanceOf(NetworkError);
    const { cause } = error as NetworkError & { cause: Error & { cause: Error & { code?: string } } };
    expect(cause).toBeInstanceOf(Error);
    expect(cause.message).toBe("fetch failed");
    expect(cause.cause.message).toBe("socket closed while sending Bearer [REDACTED]");
    expect(cause.cause.code).toBe("ECONNRESET");
  });

  it("keep the original cause when it holds no secret", async () => {
    const original = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    const app = new RESTApp({
      apiUrl: "http://127.0.0.1:9/api/v10",
      maxRetries: 0,
      fetch: async () => {
        throw original;
      },
    });
    const error = await scan.error(app.acquire(TOKEN).fetchMyUser());
    expect((error as NetworkError).cause).toBe(original);
  });
});

describe("the proactive global limit", () => {
  /**
   * Answers the first request at once (so the bucket becomes known), then holds every response until
   * `expected` requests are open or three seconds have passed, and reports the most it saw open at once.
   */
  async function holdingServer(expected: number) {
    let peak = 0;
    let first = true;
    const waiting: (() => void)[] = [];
    const started = await startServer(async (_, res) => {
      const headers = rateLimitHeaders("wide", 1000, 999, 60);
      if (first) {
        first = false;
        sendEmpty(res, headers);
        return;
      }
      const open = started.open();
      peak = Math.max(peak, open);
      if (open >= expected) for (const release of waiting.splice(0)) release();
      else await Promise.race([new Promise<void>((resolve) => waiting.push(resolve)), delay(3_000)]);
      sendEmpty(res, headers);
    });
    return { server: started, peak: () => peak };
  }

  it("holds a bot token to 50 requests per second by default", async () => {
    const held = await holdingServer(59);
    const { server } = held;
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(TOKEN, "Bot");
    await Promise.all(Array.from({ length: 60 }, () => client.leaveGuild(GUILD)));
    const times = server.requests.map((r) => r.at);
    expect(times).toHaveLength(60);
    // The window opens when the first request is reserved, a little before the server sees it.
    expect(times[50]! - times[0]!).toBeGreaterThanOrEqual(800);
  });

  it("leaves bearer tokens unthrottled by default", async () => {
    const held = await holdingServer(59);
    const { server } = held;
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(TOKEN, "Bearer");
    await Promise.all(Array.from({ length: 60 }, () => client.leaveGuild(GUILD)));
    expect(server.requests).toHaveLength(60);
    expect(held.peak()).toBe(59);
  });
});

describe("5xx retries", () => {
  it("wait at least as long as a 503's Retry-After", async () => {
    let calls = 0;
    const server = await startServer((_, res) => {
      if (++calls === 1) {
        res.writeHead(503, { "content-type": "application/json", "retry-after": "0.3" });
        res.end('{"message": "Service Unavailable", "code": 0}');
      } else {
        sendEmpty(res);
      }
    });
    await new RESTApp({ apiUrl: server.apiUrl, retryBackoffMs: 1 }).acquire(TOKEN).leaveGuild(GUILD);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(290);
  });
});

describe("role connection metadata", () => {
  it("refuses values that have no string form Discord can read, before sending", async () => {
    const server = await startServer((_, res) => sendEmpty(res));
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(TOKEN);
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN)]) {
      await expect(
        client.setMyUserApplicationRoleConnection("81384788765712384", { metadata: { level: value } }),
      ).rejects.toThrow(TypeError);
    }
    expect(server.requests).toHaveLength(0);
  });
});
