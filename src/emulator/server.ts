import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate } from "./context.js";
import type { Env, WebhookRecord } from "./env.js";
import { GrantStore } from "./grants.js";
import { ApiError, escapeHtml, notFound, OAuthError, type Reply, readBody } from "./http.js";
import {
  cloudflareBanReply,
  type EmulatorFault,
  RateLimiter,
  type RateLimitOptions,
  rateLimited,
} from "./limits.js";
import { handleAuthorize, handleRevoke, handleToken } from "./oauth.js";
import { matchTemplate, ROUTES } from "./routes.js";
import type { World } from "./world.js";

/** How a request authenticated, as recorded in the request log (never the credential itself). */
export type EmulatorAuthKind = "bot" | "bearer" | "basic" | "none" | "other";

/** One entry of the emulator's request log. Secrets are redacted. */
export interface EmulatorRequest {
  /** HTTP method. */
  method: string;
  /** Path without the query, e.g. `/api/v10/users/@me/guilds`. */
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

interface PendingFault {
  fault: EmulatorFault;
  remaining: number;
}

function authKind(header: string | undefined): EmulatorAuthKind {
  if (!header) return "none";
  if (header.startsWith("Bot ")) return "bot";
  if (header.startsWith("Bearer ")) return "bearer";
  if (header.startsWith("Basic ")) return "basic";
  return "other";
}

function formOf(req: IncomingMessage, body: string): URLSearchParams | null {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  return type === "application/x-www-form-urlencoded" ? new URLSearchParams(body) : null;
}

const API_PREFIX = /^\/api(?:\/v(9|10))?(\/.*)$/;

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-RateLimit-Reset-After, X-RateLimit-Bucket, X-RateLimit-Scope, X-RateLimit-Global, Retry-After",
};

/** The HTTP server behind an emulator handle. */
export class EmulatorServer {
  readonly env: Env;
  readonly #limiter = new RateLimiter();
  readonly #log: EmulatorRequest[] = [];
  #faults: PendingFault[] = [];
  #latencyMs = 0;
  #offsetMs = 0;
  #baseUrl = "";
  readonly #server: Server;

  constructor(world: World) {
    const webhooks = new Map<string, WebhookRecord>();
    this.env = {
      world,
      grants: new GrantStore(),
      webhooks,
      now: () => Date.now() + this.#offsetMs,
      baseUrl: () => this.#baseUrl,
    };
    this.#server = createServer((req, res) => {
      void this.#handle(req, res);
    });
  }

  async listen(port: number, host: string): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, host, () => {
        this.#server.off("error", reject);
        resolve();
      });
    });
    const address = this.#server.address() as AddressInfo;
    const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
    this.#baseUrl = `http://${hostPart}:${address.port}`;
    return this.#baseUrl;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.close((error) => (error ? reject(error) : resolve()));
      this.#server.closeAllConnections();
    });
  }

  configure(config: EmulatorConfig): void {
    if (config.rateLimits) this.#limiter.configure(config.rateLimits);
    if (config.faults) {
      this.#faults = config.faults.map((fault) => ({ fault, remaining: fault.count ?? 1 }));
    }
    if (config.latencyMs !== undefined) {
      if (!Number.isFinite(config.latencyMs) || config.latencyMs < 0)
        throw new RangeError("latencyMs must be >= 0");
      this.#latencyMs = config.latencyMs;
    }
  }

  advanceTime(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError("advanceTime() needs a non-negative number of milliseconds");
    this.#offsetMs += ms;
  }

  get requests(): readonly EmulatorRequest[] {
    return this.#log.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

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

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.#baseUrl);
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams)
      query[key] = SECRET_QUERY_KEYS.has(key) ? "[redacted]" : value;
    const entry: EmulatorRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query,
      auth: authKind(req.headers.authorization),
      grantType: null,
      status: 0,
      at: this.env.now(),
    };
    this.#log.push(entry);
    const ip = req.socket.remoteAddress ?? "";
    let reply: Reply | null;
    try {
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
    }
    if (reply === null) {
      req.socket.destroy();
      return;
    }
    entry.status = reply.status;
    this.#write(res, reply, url.pathname.startsWith("/api"));
  }

  #fault(path: string): Reply | null | undefined {
    const fault = this.#takeFault(path);
    if (!fault) return undefined;
    switch (fault.type) {
      case "status": {
        const status = fault.status ?? 500;
        const text: Record<number, string> = {
          500: "Internal Server Error",
          502: "Bad Gateway",
          503: "Service Unavailable",
          504: "Gateway Timeout",
        };
        return { status, json: { message: `${status}: ${text[status] ?? "Server Error"}`, code: 0 } };
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
    if (path === "/" && method === "GET") return this.#indexPage();
    const api = API_PREFIX.exec(path);
    const rest = api ? (api[2] as string) : path;
    if (rest === "/oauth2/authorize") {
      if (method !== "GET" && method !== "POST") return methodNotAllowed("GET, POST");
      return handleAuthorize(
        this.env,
        method,
        url,
        method === "POST" ? (formOf(req, body) ?? new URLSearchParams()) : null,
      );
    }
    if (!api) return { status: 404, json: { message: "404: Not Found", code: 0 } };
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
      entry.grantType = rest === "/oauth2/token" ? (form?.get("grant_type") ?? null) : null;
      const identity = `client:${form?.get("client_id") ?? req.headers.authorization ?? req.socket.remoteAddress}`;
      return this.#limited(`POST ${rest}`, identity, () =>
        rest === "/oauth2/token"
          ? handleToken(this.env, req.headers, form)
          : handleRevoke(this.env, req.headers, form),
      );
    }
    const candidates = ROUTES.map((route) => ({ route, params: matchTemplate(route.template, rest) })).filter(
      (c) => c.params !== null,
    );
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
    const params = hit.params ?? {};
    const major = hit.route.major === undefined ? "" : (params[hit.route.major] ?? "");
    return this.#limited(
      `${method} ${hit.route.template}`,
      identity,
      () => hit.route.handler({ env: this.env, req, url, params, principal, body }),
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
    const headers: Record<string, string> = { ...(api ? CORS : {}), ...reply.headers };
    let payload: string | undefined;
    if (reply.json !== undefined && reply.status !== 204) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(reply.json);
    } else if (reply.html !== undefined) {
      headers["Content-Type"] = "text/html; charset=utf-8";
      payload = reply.html;
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  #indexPage(): Reply {
    const app = this.env.world.app;
    const link = `/oauth2/authorize?client_id=${app.id}&response_type=code&scope=identify%20guilds&redirect_uri=${encodeURIComponent(app.redirectUris[0] ?? "")}`;
    return {
      status: 200,
      html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Discord emulator</title></head><body>
<h1>Discord emulator</h1><p>Application <strong>${escapeHtml(String(app.raw.name))}</strong> (${app.id}).</p>
<p>API base: <code>${escapeHtml(this.#baseUrl)}/api/v10</code></p>
<p><a href="${escapeHtml(link)}">Try the consent page</a></p></body></html>`,
    };
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
