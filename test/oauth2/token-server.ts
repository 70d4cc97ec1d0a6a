/**
 * A tiny OAuth2 token endpoint on 127.0.0.1:0 that counts requests and rotates refresh tokens the way
 * Discord does (each refresh token works once). Used where a test must count or fail individual
 * token requests; the end-to-end flows run against the emulator.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TokenRequestRecord {
  readonly path: string;
  readonly form: URLSearchParams;
  readonly authorization: string | undefined;
}

export interface TokenServer {
  readonly apiUrl: string;
  readonly requests: TokenRequestRecord[];
  /** Refresh tokens the server would accept right now. */
  readonly liveRefreshTokens: Set<string>;
  /** Lifetime of issued tokens, in seconds. */
  expiresIn: number;
  /** Milliseconds to wait before answering a token request. */
  delayMs: number;
  /** Queued failures: the next token request answers with the first one. */
  readonly failures: { status: number; body: unknown }[];
  /** Registers a grant and returns its token response. */
  issueGrant(scope?: string): {
    access_token: string;
    refresh_token: string;
    expires_in: number;
    token_type: string;
    scope: string;
  };
  count(grantType: string): number;
  close(): Promise<void>;
}

export async function startTokenServer(): Promise<TokenServer> {
  let serial = 0;
  const requests: TokenRequestRecord[] = [];
  const live = new Set<string>();
  const failures: { status: number; body: unknown }[] = [];
  const state = { expiresIn: 604800, delayMs: 0 };

  const issue = (scope: string, withRefresh: boolean) => {
    serial += 1;
    const token: Record<string, unknown> = {
      access_token: `access-${serial}`,
      token_type: "Bearer",
      expires_in: state.expiresIn,
      scope,
    };
    if (withRefresh) {
      token.refresh_token = `refresh-${serial}`;
      live.add(`refresh-${serial}`);
    }
    return token;
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push({ path, form, authorization: req.headers.authorization });
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    const failure = failures.shift();
    if (failure) return send(res, failure.status, failure.body);
    if (path === "/api/v10/oauth2/token/revoke") {
      const token = form.get("token") ?? "";
      live.delete(token);
      return send(res, 200, undefined);
    }
    if (path !== "/api/v10/oauth2/token") return send(res, 404, { message: "404: Not Found", code: 0 });
    const grantType = form.get("grant_type");
    if (grantType === "client_credentials") return send(res, 200, issue(form.get("scope") ?? "", false));
    if (grantType === "refresh_token") {
      const refreshToken = form.get("refresh_token") ?? "";
      if (!live.delete(refreshToken)) {
        return send(res, 400, {
          error: "invalid_grant",
          error_description: 'Invalid "refresh_token" in request.',
        });
      }
      return send(res, 200, issue("identify guilds", true));
    }
    return send(res, 400, { error: "unsupported_grant_type" });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { message: "test server failure", code: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/v10`,
    requests,
    liveRefreshTokens: live,
    get expiresIn() {
      return state.expiresIn;
    },
    set expiresIn(value: number) {
      state.expiresIn = value;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    failures,
    issueGrant(scope = "identify guilds") {
      return issue(scope, true) as ReturnType<TokenServer["issueGrant"]>;
    },
    count(grantType) {
      return requests.filter((r) => r.form.get("grant_type") === grantType).length;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
