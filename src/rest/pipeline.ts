/**
 * The request pipeline shared by every client of one `RESTApp`: rate limits, the invalid-request budget,
 * timeouts, retries, and turning error responses into typed errors without leaking secrets.
 * @module
 */
import {
  BadRequestError,
  ClientHTTPResponseError,
  CloudflareBanError,
  type DiscordErrorTree,
  ForbiddenError,
  HTTPError,
  HTTPResponseError,
  type HTTPResponseErrorOptions,
  InternalServerError,
  NetworkError,
  NotFoundError,
  OAuth2Error,
  RateLimitTooLongError,
  RequestTimeoutError,
  UnauthorizedError,
} from "../errors.js";
import type { InvalidRequestBudget } from "./invalid-requests.js";
import type { RateLimiter } from "./rate-limits.js";
import type { CompiledRoute } from "./routes.js";
import { sleep } from "./sleep.js";

/** The `fetch` signature the client needs; the global `fetch` fits. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Where a request's `Authorization` header comes from. */
export interface RequestAuth {
  /** Rate-limit identity: requests with the same identity share buckets and global limits. */
  readonly identity: unknown;
  /** Resolves to the header value (or `null` for none) and the bare token, for {@link RequestAuth.invalidate}. */
  header(): Promise<{ readonly value: string | null; readonly token: string | null }>;
  /** Present when a 401 should invalidate the token and retry once (token strategies). */
  readonly invalidate?: (token: string) => void;
}

/** One request as the client methods describe it. */
export interface RequestSpec {
  readonly route: CompiledRoute;
  readonly query?: URLSearchParams;
  readonly json?: unknown;
  readonly form?: URLSearchParams;
  /** Overrides the client's authorization (the token endpoints send Basic credentials or nothing). */
  readonly auth?: RequestAuth;
  readonly signal?: AbortSignal | undefined;
  /** Values that must never reach an error: redacted from bodies and headers. */
  readonly secrets?: readonly string[];
  /** `"none"`: any 2xx is success and the body is ignored. */
  readonly expect?: "json" | "none";
}

/** Settings of a {@link RequestPipeline}. */
export interface PipelineSettings {
  readonly fetch: FetchLike;
  readonly apiUrl: string;
  readonly userAgent: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly maxRateLimitWait: number;
  readonly retryBackoffMs: number;
  readonly limiter: RateLimiter;
  readonly budget: InvalidRequestBudget;
}

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const TIMED_OUT = Symbol("timed out");
const MAX_RATE_LIMIT_RETRIES = 10;
const REDACTED = "[REDACTED]";

/** Sends requests for every client of one `RESTApp`. */
export class RequestPipeline {
  readonly #settings: PipelineSettings;

  /** @param settings - what the app was configured with. */
  constructor(settings: PipelineSettings) {
    this.#settings = settings;
  }

  /** Sends `spec` and resolves to the parsed JSON body, or `null` for 204 or `expect: "none"`. */
  async request(spec: RequestSpec, clientAuth: RequestAuth): Promise<unknown> {
    const { limiter, budget, maxRetries, apiUrl } = this.#settings;
    const auth = spec.auth ?? clientAuth;
    const { route, signal } = spec;
    const query = spec.query?.toString();
    const url = `${apiUrl}${route.path}${query ? `?${query}` : ""}`;
    let failures = 0;
    let limitedRetries = 0;
    let reauthorized = false;
    for (;;) {
      signal?.throwIfAborted();
      budget.check();
      const { value: authorization, token } = await auth.header();
      const ticket = await limiter.acquire(auth.identity, route, route.key, signal);
      let response: RawResponse;
      try {
        response = await this.#send(url, spec, authorization, token);
      } catch (error) {
        ticket.failed();
        if (error instanceof NetworkError && failures < maxRetries) {
          await this.#backoff(failures++, signal);
          continue;
        }
        throw error;
      }
      const { status, headers } = response;
      if (status === 429) {
        if (isCloudflareBlock(response)) {
          ticket.failed();
          budget.record();
          throw new CloudflareBanError({
            ...this.#errorOptions(url, response, spec, token),
            retryAfter: parseSeconds(headers.get("retry-after")),
          });
        }
        const { retryAfter, global, scope } = readRateLimited(response);
        ticket.limited(headers, retryAfter, global);
        if (scope !== "shared") budget.record();
        if (retryAfter > this.#settings.maxRateLimitWait) {
          throw new RateLimitTooLongError({
            route: route.key,
            retryAfter,
            maxRetryAfter: this.#settings.maxRateLimitWait,
            isGlobal: global,
          });
        }
        if (++limitedRetries > MAX_RATE_LIMIT_RETRIES) throw this.#error(url, response, spec, token);
        continue;
      }
      ticket.done(headers);
      if (status === 401 || status === 403) budget.record();
      if (status >= 200 && status < 300) return parseSuccess(url, response, spec);
      if (status === 401 && auth.invalidate && token !== null && !reauthorized) {
        reauthorized = true;
        auth.invalidate(token);
        continue;
      }
      if (status >= 500 && failures < maxRetries) {
        await this.#backoff(failures++, signal);
        continue;
      }
      throw this.#error(url, response, spec, token);
    }
  }

  async #send(
    url: string,
    spec: RequestSpec,
    authorization: string | null,
    token: string | null,
  ): Promise<RawResponse> {
    const { fetch, timeoutMs, userAgent } = this.#settings;
    const headers = new Headers({ "User-Agent": userAgent });
    if (authorization !== null) headers.set("Authorization", authorization);
    let body: string | undefined;
    if (spec.form !== undefined) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      body = spec.form.toString();
    } else if (spec.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(spec.json);
    }
    const controller = new AbortController();
    const outer = spec.signal;
    const onAbort = (): void => controller.abort(outer?.reason);
    outer?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    try {
      const response = await fetch(url, {
        method: spec.route.route.method,
        headers,
        body: body ?? null,
        signal: controller.signal,
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason === TIMED_OUT) {
        throw new RequestTimeoutError({ method: spec.route.route.method, url, timeoutMs });
      }
      if (outer?.aborted) throw outer.reason;
      const secrets = token === null ? (spec.secrets ?? []) : [...(spec.secrets ?? []), token];
      throw new NetworkError(
        `${spec.route.route.method} ${url} failed: ${redact(describeNetworkError(error), secrets)}`,
        {
          cause: error,
        },
      );
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    }
  }

  #backoff(attempt: number, signal?: AbortSignal): Promise<void> {
    const base = Math.min(16_000, this.#settings.retryBackoffMs * 2 ** attempt);
    return sleep(base / 2 + Math.random() * (base / 2), signal);
  }

  #errorOptions(
    url: string,
    response: RawResponse,
    spec: RequestSpec,
    token: string | null,
  ): HTTPResponseErrorOptions {
    const secrets = token === null ? (spec.secrets ?? []) : [...(spec.secrets ?? []), token];
    return {
      url,
      status: response.status,
      headers: redactHeaders(response.headers, secrets),
      rawBody: redact(response.text, secrets),
    };
  }

  #error(url: string, response: RawResponse, spec: RequestSpec, token: string | null): HTTPResponseError {
    const options = this.#errorOptions(url, response, spec, token);
    const json = parseJsonObject(options.rawBody);
    const { status } = response;
    if (spec.route.route.tokenEndpoint && json !== null && typeof json.error === "string") {
      const description = typeof json.error_description === "string" ? json.error_description : null;
      return new OAuth2Error({ ...options, error: json.error, description });
    }
    const detailed: HTTPResponseErrorOptions = {
      ...options,
      message: typeof json?.message === "string" ? json.message : "",
      code: typeof json?.code === "number" ? json.code : 0,
    };
    switch (status) {
      case 400: {
        const errors = json?.errors;
        const tree =
          typeof errors === "object" && errors !== null && !Array.isArray(errors)
            ? (errors as DiscordErrorTree)
            : null;
        return new BadRequestError({ ...detailed, errors: tree });
      }
      case 401:
        return new UnauthorizedError(detailed);
      case 403:
        return new ForbiddenError(detailed);
      case 404:
        return new NotFoundError(detailed);
      default:
        if (status >= 400 && status < 500) return new ClientHTTPResponseError(detailed);
        if (status >= 500) return new InternalServerError(detailed);
        return new HTTPResponseError(detailed);
    }
  }
}

function parseSuccess(url: string, response: RawResponse, spec: RequestSpec): unknown {
  if (response.status === 204 || spec.expect === "none") return null;
  const type = response.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new HTTPError(
      `Expected a JSON response from ${url}, got content type '${type}'`,
      "UNEXPECTED_RESPONSE",
    );
  }
  try {
    return JSON.parse(response.text);
  } catch (error) {
    throw new HTTPError(`The response from ${url} is not valid JSON`, "UNEXPECTED_RESPONSE", {
      cause: error,
    });
  }
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function parseSeconds(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** A 429 without any rate-limit header and without a JSON body comes from Cloudflare, not Discord. */
function isCloudflareBlock(response: RawResponse): boolean {
  for (const name of response.headers.keys()) if (name.startsWith("x-ratelimit-")) return false;
  return parseJsonObject(response.text) === null;
}

function readRateLimited(response: RawResponse): {
  retryAfter: number;
  global: boolean;
  scope: string | null;
} {
  const { headers } = response;
  const body = parseJsonObject(response.text);
  const scope = headers.get("x-ratelimit-scope");
  const fromBody = typeof body?.retry_after === "number" && body.retry_after >= 0 ? body.retry_after : null;
  const retryAfter =
    fromBody ??
    parseSeconds(headers.get("retry-after")) ??
    parseSeconds(headers.get("x-ratelimit-reset-after")) ??
    1;
  const global =
    body?.global === true ||
    headers.get("x-ratelimit-global")?.toLowerCase() === "true" ||
    scope === "global";
  return { retryAfter, global, scope };
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
    return typeof code === "string" ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, redact(value, secrets));
  return copy;
}
