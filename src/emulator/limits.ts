import { createHash } from "node:crypto";
import type { Reply } from "./http.js";

/** A fixed window: at most `limit` requests per `windowMs` milliseconds. */
export interface RateLimitWindow {
  /** How many requests the window allows. */
  limit: number;
  /** The window's length in milliseconds. */
  windowMs: number;
}

/**
 * Rate-limit settings. `perRoute` applies to every route bucket (per token), `global` to all requests
 * of one token together; `routes` overrides `perRoute` for single routes, keyed by
 * `"METHOD /route/template"` such as `"GET /users/@me/guilds"` or `"POST /oauth2/token"`.
 * `null` switches a limit off. Defaults ({@link DEFAULT_RATE_LIMITS}): 50 requests per second per
 * route and token, 500 per second per token overall. Keys of `routes` for the token endpoints are
 * `"POST /oauth2/token"` and `"POST /oauth2/token/revoke"` (counted per client).
 *
 * @example
 * ```ts
 * emu.configure({ rateLimits: { perRoute: { limit: 2, windowMs: 1000 }, global: null } });
 * ```
 * @see https://discord.com/developers/docs/topics/rate-limits
 */
export interface RateLimitOptions {
  /** The limit of each route bucket, per token; `null` for none. */
  perRoute?: RateLimitWindow | null;
  /** The limit of all requests of one token together; `null` for none. */
  global?: RateLimitWindow | null;
  /** Limits for single routes (keyed `"METHOD /route/template"`) that replace `perRoute`. */
  routes?: Record<string, RateLimitWindow | null>;
  /**
   * Cloudflare's invalid-request ban: once `limit` responses with status 401, 403 or 429 (429s of
   * scope `shared` excepted) went to one IP within `windowMs`, every request from it gets the HTML
   * ban page until the window ends. Off (`null`) by default; Discord's real figure is 10,000 per
   * 10 minutes.
   */
  invalidRequests?: RateLimitWindow | null;
}

/** Default limits: generous enough that ordinary tests never meet them. */
export const DEFAULT_RATE_LIMITS = {
  /** 50 requests per second for each route bucket and token. */
  perRoute: {
    /** Requests per window. */
    limit: 50,
    /** Window length in milliseconds. */
    windowMs: 1000,
  },
  /** 500 requests per second for each token across all routes. */
  global: {
    /** Requests per window. */
    limit: 500,
    /** Window length in milliseconds. */
    windowMs: 1000,
  },
} as const satisfies RateLimitOptions;

/** Where a fault applies: a substring of the request path, or a pattern tested against it. */
export type FaultMatch = string | RegExp;

/**
 * A fault to inject into the next `count` (default 1) matching requests, in order.
 * - `status`: answer with this 5xx (default 500) and a Discord-shaped JSON body.
 * - `cloudflare`: an HTML 429 "Error 1015" page from Cloudflare, without any rate-limit headers.
 * - `ratelimit`: a 429 with the given scope (`user`, `shared` or `global`) and `retryAfter` seconds.
 * - `disconnect`: drop the connection without answering.
 */
export type EmulatorFault =
  | {
      /** Answer with a server error. */
      type: "status";
      /** The 5xx status to send (default 500). */
      status?: number;
      /** How many matching requests get the fault (default 1). */
      count?: number;
      /** Which requests it applies to (default: any). */
      path?: FaultMatch;
    }
  | {
      /** Answer with Cloudflare's HTML 429 ban page. */
      type: "cloudflare";
      /** How many matching requests get the fault (default 1). */
      count?: number;
      /** Which requests it applies to (default: any). */
      path?: FaultMatch;
    }
  | {
      /** Answer with a Discord 429. */
      type: "ratelimit";
      /** The `X-RateLimit-Scope` to report. */
      scope?: "user" | "shared" | "global";
      /** Seconds the client is told to wait. */
      retryAfter?: number;
      /** How many matching requests get the fault (default 1). */
      count?: number;
      /** Which requests it applies to (default: any). */
      path?: FaultMatch;
    }
  | {
      /** Close the connection without an answer. */
      type: "disconnect";
      /** How many matching requests get the fault (default 1). */
      count?: number;
      /** Which requests it applies to (default: any). */
      path?: FaultMatch;
    };

/** Expired windows are swept once this many are stored (many tokens or IPs over a long run). */
const PRUNE_AT = 10_000;

interface Window {
  resetAt: number;
  used: number;
}

/** Per-token route buckets and global windows in Discord's style. */
export class RateLimiter {
  #options: {
    perRoute: RateLimitWindow | null;
    global: RateLimitWindow | null;
    routes: Record<string, RateLimitWindow | null>;
    invalidRequests: RateLimitWindow | null;
  } = {
    perRoute: DEFAULT_RATE_LIMITS.perRoute,
    global: DEFAULT_RATE_LIMITS.global,
    routes: {},
    invalidRequests: null,
  };
  readonly #windows = new Map<string, Window>();

  /** Merges new settings over the current ones and starts every window afresh. */
  configure(options: RateLimitOptions): void {
    this.#options = {
      perRoute: options.perRoute === undefined ? this.#options.perRoute : options.perRoute,
      global: options.global === undefined ? this.#options.global : options.global,
      routes: options.routes ?? this.#options.routes,
      invalidRequests:
        options.invalidRequests === undefined ? this.#options.invalidRequests : options.invalidRequests,
    };
    this.#windows.clear();
  }

  #take(key: string, limit: RateLimitWindow, now: number): { window: Window; ok: boolean } {
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.#windows.size >= PRUNE_AT) {
        for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
      }
      window = { resetAt: now + limit.windowMs, used: 0 };
      this.#windows.set(key, window);
    }
    if (window.used >= limit.limit) return { window, ok: false };
    window.used++;
    return { window, ok: true };
  }

  /** Whether `ip` is banned for too many invalid requests. */
  banned(ip: string, now: number): boolean {
    const limit = this.#options.invalidRequests;
    const window = this.#windows.get(`invalid:${ip}`);
    return limit !== null && window !== undefined && window.resetAt > now && window.used >= limit.limit;
  }

  /** Counts a 401/403/429 answer sent to `ip` toward the invalid-request ban. */
  recordInvalid(ip: string, now: number): void {
    const limit = this.#options.invalidRequests;
    if (limit) this.#take(`invalid:${ip}`, limit, now);
  }

  /**
   * Counts one request of `identity` on `route` (with `major`, the value of the route's major
   * parameter, limited separately under the same bucket id); returns the headers to send, or a 429.
   */
  check(
    route: string,
    identity: string,
    now: number,
    major = "",
  ): { headers: Record<string, string> } | { reply: Reply } {
    const { global } = this.#options;
    if (global) {
      const g = this.#take(`global:${identity}`, global, now);
      if (!g.ok) return { reply: rateLimited("global", (g.window.resetAt - now) / 1000, {}) };
    }
    const limit = Object.hasOwn(this.#options.routes, route)
      ? this.#options.routes[route]
      : this.#options.perRoute;
    if (!limit) return { headers: {} };
    const bucket = bucketHash(route);
    const taken = this.#take(`${bucket}:${major}:${identity}`, limit, now);
    const resetAfter = (taken.window.resetAt - now) / 1000;
    const headers = {
      "X-RateLimit-Limit": String(limit.limit),
      "X-RateLimit-Remaining": String(limit.limit - taken.window.used),
      "X-RateLimit-Reset": (taken.window.resetAt / 1000).toFixed(3),
      "X-RateLimit-Reset-After": resetAfter.toFixed(3),
      "X-RateLimit-Bucket": bucket,
    };
    if (!taken.ok) return { reply: rateLimited("user", resetAfter, headers) };
    return { headers };
  }
}

/** An opaque, stable bucket id for a route, like Discord's. */
function bucketHash(route: string): string {
  return createHash("sha256").update(route).digest("hex").slice(0, 32);
}

/** A Discord 429 reply for the given scope. */
export function rateLimited(
  scope: "user" | "shared" | "global",
  retryAfter: number,
  bucketHeaders: Record<string, string>,
): Reply {
  const retry = Math.max(0.001, Math.round(retryAfter * 1000) / 1000);
  const headers: Record<string, string> = {
    ...bucketHeaders,
    "Retry-After": String(Math.max(1, Math.ceil(retry))),
    "X-RateLimit-Scope": scope,
  };
  if (scope === "global") headers["X-RateLimit-Global"] = "true";
  const message = scope === "shared" ? "The resource is being rate limited." : "You are being rate limited.";
  return { status: 429, headers, json: { message, retry_after: retry, global: scope === "global" } };
}

/** The HTML page Cloudflare serves when it bans an IP (error 1015). */
export function cloudflareBanReply(): Reply {
  const html = `<!DOCTYPE html>
<html lang="en-US"><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head>
<body><div id="cf-wrapper"><div id="cf-error-details"><h1>Error 1015</h1>
<h2>You are being rate limited</h2>
<p>The owner of this website (discord.com) has banned you temporarily from accessing this website.</p>
</div></div></body></html>`;
  return {
    status: 429,
    html,
    headers: { Server: "cloudflare", "CF-RAY": "8f0000000000abcd-FRA" },
  };
}
