import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import {
  BadRequestError,
  CloudflareBanError,
  NetworkError,
  RateLimitTooLongError,
  UnauthorizedError,
} from "../../src/errors.js";
import { createNodeFetch, type NodeFetch } from "../../src/node/index.js";
import { RESTApp, type RESTClient } from "../../src/rest/index.js";

let emu: EmulatorHandle;
let nodeFetch: NodeFetch;
let app: RESTApp;
let bot: RESTClient;

beforeAll(async () => {
  emu = await startEmulator({ seed: "node-transport" });
  nodeFetch = createNodeFetch();
  app = new RESTApp({ apiUrl: emu.apiUrl, fetch: nodeFetch, retryBackoffMs: 5 });
  bot = app.acquire(emu.application.botToken, "Bot");
});

afterEach(() => {
  emu.configure({ faults: [] });
  emu.clearRequests();
});

afterAll(async () => {
  nodeFetch.close();
  await emu.close();
});

describe("RESTApp over createNodeFetch() against the emulator", () => {
  it("fetches and edits the application (GET and a JSON PATCH)", async () => {
    const application = await bot.fetchApplication();
    expect(application.id).toBe(emu.application.id);
    const edited = await bot.editApplication({ description: "Sent over node:http" });
    expect(edited.description).toBe("Sent over node:http");
    expect((await bot.fetchApplication()).description).toBe("Sent over node:http");
    expect(emu.requests.map((r) => [r.method, r.status])).toEqual([
      ["GET", 200],
      ["PATCH", 200],
      ["GET", 200],
    ]);
  });

  it("waits out a 429 with rate-limit headers and then succeeds", async () => {
    emu.configure({ faults: [{ type: "ratelimit", scope: "user", retryAfter: 0.2 }] });
    const started = performance.now();
    const application = await bot.fetchApplication();
    expect(application.id).toBe(emu.application.id);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(emu.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("refuses a 429 longer than the maximum wait with RateLimitTooLongError", async () => {
    emu.configure({ faults: [{ type: "ratelimit", scope: "user", retryAfter: 3600 }] });
    const own = new RESTApp({ apiUrl: emu.apiUrl, fetch: nodeFetch });
    const error = await own
      .acquire(emu.application.botToken, "Bot")
      .fetchApplication()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitTooLongError);
    expect((error as RateLimitTooLongError).retryAfter).toBe(3600);
  });

  it("maps a 401 to UnauthorizedError with real Headers and no token in it", async () => {
    const token = "not-a-real-token-for-node";
    const error = await app
      .acquire(token, "Bot")
      .fetchApplication()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    const unauthorized = error as UnauthorizedError;
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers).toBeInstanceOf(Headers);
    expect(unauthorized.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(unauthorized.rawBody)).toEqual({ message: "401: Unauthorized", code: 0 });
    expect(JSON.stringify({ ...unauthorized, message: unauthorized.message })).not.toContain(token);
  });

  it("maps a 400 to BadRequestError with Discord's error tree", async () => {
    const error = await bot.editApplication({ tags: ["x".repeat(21)] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).errors).not.toBeNull();
  });

  it("retries a dropped connection and a 502, and tells a Cloudflare ban from a Discord 429", async () => {
    emu.configure({ faults: [{ type: "disconnect" }, { type: "status", status: 502 }] });
    expect((await bot.fetchApplication()).id).toBe(emu.application.id);
    expect(emu.requests.map((r) => r.status).at(-1)).toBe(200);
    emu.configure({ faults: [{ type: "cloudflare" }] });
    expect(await bot.fetchApplication().catch((e: unknown) => e)).toBeInstanceOf(CloudflareBanError);
  });

  it("wraps a refused connection into NetworkError", async () => {
    const closed = await startEmulator({ seed: "closed" });
    const apiUrl = closed.apiUrl;
    await closed.close();
    const offline = new RESTApp({ apiUrl, fetch: nodeFetch, maxRetries: 0 });
    const error = await offline
      .acquire("secret-token-value", "Bot")
      .fetchApplication()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/ECONNREFUSED/);
    expect((error as NetworkError).message).not.toContain("secret-token-value");
  });
});
