/**
 * Every error class that discord-appkit throws.
 *
 * The tree follows hikari's: {@link HTTPError} → {@link HTTPResponseError} →
 * {@link ClientHTTPResponseError} → the 4xx classes. Each error carries a machine-readable
 * `kind` string (for example `"DESERIALIZATION"`), so callers can branch without `instanceof`. No error ever holds a token, a client secret, an authorization code or a
 * refresh token: in its message, in its properties, or in its `toString()`.
 *
 * @module
 */

/** Base class of every error raised by discord-appkit (caller mistakes aside, which are `TypeError`/`RangeError`). */
export class DiscordAppkitError extends Error {
  /** A stable, machine-readable name for the kind of failure. */
  readonly kind: string;

  /** @param message - what went wrong, in one line. @param kind - see {@link DiscordAppkitError.kind}. */
  constructor(message: string, kind: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
  }

  /** The name of the concrete error class, such as `"NotFoundError"`, so logs and stack traces show it. */
  override get name(): string {
    return this.constructor.name;
  }
}

/** Options that describe where a payload stopped matching what we expected. */
export interface DeserializationErrorOptions {
  /** JSONPath-like location of the offending value, such as `$.team.members[2].user.id`. */
  readonly path: string;
  /** What the deserializer needed there, such as `"string"` or `"snowflake"`. */
  readonly expected: string;
  /** A description of what it got (a type such as `"number"` or `"missing"`), never the value itself. */
  readonly received: string;
}

/**
 * A payload did not have the shape Discord documents. Thrown by every `deserialize*` function,
 * and the only error they ever throw.
 */
export class DeserializationError extends DiscordAppkitError {
  /** Location of the offending value, such as `$.team.members[2].user.id`. */
  readonly path: string;
  /** What was expected at {@link DeserializationError.path}. */
  readonly expected: string;
  /** What was found there, described by type (`"number"`, `"null"`, `"missing"`, ...), never by value. */
  readonly received: string;

  /** @param options - where and how the payload failed to match. */
  constructor(options: DeserializationErrorOptions) {
    super(
      `Invalid payload at ${options.path}: expected ${options.expected}, received ${options.received}`,
      "DESERIALIZATION",
    );
    this.path = options.path;
    this.expected = options.expected;
    this.received = options.received;
  }
}

/** Base of every failure that happened while talking HTTP to Discord. */
export class HTTPError extends DiscordAppkitError {}

/** The request never got a response: DNS, connection reset, TLS and the like. */
export class NetworkError extends HTTPError {
  /** @param message - a description without secrets. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, "NETWORK", options);
  }
}

/** The request took longer than the configured timeout and was aborted. */
export class RequestTimeoutError extends HTTPError {
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;
  /** @param options - the request's method, URL (without query secrets) and timeout. */
  constructor(options: { method: string; url: string; timeoutMs: number }) {
    super(`${options.method} ${options.url} timed out after ${options.timeoutMs} ms`, "REQUEST_TIMEOUT");
    this.timeoutMs = options.timeoutMs;
  }
}

/** Everything an HTTP error response is built from. */
export interface HTTPResponseErrorOptions {
  /** The URL that was requested. */
  readonly url: string;
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The response body as text (at most what was read). */
  readonly rawBody: string;
  /** Discord's `message`, or `""`. */
  readonly message?: string;
  /** Discord's JSON error `code`, or `0`. */
  readonly code?: number;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Human name of an HTTP status, as hikari prints it (`"Not Found"`, or `"Unknown Status"`). */
export function httpStatusText(status: number): string {
  return STATUS_TEXT[status] ?? "Unknown Status";
}

function describeResponseError(options: HTTPResponseErrorOptions): string {
  const code = options.code ?? 0;
  const text = options.message || options.rawBody;
  const shown = text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return `${httpStatusText(options.status)} ${options.status}: ${code ? `(${code}) ` : ""}'${shown}' for ${options.url}`;
}

/** Discord answered with an error status. */
export class HTTPResponseError extends HTTPError {
  /** The URL that was requested. */
  readonly url: string;
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The response body as text. */
  readonly rawBody: string;
  /** Discord's JSON error `code` (`0` when absent). */
  readonly code: number;
  /** Discord's `message` (`""` when absent). */
  readonly discordMessage: string;

  /** @param options - the response that failed. */
  constructor(options: HTTPResponseErrorOptions, kind = "HTTP_RESPONSE") {
    super(describeResponseError(options), kind);
    this.url = options.url;
    this.status = options.status;
    this.headers = options.headers;
    this.rawBody = options.rawBody;
    this.code = options.code ?? 0;
    this.discordMessage = options.message ?? "";
  }
}

/** A 4xx response. */
export class ClientHTTPResponseError extends HTTPResponseError {}

/** The nested `errors` tree Discord attaches to a 400 response. */
export type DiscordErrorTree = { readonly [key: string]: unknown };

function formatErrorTree(errors: DiscordErrorTree): string {
  const lines: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== "object") throw new TypeError("not an error tree");
    for (const [key, value] of Object.entries(node)) {
      if (key === "_errors") {
        if (!Array.isArray(value)) throw new TypeError("not an error list");
        lines.push(`${path || "(request)"}:`);
        for (const entry of value) {
          const message = (entry as { message?: unknown } | null)?.message;
          if (typeof message !== "string") throw new TypeError("not an error entry");
          lines.push(` - ${message}`);
        }
        lines.push("");
      } else {
        walk(value, path ? `${path}.${key}` : key);
      }
    }
  };
  try {
    walk(errors, "");
    return lines.join("\n").trim();
  } catch {
    return JSON.stringify(errors, null, 2);
  }
}

/** A 400 response; {@link BadRequestError.errors} holds Discord's per-field error tree, if any. */
export class BadRequestError extends ClientHTTPResponseError {
  /** Discord's nested `errors` object, or `null`. */
  readonly errors: DiscordErrorTree | null;

  /** @param options - the response, plus Discord's `errors` tree. */
  constructor(options: HTTPResponseErrorOptions & { errors?: DiscordErrorTree | null }) {
    super(options, "BAD_REQUEST");
    this.errors = options.errors ?? null;
    if (this.errors) this.message = `${this.message}\n\n${formatErrorTree(this.errors)}`;
  }
}

/** A 401 response: the token is missing, invalid, expired or revoked. */
export class UnauthorizedError extends ClientHTTPResponseError {
  /** @param options - the response. */
  constructor(options: HTTPResponseErrorOptions) {
    super(options, "UNAUTHORIZED");
  }
}

/** A 403 response: the token lacks a scope or a permission. */
export class ForbiddenError extends ClientHTTPResponseError {
  /** @param options - the response. */
  constructor(options: HTTPResponseErrorOptions) {
    super(options, "FORBIDDEN");
  }
}

/** A 404 response. */
export class NotFoundError extends ClientHTTPResponseError {
  /** @param options - the response. */
  constructor(options: HTTPResponseErrorOptions) {
    super(options, "NOT_FOUND");
  }
}

/** A 5xx response that was still failing after every retry. */
export class InternalServerError extends HTTPResponseError {
  /** @param options - the last response. */
  constructor(options: HTTPResponseErrorOptions) {
    super(options, "INTERNAL_SERVER_ERROR");
  }
}

/**
 * The token endpoint answered with an RFC 6749 error body (`{"error": "invalid_grant", ...}`).
 * @see https://datatracker.ietf.org/doc/html/rfc6749#section-5.2
 */
export class OAuth2Error extends ClientHTTPResponseError {
  /** The RFC 6749 error code, such as `invalid_grant` or `invalid_client`. */
  readonly error: string;
  /** Discord's `error_description`, or `null`. */
  readonly description: string | null;

  /** @param options - the response and its parsed OAuth2 error. */
  constructor(options: HTTPResponseErrorOptions & { error: string; description?: string | null }) {
    super(
      {
        ...options,
        message: options.description ? `${options.error}: ${options.description}` : options.error,
      },
      "OAUTH2",
    );
    this.error = options.error;
    this.description = options.description ?? null;
  }
}

/**
 * Cloudflare answered with its HTML block page (error 1015 or a 429 without rate-limit headers):
 * this IP is temporarily banned, usually after too many invalid requests.
 */
export class CloudflareBanError extends HTTPResponseError {
  /** Seconds Cloudflare asked us to wait, when it said (`Retry-After`), else `null`. */
  readonly retryAfter: number | null;
  /** @param options - the response and its `Retry-After`, if any. */
  constructor(options: HTTPResponseErrorOptions & { retryAfter?: number | null }) {
    super(options, "CLOUDFLARE_BAN");
    this.retryAfter = options.retryAfter ?? null;
  }
}

/** A rate limit would make us wait longer than the client's maximum rate-limit wait. */
export class RateLimitTooLongError extends HTTPError {
  /** The route (method and path template) that was limited. */
  readonly route: string;
  /** How long we would have had to wait, in seconds. */
  readonly retryAfter: number;
  /** The longest wait the client accepts, in seconds. */
  readonly maxRetryAfter: number;
  /** Whether the limit was Discord's global one. */
  readonly isGlobal: boolean;

  /** @param options - the route and the waits involved. */
  constructor(options: { route: string; retryAfter: number; maxRetryAfter: number; isGlobal?: boolean }) {
    super(
      `The request to ${options.route} is rate limited for ${options.retryAfter} s, longer than the maximum wait of ${options.maxRetryAfter} s`,
      "RATE_LIMIT_TOO_LONG",
    );
    this.route = options.route;
    this.retryAfter = options.retryAfter;
    this.maxRetryAfter = options.maxRetryAfter;
    this.isGlobal = options.isGlobal ?? false;
  }
}

/**
 * The client refused to send a request because too many 401, 403 and 429 responses came back in the
 * sliding window: sending more could get this host's IP banned by Cloudflare.
 */
export class InvalidRequestBudgetError extends HTTPError {
  /** Counted invalid responses in the current window. */
  readonly count: number;
  /** The configured limit. */
  readonly limit: number;
  /** Seconds until the window lets a request through again. */
  readonly retryAfter: number;

  /** @param options - the window's state. */
  constructor(options: { count: number; limit: number; retryAfter: number }) {
    super(
      `Refusing to send: ${options.count} invalid responses (401/403/429) in the last 10 minutes reached the limit of ${options.limit}; retry in ${options.retryAfter} s`,
      "INVALID_REQUEST_BUDGET",
    );
    this.count = options.count;
    this.limit = options.limit;
    this.retryAfter = options.retryAfter;
  }
}

/** A stored grant can no longer be refreshed (`invalid_grant`): the user has to authorize again. */
export class ReauthorizationRequiredError extends DiscordAppkitError {
  /** The token-store key of the grant that died. */
  readonly key: string;
  /** @param options - the grant's key, and the OAuth2 error that ended it. */
  constructor(options: { key: string; cause?: unknown }) {
    super(
      `The grant stored under "${options.key}" is no longer valid; the user must authorize again`,
      "REAUTHORIZATION_REQUIRED",
      {
        cause: options.cause,
      },
    );
    this.key = options.key;
  }
}

/** The `state` in an OAuth2 redirect was missing or did not match the one we issued. */
export class OAuth2StateMismatchError extends DiscordAppkitError {
  /** @param message - which way it failed (missing or different), never the values. */
  constructor(message = "The OAuth2 state in the redirect does not match the expected state") {
    super(message, "OAUTH2_STATE_MISMATCH");
  }
}

/**
 * The OAuth2 redirect carried an `error` instead of a code or token, for example
 * `access_denied` when the user pressed Cancel.
 */
export class OAuth2AuthorizationError extends DiscordAppkitError {
  /** The RFC 6749 error code (`access_denied`, `invalid_scope`, ...). */
  readonly error: string;
  /** The `error_description` parameter, or `null`. */
  readonly description: string | null;

  /** @param options - the redirect's `error` and `error_description`. */
  constructor(options: { error: string; description?: string | null }) {
    super(
      options.description
        ? `Authorization failed: ${options.error} (${options.description})`
        : `Authorization failed: ${options.error}`,
      "OAUTH2_AUTHORIZATION",
    );
    this.error = options.error;
    this.description = options.description ?? null;
  }
}
