import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, expect } from "vitest";

/** A request the test server received. */
export interface Received {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** ms since the server started. */
  readonly at: number;
}

export type Handler = (request: Received, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  readonly url: string;
  readonly apiUrl: string;
  readonly requests: Received[];
  /** Requests received but not yet answered. */
  readonly open: () => number;
  close(): Promise<void>;
}

/** Starts a real HTTP server on 127.0.0.1 with a random port. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: Received[] = [];
  const started = performance.now();
  let open = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    open++;
    res.on("close", () => open--);
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = req.url ?? "/";
      const parsed = new URL(url, "http://127.0.0.1");
      const received: Received = {
        method: req.method ?? "",
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: performance.now() - started,
      };
      requests.push(received);
      Promise.resolve(handler(received, res)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const handle: TestServer = {
    url,
    apiUrl: `${url}/api/v10`,
    requests,
    open: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        live.delete(handle);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  live.add(handle);
  return handle;
}

/** Servers started and not yet closed. */
const live = new Set<TestServer>();

/**
 * Installs a suite's hooks: every server still open is closed after each test, and once the suite is done
 * `scan` must have recorded at least `minErrors` errors, none of which shows a secret.
 */
export function guardSuite(scan: SecretScan, minErrors: number): void {
  afterEach(() => Promise.all([...live].map((server) => server.close())));
  afterAll(() => {
    expect(scan.errorCount).toBeGreaterThanOrEqual(minErrors);
    expect(scan.leaks()).toEqual([]);
  });
}

/** Sends a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Sends an empty 204. */
export function sendEmpty(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(204, headers);
  res.end();
}

/** Rate-limit headers for a bucket. */
export function rateLimitHeaders(
  bucket: string,
  limit: number,
  remaining: number,
  resetAfter: number,
): Record<string, string> {
  return {
    "x-ratelimit-bucket": bucket,
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset-after": String(resetAfter),
    "x-ratelimit-reset": String(Date.now() / 1000 + resetAfter),
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Collects the secrets a suite uses and every error it provokes, so the suite can assert at the end that
 * no error shows a secret anywhere: message, properties, `String()`, `inspect`, JSON, or its causes.
 */
export class SecretScan {
  readonly #secrets = new Set<string>();
  readonly #errors: unknown[] = [];

  /** Registers a secret and returns it. */
  secret(value: string): string {
    this.#secrets.add(value);
    return value;
  }

  /** Awaits `promise`, which must reject; records and returns the error. */
  async error(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      this.#errors.push(error);
      return error;
    }
    throw new Error("expected the call to fail");
  }

  /** Records an error thrown synchronously. */
  record(error: unknown): void {
    this.#errors.push(error);
  }

  get errorCount(): number {
    return this.#errors.length;
  }

  /** Every (secret, rendering) pair where a secret showed up. */
  leaks(): string[] {
    const found: string[] = [];
    for (const error of this.#errors) {
      const text = renderings(error).join("\n");
      for (const secret of this.#secrets)
        if (text.includes(secret)) found.push(`${secret} in ${String(error)}`);
    }
    return found;
  }
}

function renderings(error: unknown, depth = 0): string[] {
  if (depth > 3) return [];
  const out = [String(error), inspect(error, { depth: 8, showHidden: true, getters: true })];
  if (typeof error === "object" && error !== null) {
    for (const key of Reflect.ownKeys(error)) {
      const value = (error as Record<PropertyKey, unknown>)[key];
      if (value instanceof Headers) out.push(JSON.stringify([...value.entries()]));
      else if (typeof value === "string") out.push(value);
      else {
        try {
          out.push(JSON.stringify(value) ?? "");
        } catch {
          out.push(inspect(value, { depth: 8 }));
        }
      }
    }
    const { cause } = error as { cause?: unknown };
    if (cause !== undefined) out.push(...renderings(cause, depth + 1));
    for (const name of ["message", "rawBody", "url", "discordMessage", "error", "description"]) {
      const value = (error as Record<string, unknown>)[name];
      if (typeof value === "string") out.push(value);
    }
  }
  return out;
}
