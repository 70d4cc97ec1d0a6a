import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  ClientHTTPResponseError,
  CloudflareBanError,
  ForbiddenError,
  HTTPError,
  InternalServerError,
  NetworkError,
  NotFoundError,
  OAuth2Error,
  RequestTimeoutError,
  UnauthorizedError,
} from "../../src/errors.js";
import { RESTApp } from "../../src/rest/index.js";
import { delay, guardSuite, SecretScan, sendEmpty, sendJson, startServer } from "./helpers.js";

const scan = new SecretScan();
const BEARER = scan.secret("bearer-secret-token-abc123");
const CLIENT_SECRET = scan.secret("client-secret-xyz789");
const REFRESH = scan.secret("refresh-token-qwe456");
const GUILD = "81384788765712384";

guardSuite(scan, 6);

describe("Discord error bodies", () => {
  it("maps 400 to BadRequestError and prints the nested errors tree", async () => {
    const server = await startServer((_, res) =>
      sendJson(res, 400, {
        code: 50035,
        message: "Invalid Form Body",
        errors: {
          access_token: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] },
        },
      }),
    );
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire(BEARER);
    const error = await scan.error(client.leaveGuild(GUILD));
    expect(error).toBeInstanceOf(BadRequestError);
    const bad = error as BadRequestError;
    expect(bad.status).toBe(400);
    expect(bad.code).toBe(50035);
    expect(bad.discordMessage).toBe("Invalid Form Body");
    expect(bad.errors).toEqual({
      access_token: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] },
    });
    expect(bad.message).toBe(
      `Bad Request 400: (50035) 'Invalid Form Body' for ${server.apiUrl}/users/@me/guilds/${GUILD}\n\naccess_token:\n - This field is required`,
    );
  });

  it.each([
    [401, UnauthorizedError, { message: "401: Unauthorized", code: 0 }],
    [403, ForbiddenError, { message: "Missing Access", code: 50001 }],
    [404, NotFoundError, { message: "Unknown Guild", code: 10004 }],
  ] as const)(
    "maps %i to its class with Discord's code and message, without retrying",
    async (status, cls, body) => {
      const server = await startServer((_, res) => sendJson(res, status, body));
      const client = new RESTApp({ apiUrl: server.apiUrl, retryBackoffMs: 1 }).acquire(BEARER);
      const error = await scan.error(client.fetchMyUser());
      expect(error).toBeInstanceOf(cls);
      expect(error).toMatchObject({
        status,
        code: body.code,
        discordMessage: body.message,
        url: `${server.apiUrl}/users/@me`,
      });
      expect(server.requests).toHaveLength(1);
    },
  );

  it("maps other 4xx to ClientHTTPResponseError and keeps the raw body", async () => {
    const server = await startServer((_, res) =>
      sendJson(res, 405, { message: "405: Method Not Allowed", code: 0 }),
    );
    const error = await scan.error(new RESTApp({ apiUrl: server.apiUrl }).acquire(BEARER).fetchMyUser());
    expect(error).toBeInstanceOf(ClientHTTPResponseError);
    expect(error).not.toBeInstanceOf(BadRequestError);
    expect((error as ClientHTTPResponseError).rawBody).toBe('{"message":"405: Method Not Allowed","code":0}');
    expect(String(error)).toContain("Method Not Allowed 405");
  });

  it("rejects a 2xx that is not JSON", async () => {
    const server = await startServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html></html>");
    });
    const error = await scan.error(new RESTApp({ apiUrl: server.apiUrl }).acquire(BEARER).fetchMyUser());
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).kind).toBe("UNEXPECTED_RESPONSE");
  });

  it("redacts a secret the server echoes back", async () => {
    const server = await startServer((req, res) =>
      sendJson(res, 401, { message: `bad token ${req.headers.authorization}`, code: 0 }),
    );
    const error = (await scan.error(
      new RESTApp({ apiUrl: server.apiUrl }).acquire(BEARER).fetchMyUser(),
    )) as UnauthorizedError;
    expect(error.discordMessage).toBe("bad token Bearer [REDACTED]");
    expect(error.rawBody).not.toContain(BEARER);
  });
});

describe("retries", () => {
  it("retries 5xx up to maxRetries with backoff, then throws InternalServerError", async () => {
    const server = await startServer((_, res) =>
      sendJson(res, 502, { message: "502: Bad Gateway", code: 0 }),
    );
    const client = new RESTApp({ apiUrl: server.apiUrl, maxRetries: 2, retryBackoffMs: 20 }).acquire(BEARER);
    const started = performance.now();
    const error = await scan.error(client.leaveGuild(GUILD));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(502);
    expect(server.requests).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(10 + 20);
  });

  it("sends the same body and content type on every attempt", async () => {
    let calls = 0;
    const server = await startServer((_, res) =>
      ++calls < 3
        ? sendJson(res, 500, { message: "oops", code: 0 })
        : sendJson(res, 200, { platform_name: "Game", platform_username: null, metadata: {} }),
    );
    await new RESTApp({ apiUrl: server.apiUrl, retryBackoffMs: 1 })
      .acquire(BEARER)
      .setMyUserApplicationRoleConnection(GUILD, { platformName: "Game" });
    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.method).toBe("PUT");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(request.body)).toEqual({ platform_name: "Game" });
    }
  });

  it("succeeds when a retry succeeds", async () => {
    let calls = 0;
    const server = await startServer((_, res) =>
      ++calls < 3 ? sendJson(res, 500, { message: "oops", code: 0 }) : sendEmpty(res),
    );
    await new RESTApp({ apiUrl: server.apiUrl, retryBackoffMs: 1 }).acquire(BEARER).leaveGuild(GUILD);
    expect(server.requests).toHaveLength(3);
  });

  it("never retries with maxRetries 0", async () => {
    const server = await startServer((_, res) => sendJson(res, 503, { message: "busy", code: 0 }));
    await scan.error(new RESTApp({ apiUrl: server.apiUrl, maxRetries: 0 }).acquire(BEARER).leaveGuild(GUILD));
    expect(server.requests).toHaveLength(1);
  });

  it("retries network errors, then throws NetworkError", async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    let attempts = 0;
    const app = new RESTApp({
      apiUrl: closed.apiUrl,
      maxRetries: 2,
      retryBackoffMs: 1,
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
    });
    const error = await scan.error(app.acquire(BEARER).fetchMyUser());
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain(`GET ${closed.apiUrl}/users/@me failed`);
    expect(attempts).toBe(3);
  });

  it("times out one attempt with RequestTimeoutError and does not retry it", async () => {
    const server = await startServer(async (_, res) => {
      await delay(300);
      sendEmpty(res);
    });
    const client = new RESTApp({ apiUrl: server.apiUrl, timeoutMs: 50 }).acquire(BEARER);
    const error = await scan.error(client.leaveGuild(GUILD));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as RequestTimeoutError).timeoutMs).toBe(50);
    expect(server.requests).toHaveLength(1);
  });

  it("stops when the caller's signal aborts, with the signal's reason", async () => {
    const server = await startServer(async (_, res) => {
      await delay(300);
      sendEmpty(res);
    });
    const controller = new AbortController();
    const call = new RESTApp({ apiUrl: server.apiUrl })
      .acquire(BEARER)
      .leaveGuild(GUILD, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 30);
    await expect(call).rejects.toThrow("stop");
  });

  it("does not send at all with an already aborted signal", async () => {
    const server = await startServer((_, res) => sendEmpty(res));
    const reason = new Error("already");
    await expect(
      new RESTApp({ apiUrl: server.apiUrl })
        .acquire(BEARER)
        .leaveGuild(GUILD, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

describe("OAuth2 and Cloudflare errors", () => {
  it("turns an RFC 6749 error body from the token endpoint into OAuth2Error", async () => {
    const server = await startServer((_, res) =>
      sendJson(res, 400, {
        error: "invalid_grant",
        error_description: `Invalid "refresh_token" in request (${REFRESH})`,
      }),
    );
    const error = await scan.error(
      new RESTApp({ apiUrl: server.apiUrl })
        .acquire()
        .refreshAccessToken({ clientId: "1", clientSecret: CLIENT_SECRET, refreshToken: REFRESH }),
    );
    expect(error).toBeInstanceOf(OAuth2Error);
    expect(error).toBeInstanceOf(ClientHTTPResponseError);
    expect(error).toMatchObject({
      status: 400,
      error: "invalid_grant",
      description: 'Invalid "refresh_token" in request ([REDACTED])',
    });
    expect(String(error)).toContain("invalid_grant");
  });

  it("keeps Discord-style errors from the token endpoint Discord-style", async () => {
    const server = await startServer((_, res) =>
      sendJson(res, 401, { message: "401: Unauthorized", code: 0 }),
    );
    const error = await scan.error(
      new RESTApp({ apiUrl: server.apiUrl })
        .acquire()
        .revokeAccessToken({ clientId: "1", clientSecret: CLIENT_SECRET, token: BEARER }),
    );
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).not.toBeInstanceOf(OAuth2Error);
  });

  it("turns an HTML 429 without rate-limit headers into CloudflareBanError, counted and not retried", async () => {
    const server = await startServer((_, res) => {
      res.writeHead(429, { "content-type": "text/html", "retry-after": "1800" });
      res.end("<html><title>Error 1015</title>You are being rate limited</html>");
    });
    const app = new RESTApp({ apiUrl: server.apiUrl });
    const error = await scan.error(app.acquire(BEARER).fetchMyUser());
    expect(error).toBeInstanceOf(CloudflareBanError);
    expect((error as CloudflareBanError).retryAfter).toBe(1800);
    expect(server.requests).toHaveLength(1);
    expect(app.invalidRequests.count).toBe(1);
  });
});
