/**
 * Discord's per-route rate limits, tracked per token.
 *
 * Each token (the `Authorization` value, or any other identity key) gets its own state: a global block,
 * the bucket hash learnt for each route, and one bucket per (hash, major parameter). While a route's hash
 * is unknown, a provisional one-slot bucket lets a single request through and holds the others until the
 * response names the real bucket. Nothing here schedules a timer except while a request is waiting, and
 * idle state is dropped by {@link RateLimiter.prune}, which runs lazily.
 *
 * @see https://discord.com/developers/docs/topics/rate-limits
 * @module
 */
import { RateLimitTooLongError } from "../errors.js";
import type { FetchResponseHeaders } from "./pipeline.js";

/** Identifies one request's route for rate limiting. */
export interface RateLimitRoute {
  /** `"<METHOD> <template>"`: requests with the same key share a bucket hash. */
  readonly key: string;
  /** The value of the route's major parameter (`guild_id` and the like), or `""`. */
  readonly major: string;
}

/** The rate-limit facts of one response. */
export interface RateLimitHeaders {
  /** `X-RateLimit-Bucket`: the opaque bucket hash routes share. */
  readonly bucket: string | null;
  /** `X-RateLimit-Limit`: requests the bucket allows per window. */
  readonly limit: number | null;
  /** `X-RateLimit-Remaining`: requests left in the current window. */
  readonly remaining: number | null;
  /** Seconds until the bucket resets. */
  readonly resetAfter: number | null;
}

/** Reads the `X-RateLimit-*` headers of a response. */
function readRateLimitHeaders(headers: FetchResponseHeaders): RateLimitHeaders {
  return {
    bucket: headers.get("x-ratelimit-bucket"),
    limit: toNumber(headers.get("x-ratelimit-limit")),
    remaining: toNumber(headers.get("x-ratelimit-remaining")),
    resetAfter: toNumber(headers.get("x-ratelimit-reset-after")),
  };
}

function toNumber(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

type Waiter = () => void;

class Bucket {
  limit: number;
  remaining: number;
  /** When the current window ends (ms since epoch), or 0 while no response has told us. */
  resetAt = 0;
  inFlight = 0;
  lastUsed: number;
  readonly waiters = new Set<Waiter>();

  constructor(limit: number, now: number) {
    this.limit = limit;
    this.remaining = limit;
    this.lastUsed = now;
  }

  refill(now: number): void {
    if (this.remaining > 0) return;
    if (this.resetAt > 0 ? this.resetAt <= now : this.inFlight === 0) {
      this.remaining = this.limit;
      this.resetAt = 0;
    }
  }

  learn(info: RateLimitHeaders, now: number): void {
    if (info.limit !== null && info.limit > 0) this.limit = info.limit;
    if (info.remaining === null || info.resetAfter === null) return;
    const resetAt = now + info.resetAfter * 1000;
    const reported = Math.max(0, info.remaining - this.inFlight);
    if (resetAt > this.resetAt + 20) {
      this.resetAt = resetAt;
      this.remaining = reported;
    } else {
      this.remaining = Math.min(this.remaining, reported);
    }
  }

  block(untilMs: number): void {
    this.remaining = 0;
    this.resetAt = Math.max(this.resetAt, untilMs);
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  get idle(): boolean {
    return this.inFlight === 0 && this.waiters.size === 0;
  }
}

class TokenState {
  /** Requests per second this identity may send across all routes (0: no proactive limit). */
  readonly perSecond: number;
  globalUntil = 0;
  /** End of the current one-second window of the proactive global limit, and requests sent in it. */
  windowEnd = 0;
  windowCount = 0;
  active = 0;
  lastUsed: number;
  /** Route key → bucket hash; `null` when the route sent no rate-limit headers. */
  readonly routes = new Map<string, string | null>();
  /** `"<hash>:<major>"`, or `"?<route key>:<major>"` for provisional buckets. */
  readonly buckets = new Map<string, Bucket>();

  constructor(now: number, perSecond: number) {
    this.lastUsed = now;
    this.perSecond = perSecond;
  }
}

/** Something to wait for before a request may go: a bucket's reset, or the token's global window. */
class Wait {
  readonly bucket: Bucket | null;
  readonly ms: number;
  readonly global: boolean;

  constructor(bucket: Bucket | null, ms: number, global: boolean) {
    this.bucket = bucket;
    this.ms = ms;
    this.global = global;
  }
}

/** Options of {@link RateLimiter.acquire}. */
export interface AcquireOptions {
  /** Aborts the wait. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Requests per second this identity may send across all routes, set when its state is created
   * (default: the limiter's `globalPerSecond`).
   */
  readonly perSecond?: number | undefined;
}

const PRUNE_INTERVAL_MS = 60_000;

/** Options of a {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** The longest wait accepted, in seconds; longer waits throw {@link RateLimitTooLongError}. */
  readonly maxWait: number;
  /** Requests per second an identity may send across all routes, unless `acquire` says otherwise (default 0: none). */
  readonly globalPerSecond?: number;
  /** How long a token's state may sit unused before it is dropped, in ms (default 5 minutes). */
  readonly idleMs?: number;
  /** The clock, in ms since epoch (for tests). */
  readonly now?: () => number;
}

/** A granted send. Call exactly one of its methods when the attempt ends. */
export interface RateLimitTicket {
  /** A response arrived (any status other than 429). */
  done(headers: FetchResponseHeaders): void;
  /** A 429 arrived: block the bucket (or the token, when `global`) for `retryAfter` seconds. */
  limited(headers: FetchResponseHeaders, retryAfter: number, global: boolean): void;
  /** No response (network error, timeout, abort). */
  failed(): void;
}

/** Per-token rate-limit bookkeeping shared by every client of one `RESTApp`. */
export class RateLimiter {
  readonly #tokens = new Map<unknown, TokenState>();
  readonly #maxWait: number;
  readonly #globalPerSecond: number;
  readonly #idleMs: number;
  readonly #now: () => number;
  #lastPrune: number;

  /** @param options - see {@link RateLimiterOptions}. */
  constructor(options: RateLimiterOptions) {
    this.#maxWait = options.maxWait;
    this.#globalPerSecond = options.globalPerSecond ?? 0;
    this.#idleMs = options.idleMs ?? 300_000;
    this.#now = options.now ?? Date.now;
    this.#lastPrune = this.#now();
  }

  /** Number of identities that currently have state (for memory checks). */
  get size(): number {
    return this.#tokens.size;
  }

  /**
   * Reserves a slot for `route` under `identity`, at once when the bucket and the global window allow it
   * (the common case, which returns the ticket synchronously), otherwise after waiting.
   * @throws RateLimitTooLongError when the wait would exceed the maximum.
   */
  acquire(
    identity: unknown,
    route: RateLimitRoute,
    options: AcquireOptions = {},
  ): RateLimitTicket | Promise<RateLimitTicket> {
    const now = this.#now();
    if (now - this.#lastPrune > PRUNE_INTERVAL_MS) this.prune();
    let state = this.#tokens.get(identity);
    if (state === undefined) {
      state = new TokenState(now, options.perSecond ?? this.#globalPerSecond);
      this.#tokens.set(identity, state);
    }
    state.active++;
    const reserved = this.#tryReserve(state, route, now);
    if (!(reserved instanceof Wait)) return this.#ticket(state, route, reserved);
    return this.#waitThenReserve(state, route, reserved, options.signal);
  }

  async #waitThenReserve(
    state: TokenState,
    route: RateLimitRoute,
    first: Wait,
    signal: AbortSignal | undefined,
  ): Promise<RateLimitTicket> {
    try {
      let wait = first;
      for (;;) {
        await this.#wait(wait, route.key, signal);
        const reserved = this.#tryReserve(state, route, this.#now());
        if (!(reserved instanceof Wait)) return this.#ticket(state, route, reserved);
        wait = reserved;
      }
    } catch (error) {
      state.active--;
      state.lastUsed = this.#now();
      throw error;
    }
  }

  /** Takes a slot (returning its bucket, or `null` for a route without limits) or says what to wait for. */
  #tryReserve(state: TokenState, route: RateLimitRoute, now: number): Bucket | null | Wait {
    if (state.globalUntil > now) return new Wait(null, state.globalUntil - now, true);
    if (state.perSecond > 0) {
      if (now >= state.windowEnd) {
        state.windowEnd = now + 1000;
        state.windowCount = 0;
      }
      if (state.windowCount >= state.perSecond) return new Wait(null, state.windowEnd - now, true);
    }
    const bucket = this.#bucketFor(state, route, now);
    if (bucket !== null) {
      bucket.lastUsed = now;
      bucket.refill(now);
      if (bucket.remaining <= 0) {
        return new Wait(bucket, bucket.resetAt > 0 ? bucket.resetAt - now : Number.POSITIVE_INFINITY, false);
      }
      bucket.remaining--;
      bucket.inFlight++;
    }
    state.windowCount++;
    return bucket;
  }

  #bucketFor(state: TokenState, route: RateLimitRoute, now: number): Bucket | null {
    const hash = state.routes.get(route.key);
    if (hash === null) return null;
    const id = hash === undefined ? `?${route.key}:${route.major}` : `${hash}:${route.major}`;
    let bucket = state.buckets.get(id);
    if (bucket === undefined) {
      bucket = new Bucket(hash === undefined ? 1 : this.#knownLimit(state, hash), now);
      state.buckets.set(id, bucket);
    }
    return bucket;
  }

  #knownLimit(state: TokenState, hash: string): number {
    const prefix = `${hash}:`;
    for (const [id, bucket] of state.buckets) if (id.startsWith(prefix)) return bucket.limit;
    return 1;
  }

  /** Resolves when `wait` is over (or its bucket changed), rejects on abort or when it is too long. */
  #wait({ bucket, ms, global }: Wait, label: string, signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    if (Number.isFinite(ms) && ms > this.#maxWait * 1000) {
      return Promise.reject(
        new RateLimitTooLongError({
          route: label,
          retryAfter: Math.ceil(ms) / 1000,
          maxRetryAfter: this.#maxWait,
          isGlobal: global,
        }),
      );
    }
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const cleanup = (): void => {
        bucket?.waiters.delete(wake);
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      const wake = (): void => {
        cleanup();
        resolve();
      };
      const onAbort = (): void => {
        cleanup();
        reject(signal?.reason);
      };
      bucket?.waiters.add(wake);
      if (Number.isFinite(ms)) timer = setTimeout(wake, Math.max(0, ms));
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  #ticket(state: TokenState, route: RateLimitRoute, bucket: Bucket | null): RateLimitTicket {
    let settled = false;
    const finish = (apply: (now: number) => void): void => {
      if (settled) return;
      settled = true;
      const now = this.#now();
      state.active--;
      state.lastUsed = now;
      if (bucket !== null) bucket.inFlight--;
      apply(now);
      bucket?.notify();
    };
    return {
      done: (headers) =>
        finish((now) => {
          const info = readRateLimitHeaders(headers);
          const target = this.#learnRoute(state, route, bucket, info, now);
          target?.learn(info, now);
          if (target !== bucket) target?.notify();
        }),
      limited: (headers, retryAfter, global) =>
        finish((now) => {
          const until = now + retryAfter * 1000;
          if (global) {
            state.globalUntil = Math.max(state.globalUntil, until);
            return;
          }
          const info = readRateLimitHeaders(headers);
          let target = info.bucket === null ? bucket : this.#learnRoute(state, route, bucket, info, now);
          if (target === null) {
            state.routes.delete(route.key);
            target = this.#bucketFor(state, route, now);
          }
          target?.learn(info, now);
          target?.block(until);
          if (target !== bucket) target?.notify();
        }),
      failed: () => finish(() => undefined),
    };
  }

  /** Records the bucket hash a response named; returns the bucket that now tracks the route. */
  #learnRoute(
    state: TokenState,
    route: RateLimitRoute,
    bucket: Bucket | null,
    info: RateLimitHeaders,
    now: number,
  ): Bucket | null {
    const known = state.routes.get(route.key);
    if (info.bucket === null) {
      if (known === undefined && info.remaining === null) {
        state.routes.set(route.key, null);
        state.buckets.delete(`?${route.key}:${route.major}`);
      }
      return known === undefined ? null : bucket;
    }
    if (known === info.bucket) return bucket;
    state.routes.set(route.key, info.bucket);
    if (known === undefined) state.buckets.delete(`?${route.key}:${route.major}`);
    const id = `${info.bucket}:${route.major}`;
    let target = state.buckets.get(id);
    if (target === undefined) {
      target = new Bucket(info.limit ?? 1, now);
      target.remaining = 0;
      state.buckets.set(id, target);
    }
    return target;
  }

  /**
   * Drops the state of identities that have been idle for a while and whose windows have all ended,
   * and idle buckets of the others. Runs by itself at most once a minute during {@link RateLimiter.acquire}.
   */
  prune(): void {
    const now = this.#now();
    this.#lastPrune = now;
    const cutoff = now - this.#idleMs;
    for (const [token, state] of this.#tokens) {
      for (const [id, bucket] of state.buckets) {
        if (bucket.idle && bucket.lastUsed < cutoff && bucket.resetAt <= now) state.buckets.delete(id);
      }
      if (
        state.active === 0 &&
        state.lastUsed < cutoff &&
        state.globalUntil <= now &&
        state.buckets.size === 0
      ) {
        this.#tokens.delete(token);
      }
    }
  }
}
