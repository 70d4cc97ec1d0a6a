/**
 * The loopback redirect server of `discord-appkit login`: a one-shot HTTP server on 127.0.0.1 that
 * waits for Discord to send the browser back with `?code=...&state=...` (RFC 8252, section 7.3).
 * @module
 */
import { createServer, type Server } from "node:http";
import { escapeHtml } from "../emulator/http.js";

/** The redirect the browser arrived with. */
export interface LoopbackCallback {
  /** The full callback URL, query included. */
  readonly url: URL;
  /** Sends the page the browser shows after the redirect; resolves once it has been handed over. */
  respond(page: { status: number; title: string; message: string }): Promise<void>;
}

/** A listening loopback server. */
export interface LoopbackServer {
  /** The redirect URI to register and send: `http://127.0.0.1:<port><path>`. */
  readonly redirectUri: string;
  /** Resolves with the first request to the callback path; rejects when `signal` aborts. */
  waitForCallback(signal: AbortSignal): Promise<LoopbackCallback>;
  /** Stops listening. */
  close(): Promise<void>;
}

/** Where to listen: a port (0 for any free one) and the callback path. */
export interface LoopbackOptions {
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

function page(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;background:#313338;color:#dbdee1;display:grid;place-items:center;height:100vh;margin:0}
main{background:#2b2d31;padding:2rem 2.5rem;border-radius:12px;max-width:28rem}h1{color:#fff;font-size:1.3rem;margin:0 0 .5rem}</style>
</head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}

// The pages are static text: nothing on them may run, load or be framed.
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** Starts the loopback server. */
export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const waiting: Array<(callback: LoopbackCallback) => void> = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://${options.host}`);
    if (request.method !== "GET" || url.pathname !== options.path) {
      response.writeHead(404, { ...PAGE_HEADERS, "content-type": "text/plain" }).end("Not found");
      return;
    }
    const next = waiting.shift();
    if (!next) {
      response
        .writeHead(409, PAGE_HEADERS)
        .end(page("Already handled", "This login has already received its answer. Return to your terminal."));
      return;
    }
    next({
      url,
      respond({ status, title, message }) {
        return new Promise((resolve) => {
          response
            .writeHead(status, { ...PAGE_HEADERS, connection: "close" })
            .end(page(title, message), resolve);
        });
      },
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("the loopback server has no TCP address");
  const { port } = address;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    redirectUri: `http://${host}:${port}${options.path}`,
    waitForCallback(signal) {
      return new Promise((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        const onAbort = (): void => {
          const index = waiting.indexOf(accept);
          if (index !== -1) waiting.splice(index, 1);
          reject(signal.reason);
        };
        const accept = (callback: LoopbackCallback): void => {
          signal.removeEventListener("abort", onAbort);
          resolve(callback);
        };
        waiting.push(accept);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
