import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { homePage } from "./authorize.js";
import { authenticate } from "./context.js";
import type { Env } from "./env.js";
import { GrantStore } from "./grants.js";
import { ApiError, mediaType, notFound, OAuthError, type Reply, readBody } from "./http.js";
import {
  cloudflareBanReply,
  type EmulatorFault,
  RateLimiter,
  type RateLimitOptions,
  rateLimited,
} from "./limits.js";
import { handleAuthorize, handleRevoke, handleToken, requestClientId } from "./oauth.js";
import { matchTemplate, ROUTES } from "./routes.js";
import type { World } from "./world.js";

/** How a request authenticated, as recorded in the request log (never the credential itself). */
export type EmulatorAuthKind = "bot" | "bearer" | "basic" | "none" | "other";

/** One entry of the emulator's request log. Secrets are redacted. */
export interface EmulatorRequest {
  /** HTTP method. */
  method: string;
  /**
   * Path without the query, e.g. `/api/v10/users/@me/guilds`. The token segment of webhook and
   * interaction paths (`/webhooks/{id}/{token}`, `/interactions/{id}/{token}`) reads `[redacted]`.
   */
  path: string;
  /** Query parameters; values of secret-bearing keys (`code`, `token`, ...) read `"[redacted]"`. */
  query: Record<string, string>;
  /** Kind of the `Authorization` header. */
  auth: EmulatorAuthKind;
  /** For the token endpoint: the form's `grant_type`. */
  grantType: string | null;
  /** Status code sent (0 when the connection was dropped by a fault). */
  status: number;
  /** Emulator time (epoch ms) when the request arrived. */
  at: number;
}

/** Settings that may change at any time through `handle.configure()`. */
export interface EmulatorConfig {
  /** Rate-limit windows; see {@link RateLimitOptions}. Changing them resets every window. */
  rateLimits?: RateLimitOptions;
  /** Faults for the next requests; replaces any faults still pending. `[]` clears them. */
  faults?: EmulatorFault[];
  /** Delay added before answering each request, in milliseconds. */
  latencyMs?: number;
}

const SECRET_QUERY_KEYS = new Set([
  "code",
  "token",
  "access_token",
  "refresh_token",
  "client_secret",
  "code_verifier",
]);

/** Token segments that appear in request paths (webhook and interaction tokens). */
const SECRET_PATH = /(\/(?:webhooks|interactions)\/[^/]+\/)[^/]+/;

/** The log keeps this many entries, dropping the oldest, so a long-running emulator stays small. */
const MAX_LOG_ENTRIES = 10_000;

/** How long `close()` lets requests in flight finish before it drops their connections. */
const CLOSE_GRACE_MS = 1000;

const SERVER_ERROR_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

interface PendingFault {
  fault: EmulatorFault;
  remaining: number;
}

function authKind(header: string | undefined): EmulatorAuthKind {
  if (!header) return "none";
  const scheme = header.split(" ", 1)[0]?.toLowerCase();
  if (scheme === "bot") return "bot";
  if (scheme === "bearer") return "bearer";
  if (scheme === "basic") return "basic";
  return "other";
}

function formOf(req: IncomingMessage, body: string): URLSearchParams | null {
  return mediaType(req) === "application/x-www-form-urlencoded" ? new URLSearchParams(body) : null;
}

/** The request target as a URL on this server, or null when it cannot be parsed. */
function requestUrl(target: string, base: string): URL | null {
  return URL.parse(target.startsWith("/") ? base + target : target, base);
}

const API_PREFIX = /^\/api(?:\/v(?:9|10))?(\/.*)$/;

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-RateLimit-Reset-After, X-RateLimit-Bucket, X-RateLimit-Scope, X-RateLimit-Global, Retry-After",
};

/** Headers every HTML page gets: no framing (consent pages must not be clickjacked), no scripts unless a page allows its own. */
const HTML_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

/** The HTTP server behind an emulator handle: routing, rate limits, faults, latency and the request log. */
export class EmulatorServer {
  /** State shared by the handlers. */
  readonly env: Env;
  readonly #limiter = new RateLimiter();
  readonly #log: EmulatorRequest[] = [];
  #faults: PendingFault[] = [];
  #latencyMs = 0;
  #offsetMs = 0;
  #baseUrl = "";
  #closed: Promise<void> | null = null;
  readonly #server: Server;

  constructor(world: World) {
    this.env = {
      world,
      grants: new GrantStore(),
      now: () => Date.now() + this.#offsetMs,
      baseUrl: () => this.#baseUrl,
    };
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch(() => res.destroy());
    });
  }

  /** Starts listening; resolves to the base URL (`http://host:port`). */
  async listen(port: number, host: string): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, host, () => {
        this.#server.off("error", reject);
        resolve();
      });
    });
    const address = this.#server.address();
    if (address === null || typeof address === "string") throw new Error("The emulator is not on TCP");
    const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
    this.#baseUrl = `http://${hostPart}:${address.port}`;
    return this.#baseUrl;
  }

  /**
   * Stops accepting connections, closes idle keep-alive connections at once, lets requests in flight
   * finish (answering them with `Connection: close`) and drops whatever is still open after a
   * short grace period. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#closed ??= new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#server.closeAllConnections(), CLOSE_GRACE_MS);
      timer.unref();
      this.#server.close((error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
      this.#server.closeIdleConnections();
    });
    return this.#closed;
  }

  /** Applies new settings; see {@link EmulatorConfig}. */
  configure(config: EmulatorConfig): void {
    if (config.latencyMs !== undefined && (!Number.isFinite(config.latencyMs) || config.latencyMs < 0)) {
      throw new RangeError("latencyMs must be a finite number >= 0");
    }
    if (config.rateLimits) this.#limiter.configure(config.rateLimits);
    if (config.faults) {
      this.#faults = config.faults.map((fault) => ({ fault, remaining: fault.count ?? 1 }));
    }
    if (config.latencyMs !== undefined) this.#latencyMs = config.latencyMs;
  }

  /** Moves the emulator's clock (token and code expiry) forward. */
  advanceTime(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError("advanceTime() needs a non-negative number of milliseconds");
    this.#offsetMs += ms;
  }

  /** A copy of the request log, oldest first. */
  get requests(): readonly EmulatorRequest[] {
    return this.#log.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  /** Empties the request log. */
  clearRequests(): void {
    this.#log.length = 0;
  }

  #takeFault(path: string): EmulatorFault | null {
    const index = this.#faults.findIndex(({ fault }) => {
      const match = fault.path;
      return match === undefined || (typeof match === "string" ? path.includes(match) : match.test(path));
    });
    const pending = this.#faults[index];
    if (!pending) return null;
    pending.remaining--;
    if (pending.remaining <= 0) this.#faults.splice(index, 1);
    return pending.fault;
  }

  #record(req: IncomingMessage, url: URL | null): EmulatorRequest {
    const query: Record<string, string> = {};
    for (const [key, value] of url?.searchParams ?? [])
      query[key] = SECRET_QUERY_KEYS.has(key) ? "[redacted]" : value;
    const entry: EmulatorRequest = {
      method: req.method ?? "GET",
      path: (url?.pathname ?? "").replace(SECRET_PATH, "$1[redacted]"),
      query,
      auth: authKind(req.headers.authorization),
      grantType: null,
      status: 0,
      at: this.env.now(),
    };
    this.#log.push(entry);
    if (this.#log.length > MAX_LOG_ENTRIES) this.#log.splice(0, this.#log.length - MAX_LOG_ENTRIES);
    return entry;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req.url ?? "/", this.#baseUrl);
    const entry = this.#record(req, url);
    const ip = req.socket.remoteAddress ?? "";
    let reply: Reply | null;
    try {
      if (url === null) throw new ApiError(400, 0, "400: Bad Request");
      const body = await readBody(req);
      if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
      if (this.#limiter.banned(ip, Date.now())) {
        reply = cloudflareBanReply();
      } else {
        const faulted = this.#fault(url.pathname);
        reply = faulted === undefined ? this.#dispatch(req, url, body, entry) : faulted;
        if (countsAsInvalid(reply)) this.#limiter.recordInvalid(ip, Date.now());
      }
    } catch (error) {
      reply = errorReply(error);
      if (error instanceof ApiError && error.status === 413) {
        reply.headers = { ...reply.headers, Connection: "close" };
      }
    }
    if (reply === null) {
      req.socket.destroy();
      return;
    }
    entry.status = reply.status;
    this.#write(res, reply, url?.pathname.startsWith("/api") ?? false);
  }

  #fault(path: string): Reply | null | undefined {
    const fault = this.#takeFault(path);
    if (!fault) return undefined;
    switch (fault.type) {
      case "status": {
        const status = fault.status ?? 500;
        const text = SERVER_ERROR_TEXT[status] ?? "Server Error";
        return { status, json: { message: `${status}: ${text}`, code: 0 } };
      }
      case "cloudflare":
        return cloudflareBanReply();
      case "ratelimit":
        return rateLimited(fault.scope ?? "user", fault.retryAfter ?? 1, {});
      case "disconnect":
        return null;
    }
  }

  #dispatch(req: IncomingMessage, url: URL, body: string, entry: EmulatorRequest): Reply {
    const method = req.method ?? "GET";
    const path = url.pathname;
    if (path === "/" && method === "GET") return homePage(this.env);
    const api = API_PREFIX.exec(path);
    const rest = api?.[1] ?? path;
    if (rest === "/oauth2/authorize") {
      if (method !== "GET" && method !== "POST") return methodNotAllowed("GET, POST");
      return handleAuthorize(
        this.env,
        url,
        method === "POST" ? (formOf(req, body) ?? new URLSearchParams()) : null,
      );
    }
    if (!api) throw notFound();
    if (method === "OPTIONS") {
      return {
        status: 204,
        headers: {
          "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
          "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Audit-Log-Reason",
          "Access-Control-Max-Age": "600",
        },
      };
    }
    if (rest === "/oauth2/token" || rest === "/oauth2/token/revoke") {
      if (method !== "POST") return methodNotAllowed("POST");
      const form = formOf(req, body);
      const isToken = rest === "/oauth2/token";
      if (isToken) entry.grantType = form?.get("grant_type") ?? null;
      const client = requestClientId(req.headers, form);
      const identity = client === null ? `ip:${req.socket.remoteAddress}` : `client:${client}`;
      return this.#limited(`POST ${rest}`, identity, () =>
        isToken ? handleToken(this.env, req.headers, form) : handleRevoke(this.env, req.headers, form),
      );
    }
    const candidates = ROUTES.flatMap((route) => {
      const params = matchTemplate(route.template, rest);
      return params === null ? [] : [{ route, params }];
    });
    if (candidates.length === 0) throw notFound();
    const hit = candidates.find((c) => c.route.method === method);
    if (!hit) return methodNotAllowed([...new Set(candidates.map((c) => c.route.method))].join(", "));
    const principal = authenticate(this.env, req.headers.authorization);
    const identity =
      principal?.kind === "bot"
        ? "bot"
        : principal?.kind === "bearer"
          ? `bearer:${principal.grant.id}`
          : `ip:${req.socket.remoteAddress}`;
    const { route, params } = hit;
    const major = route.major === undefined ? "" : (params[route.major] ?? "");
    return this.#limited(
      `${method} ${route.template}`,
      identity,
      () => route.handler({ env: this.env, req, url, params, principal, body }),
      major,
    );
  }

  #limited(route: string, identity: string, run: () => Reply, major = ""): Reply {
    const checked = this.#limiter.check(route, identity, Date.now(), major);
    if ("reply" in checked) return checked.reply;
    let reply: Reply;
    try {
      reply = run();
    } catch (error) {
      reply = errorReply(error);
    }
    return { ...reply, headers: { ...checked.headers, ...reply.headers } };
  }

  #write(res: ServerResponse, reply: Reply, api: boolean): void {
    const headers: Record<string, string> = { ...(api ? CORS : {}) };
    let payload: string | undefined;
    if (reply.json !== undefined && reply.status !== 204) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(reply.json);
    } else if (reply.html !== undefined) {
      Object.assign(headers, HTML_HEADERS);
      headers["Content-Type"] = "text/html; charset=utf-8";
      payload = reply.html;
    }
    Object.assign(headers, reply.headers);
    if (this.#closed) headers.Connection = "close";
    res.writeHead(reply.status, headers);
    res.end(payload);
  }
}

function countsAsInvalid(reply: Reply | null): boolean {
  if (reply === null || reply.html !== undefined) return false;
  if (reply.status === 401 || reply.status === 403) return true;
  return reply.status === 429 && reply.headers?.["X-RateLimit-Scope"] !== "shared";
}

function methodNotAllowed(allow: string): Reply {
  return { status: 405, json: { message: "405: Method Not Allowed", code: 0 }, headers: { Allow: allow } };
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, json: error.body };
  if (error instanceof OAuthError) {
    return {
      status: error.status,
      json: { error: error.error, error_description: error.message },
      headers: error.status === 401 ? { "WWW-Authenticate": 'Basic realm="discord"' } : {},
    };
  }
  return { status: 500, json: { message: "500: Internal Server Error", code: 0 } };
}
