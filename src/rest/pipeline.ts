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
import { formEncode } from "./token-endpoint.js";

/** The response headers the client reads: the global `Headers` fits, and so does a light reader. */
export interface FetchResponseHeaders {
  /** The value of header `name` (case-insensitive), repeated values joined with `", "`, or `null`. */
  get(name: string): string | null;
  /** Calls `callback` once per header, with lower-case names. */
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * What the client needs from a response: the global `Response` fits, and so does a plain object from a
 * lighter transport such as `createNodeFetch()` from `discord-appkit/node`.
 */
export interface FetchResponseLike {
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers. */
  readonly headers: FetchResponseHeaders;
  /** Reads the whole body as UTF-8 text. Called once per response. */
  text(): Promise<string>;
}

/**
 * The `fetch` signature the client needs; the global `fetch` fits. `init` always carries `method`, a
 * plain-object `headers`, a string or `null` `body`, and a `signal` that aborts the request.
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<FetchResponseLike>;

/** The `Authorization` header value of one attempt, and the bare token in it. */
export interface AuthHeader {
  /** The whole header value, or `null` to send none. */
  readonly value: string | null;
  /** The secret inside {@link AuthHeader.value}, kept out of errors and handed to `invalidate` after a 401. */
  readonly token: string | null;
}

/** Where a request's `Authorization` header comes from. */
export interface RequestAuth {
  /** Rate-limit identity: requests with the same identity share buckets and global limits. */
  readonly identity: unknown;
  /** The identity's proactive global limit, in requests per second (default: the limiter's). */
  readonly globalPerSecond?: number | undefined;
  /** The header for the next attempt; fixed tokens answer synchronously. */
  header(): AuthHeader | Promise<AuthHeader>;
  /** Present when a 401 should invalidate the token and retry once (token strategies). */
  readonly invalidate?: (token: string) => void;
}

/** One request as the client methods describe it. */
export interface RequestSpec {
  /** The route, with its placeholders filled in. */
  readonly route: CompiledRoute;
  /** The query string, if any. */
  readonly query?: URLSearchParams | undefined;
  /** A JSON body. */
  readonly json?: unknown;
  /** A form body (the token endpoints). */
  readonly form?: URLSearchParams | undefined;
  /** Overrides the client's authorization (the token endpoints send Basic credentials or nothing). */
  readonly auth?: RequestAuth | undefined;
  /** Aborts the request, including rate-limit waits and retry backoffs. */
  readonly signal?: AbortSignal | undefined;
  /** Values that must never reach an error: redacted from bodies and headers. */
  readonly secrets?: readonly string[] | undefined;
  /** `"none"`: any 2xx is success and the body is ignored. */
  readonly expect?: "json" | "none" | undefined;
}

/** Settings of a {@link RequestPipeline}. */
export interface PipelineSettings {
  /** Sends one HTTP request. */
  readonly fetch: FetchLike;
  /** Base URL, without a trailing slash. */
  readonly apiUrl: string;
  /** The `User-Agent` header. */
  readonly userAgent: string;
  /** Retries after 5xx responses and network errors. */
  readonly maxRetries: number;
  /** Timeout of one attempt, in ms. */
  readonly timeoutMs: number;
  /** The longest accepted rate-limit wait, in seconds. */
  readonly maxRateLimitWait: number;
  /** First retry delay, in ms. */
  readonly retryBackoffMs: number;
  /** The app's rate-limit state. */
  readonly limiter: RateLimiter;
  /** The app's invalid-request window. */
  readonly budget: InvalidRequestBudget;
}

interface RawResponse {
  readonly status: number;
  readonly headers: FetchResponseHeaders;
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
    const { limiter, budget, maxRetries, maxRateLimitWait, apiUrl } = this.#settings;
    const auth = spec.auth ?? clientAuth;
    const { route, signal } = spec;
    const query = spec.query?.toString();
    const url = `${apiUrl}${route.path}${query ? `?${query}` : ""}`;
    const acquireOptions = { signal, perSecond: auth.globalPerSecond };
    const body = encodeBody(spec);
    let failures = 0;
    let limitedRetries = 0;
    let reauthorized = false;
    for (;;) {
      signal?.throwIfAborted();
      budget.check();
      const { value: authorization, token } = await auth.header();
      const ticket = await limiter.acquire(auth.identity, route, acquireOptions);
      let response: RawResponse;
      try {
        response = await this.#send(url, spec, body, authorization, token);
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
            ...errorOptions(url, response, secretsOf(spec, token)),
            retryAfter: parseSeconds(headers.get("retry-after")),
          });
        }
        const { retryAfter, global, scope } = readRateLimited(response);
        ticket.limited(headers, retryAfter, global);
        if (scope !== "shared") budget.record();
        if (retryAfter > maxRateLimitWait) {
          throw new RateLimitTooLongError({
            route: route.key,
            retryAfter,
            maxRetryAfter: maxRateLimitWait,
            isGlobal: global,
          });
        }
        if (++limitedRetries > MAX_RATE_LIMIT_RETRIES) throw responseError(url, response, spec, token);
        continue;
      }
      ticket.done(headers);
      if (status >= 200 && status < 300) return parseSuccess(url, response, spec);
      if (status === 401 || status === 403) budget.record();
      if (status === 401 && auth.invalidate && token !== null && !reauthorized) {
        reauthorized = true;
        auth.invalidate(token);
        continue;
      }
      if (status >= 500 && failures < maxRetries) {
        await this.#backoff(failures++, signal, parseSeconds(headers.get("retry-after")));
        continue;
      }
      throw responseError(url, response, spec, token);
    }
  }

  async #send(
    url: string,
    spec: RequestSpec,
    body: EncodedBody | null,
    authorization: string | null,
    token: string | null,
  ): Promise<RawResponse> {
    const { fetch, timeoutMs, userAgent } = this.#settings;
    const method = spec.route.route.method;
    const headers: Record<string, string> = { "User-Agent": userAgent };
    if (authorization !== null) headers.Authorization = authorization;
    if (body !== null) headers["Content-Type"] = body.contentType;
    const outer = spec.signal;
    outer?.throwIfAborted();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(outer?.reason);
    outer?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    try {
      const response = await fetch(url, {
        method,
        headers,
        body: body?.text ?? null,
        signal: controller.signal,
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (controller.signal.reason === TIMED_OUT) throw new RequestTimeoutError({ method, url, timeoutMs });
      if (outer?.aborted) throw outer.reason;
      const secrets = secretsOf(spec, token);
      throw new NetworkError(`${method} ${url} failed: ${redact(describeNetworkError(error), secrets)}`, {
        cause: scrub(error, secrets),
      });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    }
  }

  /**
   * Waits before retry `attempt`: exponential backoff with jitter, or the server's `Retry-After` when it
   * asks for longer (and no longer than the maximum rate-limit wait).
   */
  #backoff(
    attempt: number,
    signal: AbortSignal | undefined,
    retryAfter: number | null = null,
  ): Promise<void> {
    const { retryBackoffMs, maxRateLimitWait } = this.#settings;
    const base = Math.min(16_000, retryBackoffMs * 2 ** attempt);
    const jittered = base / 2 + Math.random() * (base / 2);
    const asked = retryAfter === null ? 0 : Math.min(retryAfter, maxRateLimitWait) * 1000;
    return sleep(Math.max(jittered, asked), signal);
  }
}

/** A request body, encoded once for every attempt. */
interface EncodedBody {
  readonly contentType: string;
  readonly text: string;
}

function encodeBody(spec: RequestSpec): EncodedBody | null {
  if (spec.form !== undefined)
    return { contentType: "application/x-www-form-urlencoded", text: spec.form.toString() };
  if (spec.json !== undefined) return { contentType: "application/json", text: JSON.stringify(spec.json) };
  return null;
}

/** What a request must keep out of its errors: the spec's secrets and the attempt's token. */
function secretsOf(spec: RequestSpec, token: string | null): readonly string[] {
  const secrets = spec.secrets ?? [];
  return token === null ? secrets : [...secrets, token];
}

function errorOptions(
  url: string,
  response: RawResponse,
  secrets: readonly string[],
): HTTPResponseErrorOptions {
  return {
    url,
    status: response.status,
    headers: redactHeaders(response.headers, secrets),
    rawBody: redact(response.text, secrets),
  };
}

/** The typed error for an error response, with every secret redacted. */
function responseError(
  url: string,
  response: RawResponse,
  spec: RequestSpec,
  token: string | null,
): HTTPResponseError {
  const options = errorOptions(url, response, secretsOf(spec, token));
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
    case 400:
      return new BadRequestError({ ...detailed, errors: asErrorTree(json?.errors) });
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asErrorTree(value: unknown): DiscordErrorTree | null {
  return isPlainObject(value) ? value : null;
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
    return isPlainObject(value) ? value : null;
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
  let rateLimited = false;
  response.headers.forEach((_, name) => {
    if (name.toLowerCase().startsWith("x-ratelimit-")) rateLimited = true;
  });
  return !rateLimited && parseJsonObject(response.text) === null;
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

function errorCode(error: unknown): string | null {
  return isPlainObject(error) && typeof error.code === "string" ? error.code : null;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCode(error.cause);
  return code === null ? error.message : `${error.message} (${code})`;
}

/** Whether a secret shows anywhere in `value`: its strings, an error's message, stack, fields and causes. */
function mentions(value: unknown, secrets: readonly string[], depth = 0): boolean {
  if (typeof value === "string") return redact(value, secrets) !== value;
  if (typeof value !== "object" || value === null || depth > 4) return false;
  if (value instanceof Error) {
    if (mentions(value.message, secrets) || mentions(value.stack, secrets)) return true;
    if (mentions(value.cause, secrets, depth + 1)) return true;
  }
  return Object.values(value).some((item) => mentions(item, secrets, depth + 1));
}

/**
 * `error` itself when no secret shows in it, else a stand-in that keeps its name, message and `code`
 * (secrets redacted) and a scrubbed cause: a custom `fetch` may put request headers in its errors.
 */
function scrub(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!mentions(error, secrets)) return error;
  if (!(error instanceof Error) || depth > 4) return REDACTED;
  const cause = error.cause === undefined ? undefined : scrub(error.cause, secrets, depth + 1);
  const copy = new Error(redact(error.message, secrets), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  const code = errorCode(error);
  return code === null ? copy : Object.assign(copy, { code });
}

/** `text` with each secret replaced, as it is and as URL and form encoding write it. */
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), formEncode(secret)]))
      out = out.split(form).join(REDACTED);
  }
  return out;
}

function redactHeaders(headers: FetchResponseHeaders, secrets: readonly string[]): Headers {
  const copy = new Headers();
  headers.forEach((value, name) => {
    copy.append(name, redact(value, secrets));
  });
  return copy;
}
