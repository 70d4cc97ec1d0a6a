import type { IncomingMessage } from "node:http";

/** What a handler answers; the server adds rate-limit headers and writes it. */
export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

/** A Discord-shaped JSON error thrown by handlers and turned into a reply by the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, code: number, message: string, errors?: unknown) {
    super(message);
    this.status = status;
    this.body = errors === undefined ? { message, code } : { message, code, errors };
  }
}

/** An RFC 6749 error from the token endpoints. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(error: string, description: string, status = 400) {
    super(description);
    this.error = error;
    this.status = status;
  }
}

/** An error shown to the browser as an HTML page (authorize validation). */
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

/** Builds Discord's nested `errors` object (array indices as string keys, `_errors` leaves). */
export function invalidFormBody(problems: FieldError[]): ApiError {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    const list = Array.isArray(node._errors) ? node._errors : [];
    list.push({ code: problem.code, message: problem.message });
    node._errors = list;
  }
  return new ApiError(400, 50035, "Invalid Form Body", errors);
}

const MAX_BODY = 1024 * 1024;

/** Reads a request body (up to 1 MiB). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new ApiError(413, 40005, "Request entity too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON request body the way Discord does (Content-Type must be JSON). */
export function parseJsonBody(req: IncomingMessage, text: string): unknown {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
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

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Formats a Date the way Discord's API does (`2021-01-23T02:33:17.017000+00:00`). */
export function discordTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000+00:00");
}
