import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import { authorizationUrl, bearer, bot, grant, pkcePair, postToken, REDIRECT } from "./helpers.js";

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ seed: "robustness-tests" });
});
afterAll(async () => {
  await emu.close();
});

/** Sends raw bytes and resolves to the whole answer once the server closes the connection. */
function raw(text: string): Promise<string> {
  const { hostname, port } = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

function json(method: string, path: string, body: string, headers: Record<string, string>) {
  return fetch(`${emu.apiUrl}${path}`, {
    method,
    headers: { ...headers, "Content-Type": "application/json" },
    body,
  });
}

const alive = async () => (await fetch(`${emu.apiUrl}/users/@me`, { headers: bot(emu) })).status;

describe("hostile input", () => {
  it("keeps __proto__ keys in error bodies as plain keys and never touches Object.prototype", async () => {
    const token = (await grant(emu, "role_connections.write")).access_token;
    const res = await json(
      "PUT",
      `/users/@me/applications/${emu.application.id}/role-connection`,
      '{"metadata": {"__proto__": "1"}}',
      bearer(token),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { metadata: Record<string, unknown> } };
    expect(Object.hasOwn(body.errors.metadata, "__proto__")).toBe(true);
    const patch = await json(
      "PATCH",
      "/applications/@me",
      '{"integration_types_config": {"__proto__": {}, "constructor": {}}}',
      bot(emu),
    );
    expect(patch.status).toBe(400);
    expect(Object.keys(((await patch.json()) as { errors: object }).errors)).toEqual([
      "integration_types_config",
    ]);
    expect(({} as Record<string, unknown>)._errors).toBeUndefined();
  });

  it("refuses bodies over 1 MiB with 413 (code 40005), whether announced or streamed", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    const announced = await json("PATCH", "/applications/@me", big, bot(emu));
    expect(announced.status).toBe(413);
    expect(await announced.json()).toEqual({ message: "Request entity too large", code: 40005 });

    const { hostname, port } = new URL(emu.apiUrl);
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: hostname,
          port,
          method: "PATCH",
          path: "/api/v10/applications/@me",
          headers: { ...bot(emu), "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
        },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write("y".repeat(64 * 1024));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ code: 40005 });
    expect(await alive()).toBe(200);
  });

  it("answers unparsable request targets, odd methods and broken JSON without falling over", async () => {
    expect(await raw("GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(
      /^HTTP\/1\.1 400/,
    );
    const odd = await fetch(`${emu.apiUrl}/users/@me`, { method: "PROPFIND", headers: bot(emu) });
    expect(odd.status).toBe(405);
    for (const body of ["", "null", "[]", '"text"', "{".repeat(100_000), "\u0000"]) {
      const res = await json("PATCH", "/applications/@me", body, bot(emu));
      expect(res.status, JSON.stringify(body.slice(0, 10))).toBe(400);
      expect([50035, 50109]).toContain(((await res.json()) as { code: number }).code);
    }
    expect((await fetch(`${emu.url}/favicon.ico`)).status).toBe(404);
    expect(await alive()).toBe(200);
  });

  it("collects every bad guild-list query value into one 50035 body", async () => {
    const token = (await grant(emu, "guilds")).access_token;
    const res = await fetch(`${emu.apiUrl}/users/@me/guilds?limit=0&before=abc&after=-1&with_counts=yes`, {
      headers: bearer(token),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; errors: Record<string, unknown> };
    expect(body.code).toBe(50035);
    expect(Object.keys(body.errors).sort()).toEqual(["after", "before", "limit", "with_counts"]);
  });
});

describe("consent page safety", () => {
  it("escapes what the app and the request control, and forbids framing and foreign scripts", async () => {
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const patched = await json("PATCH", "/applications/@me", JSON.stringify({ description: evil }), bot(emu));
    expect(patched.status).toBe(200);
    const res = await fetch(
      authorizationUrl(emu, { scope: "identify", state: `"><script>alert(2)</script>` }),
    );
    const html = await res.text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect([...html.matchAll(/<script( nonce="[^"]*")?>/g)].map((m) => m[1])).toEqual([` nonce="${nonce}"`]);

    const error = await fetch(authorizationUrl(emu, { scope: "identify", response_type: evil }));
    expect(error.status).toBe(400);
    const errorHtml = await error.text();
    expect(errorHtml).not.toContain("<script>alert");
    expect(error.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("shows the app initials, plain-language scopes, the redirect origin and a server picker per account", async () => {
    const html = await (await fetch(authorizationUrl(emu, { scope: "identify email bot" }))).text();
    const initials = emu.application.name
      .split(" ")
      .map((w) => w[0])
      .join("")
      .toUpperCase();
    expect(html).toContain(`>${initials}</div>`);
    expect(html).toContain("See your email address");
    expect(html).toContain(new URL(REDIRECT).origin);
    const groups = [...html.matchAll(/<optgroup label="[^"]*" data-user="(\d+)"/g)].map((m) => m[1]);
    expect(groups.length).toBeGreaterThan(0);
    for (const id of groups) expect(emu.users.map((u) => u.id)).toContain(id);
  });
});

describe("OAuth2 rules", () => {
  it("refuses a code_verifier for a code that was issued without a challenge", async () => {
    const location = await emu.authorize(authorizationUrl(emu, { scope: "identify" }));
    const res = await postToken(emu, {
      grant_type: "authorization_code",
      code: location.searchParams.get("code")!,
      redirect_uri: REDIRECT,
      code_verifier: pkcePair().verifier,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "invalid_grant",
      error_description: 'Invalid "code_verifier"',
    });
  });

  it("a code is bound to its PKCE challenge and dies on first use, even a failed one", async () => {
    const { verifier, challenge } = pkcePair();
    const location = await emu.authorize(
      authorizationUrl(emu, { scope: "identify", code_challenge: challenge, code_challenge_method: "S256" }),
    );
    const code = location.searchParams.get("code")!;
    const fields = { grant_type: "authorization_code", code, redirect_uri: REDIRECT };
    const wrong = await postToken(emu, { ...fields, code_verifier: pkcePair().verifier });
    expect(((await wrong.json()) as { error: string }).error).toBe("invalid_grant");
    const retry = await postToken(emu, { ...fields, code_verifier: verifier });
    expect(await retry.json()).toEqual({
      error: "invalid_grant",
      error_description: 'Invalid "code" in request.',
    });
  });

  it("accepts the Basic scheme in any letter case", async () => {
    const credentials = Buffer.from(`${emu.application.id}:${emu.application.clientSecret}`).toString(
      "base64",
    );
    const res = await fetch(emu.tokenUrl, {
      method: "POST",
      headers: { Authorization: `basic ${credentials}` },
      body: new URLSearchParams({ grant_type: "client_credentials", scope: "identify" }),
    });
    expect(res.status).toBe(200);
  });
});

describe("secrets and shutdown", () => {
  it("redacts webhook tokens in logged paths", async () => {
    emu.clearRequests();
    await fetch(`${emu.url}/api/webhooks/123/very-secret-token`);
    const [entry] = emu.requests;
    expect(entry?.path).toBe("/api/webhooks/123/[redacted]");
  });

  it("close() lets a request in flight finish, drops idle keep-alive connections, and can be called twice", async () => {
    const local = await startEmulator({ seed: "closing", guildCount: 3 });
    const { hostname, port } = new URL(local.url);
    const idle = connect(Number(port), hostname);
    const idleClosed = new Promise((resolve) => idle.once("close", resolve));
    const answered = new Promise((resolve) => idle.once("data", resolve));
    idle.write(`GET /api/v10/users/@me HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
    expect(String(await answered)).toMatch(/^HTTP\/1\.1 401/);
    local.configure({ latencyMs: 200 });
    const inFlight = fetch(`${local.apiUrl}/users/@me`, { headers: bot(local) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = local.close();
    expect(local.close()).toBe(closing);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get("connection")).toBe("close");
    await closing;
    await idleClosed;
    expect(idle.destroyed).toBe(true);
  });
});
