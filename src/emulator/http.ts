import type { IncomingMessage } from "node:http";

/** What a handler answers; the server adds rate-limit headers and writes it. */
export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

/** A Discord-shaped JSON error (`{message, code, errors?}`) that the server turns into a reply. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, code: number, message: string, errors?: unknown) {
    super(message);
    this.status = status;
    this.body = errors === undefined ? { message, code } : { message, code, errors };
  }
}

/** An RFC 6749 error (`{error, error_description}`) from the token endpoints. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(error: string, description: string, status = 400) {
    super(description);
    this.error = error;
    this.status = status;
  }
}

/** A problem with an authorization request, shown to the browser as an HTML page, never redirected. */
export class PageError extends Error {}

/** 401 for a missing, unknown, expired or revoked token, or the wrong kind of token. */
export const unauthorized = (): ApiError => new ApiError(401, 0, "401: Unauthorized");
/** 403 Missing Access (code 50001), e.g. a bearer token without the needed scope. */
export const missingAccess = (): ApiError => new ApiError(403, 50001, "Missing Access");
/** 404 for an unknown route. */
export const notFound = (): ApiError => new ApiError(404, 0, "404: Not Found");

/** One invalid field in a 50035 "Invalid Form Body" error. */
export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

type ErrorNode = { [key: string]: ErrorNode | { code: string; message: string }[] };

/**
 * Builds Discord's nested `errors` object (array indices as string keys, `_errors` leaves). The nodes
 * have no prototype, so a key taken from the request such as `__proto__` stays an ordinary key.
 */
export function invalidFormBody(problems: readonly FieldError[]): ApiError {
  const errors: ErrorNode = Object.create(null);
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) {
      const next = node[String(key)];
      if (next === undefined || Array.isArray(next)) {
        const child: ErrorNode = Object.create(null);
        node[String(key)] = child;
        node = child;
      } else node = next;
    }
    const list = node._errors;
    const entry = { code: problem.code, message: problem.message };
    if (Array.isArray(list)) list.push(entry);
    else node._errors = [entry];
  }
  return new ApiError(400, 50035, "Invalid Form Body", errors);
}

/** Largest request body the emulator reads (1 MiB); larger ones get 413 with code 40005. */
const MAX_BODY_BYTES = 1024 * 1024;

/** 413 Request entity too large (Discord's code 40005). */
const tooLarge = (): ApiError => new ApiError(413, 40005, "Request entity too large");

/** Reads a request body as UTF-8, refusing (before reading, when `Content-Length` says so) anything over {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request's media type, lower-cased and without parameters (`""` when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Parses a JSON request body as Discord does: the Content-Type must be JSON, the text valid JSON. */
export function parseJsonBody(req: IncomingMessage, text: string): unknown {
  if (mediaType(req) !== "application/json") {
    throw new ApiError(400, 50035, "Invalid Form Body", {
      _errors: [
        {
          code: "CONTENT_TYPE_INVALID",
          message: "Expected \"Content-Type\" header to be one of {'application/json'}.",
        },
      ],
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 50109, "The request body contains invalid JSON.");
  }
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Formats epoch milliseconds the way Discord's API writes timestamps (`2021-01-23T02:33:17.017000+00:00`). */
export function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000+00:00");
}
