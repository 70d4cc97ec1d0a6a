import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { OAuth2Error } from "../../src/errors.js";
import { RESTApp } from "../../src/rest/index.js";
import { guardSuite, SecretScan, sendJson, startServer, type TestServer } from "./helpers.js";

const SAMPLES = fileURLToPath(new URL("../fixtures/discord-samples", import.meta.url));
const sample = (name: string): unknown => JSON.parse(readFileSync(`${SAMPLES}/${name}`, "utf8"));

const scan = new SecretScan();
const SECRET = scan.secret("4312312");
const CODE = scan.secret("auth-code-NhhvTDYsFcdgNLnnLijcl7Ku7bEEeee");
const VERIFIER = scan.secret("verifier-0123456789abcdefghijklmnopqrstuvwxyzABCDEF");
const REFRESH = scan.secret("D43f5y0ahjqew82jZ4NViEr2YafMKhue");
const ACCESS = scan.secret("6qrZcUqja7812RVdnEKjpzOL4CvHBFG");
const CLIENT_ID = "65234123";

let server: TestServer | undefined;
guardSuite(scan, 3);

async function tokenServer(body: unknown = sample("token-authorization-code.json"), status = 200) {
  server = await startServer((_, res) => sendJson(res, status, body));
  return new RESTApp({ apiUrl: server.apiUrl }).acquire();
}

function form(index = 0): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(server!.requests[index]!.body));
}

describe("authorizeAccessToken", () => {
  it("posts a form with HTTP Basic client authentication", async () => {
    const client = await tokenServer();
    const token = await client.authorizeAccessToken({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      code: CODE,
      redirectUri: "https://x.y/cb?a=1&b=2",
    });
    const request = server!.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/api/v10/oauth2/token");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers.authorization).toBe("Basic NjUyMzQxMjM6NDMxMjMxMg==");
    expect(request.body).toBe(
      `grant_type=authorization_code&code=${CODE}&redirect_uri=https%3A%2F%2Fx.y%2Fcb%3Fa%3D1%26b%3D2`,
    );
    expect(token.accessToken).toBe(ACCESS);
    expect(token.refreshToken).toBe(REFRESH);
    expect(token.expiresIn).toBe(604800);
  });

  it("sends the client credentials in the body when asked", async () => {
    const client = await tokenServer();
    await client.authorizeAccessToken({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      code: CODE,
      redirectUri: new URL("https://example.com/cb"),
      codeVerifier: VERIFIER,
      clientAuthentication: "body",
    });
    expect(server!.requests[0]!.headers.authorization).toBeUndefined();
    expect(form()).toEqual({
      grant_type: "authorization_code",
      code: CODE,
      redirect_uri: "https://example.com/cb",
      code_verifier: VERIFIER,
      client_id: CLIENT_ID,
      client_secret: SECRET,
    });
  });

  it("follows the app's default client authentication", async () => {
    server = await startServer((_, res) => sendJson(res, 200, sample("token-authorization-code.json")));
    const client = new RESTApp({ apiUrl: server.apiUrl, clientAuthentication: "body" }).acquire();
    await client.authorizeAccessToken({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      code: CODE,
      redirectUri: "https://e.com/",
    });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect(form().client_secret).toBe(SECRET);
  });

  it("lets a public PKCE client go without a secret", async () => {
    const client = await tokenServer();
    await client.authorizeAccessToken({
      clientId: CLIENT_ID,
      code: CODE,
      redirectUri: "https://e.com/",
      codeVerifier: VERIFIER,
    });
    expect(server!.requests[0]!.headers.authorization).toBeUndefined();
    expect(form()).toEqual({
      grant_type: "authorization_code",
      code: CODE,
      redirect_uri: "https://e.com/",
      code_verifier: VERIFIER,
      client_id: CLIENT_ID,
    });
  });

  it("rejects bad arguments before sending", async () => {
    const client = await tokenServer();
    await expect(
      client.authorizeAccessToken({ clientId: "abc", code: CODE, redirectUri: "https://e.com/" }),
    ).rejects.toThrow(TypeError);
    await expect(
      client.authorizeAccessToken({ clientId: CLIENT_ID, code: "", redirectUri: "https://e.com/" }),
    ).rejects.toThrow(TypeError);
    expect(server!.requests).toHaveLength(0);
  });

  it("does not use the client's own token for the token endpoint", async () => {
    server = await startServer((_, res) => sendJson(res, 200, sample("token-authorization-code.json")));
    const bearer = new RESTApp({ apiUrl: server.apiUrl }).acquire(scan.secret("someone-elses-bearer"));
    await bearer.authorizeAccessToken({ clientId: CLIENT_ID, code: CODE, redirectUri: "https://e.com/" });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe("refreshAccessToken", () => {
  it("sends the refresh token and optional scopes", async () => {
    const client = await tokenServer();
    await client.refreshAccessToken({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      refreshToken: REFRESH,
      scopes: ["identify", "guilds"],
    });
    expect(server!.requests[0]!.body).toBe(
      `grant_type=refresh_token&refresh_token=${REFRESH}&scope=identify+guilds`,
    );
    await client.refreshAccessToken({ clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: REFRESH });
    expect(form(1)).toEqual({ grant_type: "refresh_token", refresh_token: REFRESH });
  });

  it("throws OAuth2Error for invalid_grant without showing the refresh token or secret", async () => {
    const client = await tokenServer(sample("token-error-invalid-grant.json"), 400);
    const error = await scan.error(
      client.refreshAccessToken({ clientId: CLIENT_ID, clientSecret: SECRET, refreshToken: REFRESH }),
    );
    expect(error).toBeInstanceOf(OAuth2Error);
    expect(error).toMatchObject({
      error: "invalid_grant",
      description: 'Invalid "refresh_token" in request',
    });
    expect(inspect(error)).not.toContain(REFRESH);
  });
});

describe("revokeAccessToken", () => {
  it.each([
    ["an empty body", ""],
    ["a JSON body", "{}"],
    ["a text body", "ok"],
  ])("treats any 200 as success, with %s", async (_, body) => {
    server = await startServer((_, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(body);
    });
    const client = new RESTApp({ apiUrl: server.apiUrl }).acquire();
    await expect(
      client.revokeAccessToken({
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        token: ACCESS,
        tokenTypeHint: "access_token",
      }),
    ).resolves.toBeUndefined();
    expect(server.requests[0]!.path).toBe("/api/v10/oauth2/token/revoke");
    expect(server.requests[0]!.headers.authorization).toBe("Basic NjUyMzQxMjM6NDMxMjMxMg==");
    expect(form()).toEqual({ token: ACCESS, token_type_hint: "access_token" });
  });

  it("accepts a token model", async () => {
    server = await startServer((_, res) => sendJson(res, 200, {}));
    await new RESTApp({ apiUrl: server.apiUrl })
      .acquire()
      .revokeAccessToken({ clientId: CLIENT_ID, clientSecret: SECRET, token: { accessToken: ACCESS } });
    expect(form()).toEqual({ token: ACCESS });
  });

  it("fails on invalid_client", async () => {
    server = await startServer((_, res) => sendJson(res, 401, { error: "invalid_client" }));
    const error = await scan.error(
      new RESTApp({ apiUrl: server.apiUrl })
        .acquire()
        .revokeAccessToken({ clientId: CLIENT_ID, clientSecret: SECRET, token: ACCESS }),
    );
    expect(error).toMatchObject({ status: 401, error: "invalid_client", description: null });
  });
});

describe("authorizeClientCredentialsToken", () => {
  it("asks for the scopes with Basic authentication", async () => {
    const client = await tokenServer(sample("token-client-credentials.json"));
    const token = await client.authorizeClientCredentialsToken({
      clientId: "54123",
      clientSecret: "312312",
      scopes: ["identify", "applications.commands.update"],
    });
    expect(server!.requests[0]!.headers.authorization).toBe("Basic NTQxMjM6MzEyMzEy");
    expect(server!.requests[0]!.body).toBe(
      "grant_type=client_credentials&scope=identify+applications.commands.update",
    );
    expect(token.accessToken).toBe(ACCESS);
    expect(token.scopes).toEqual(["identify", "connections"]);
  });

  it("reports invalid_scope as OAuth2Error", async () => {
    const client = await tokenServer(
      { error: "invalid_scope", error_description: "The requested scope is invalid" },
      400,
    );
    const error = await scan.error(
      client.authorizeClientCredentialsToken({ clientId: CLIENT_ID, clientSecret: SECRET, scopes: ["bot"] }),
    );
    expect(error).toBeInstanceOf(OAuth2Error);
    expect(String(error)).toContain("invalid_scope: The requested scope is invalid");
  });
});
