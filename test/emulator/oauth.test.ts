import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import {
  authorizationUrl,
  bearer,
  getJson,
  grant,
  pkcePair,
  postToken,
  REDIRECT,
  type TokenBody,
} from "./helpers.js";

let emu: EmulatorHandle;

beforeAll(async () => {
  emu = await startEmulator({ seed: "oauth-tests" });
});
afterAll(async () => {
  await emu.close();
});

function formOf(html: string): { action: string; userIds: string[] } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("no form");
  const userIds = [...html.matchAll(/<option value="(\d+)"/g)].map((m) => m[1] as string);
  return { action: action.replace(/&#38;/g, "&"), userIds };
}

describe("consent page", () => {
  it("shows the app name, the scopes and Authorize/Cancel buttons, and the form redirects with code and state", async () => {
    const url = authorizationUrl(emu, { scope: "identify guilds", state: "st4te" });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain(emu.application.name);
    expect(html).toContain('data-scope="identify"');
    expect(html).toContain('data-scope="guilds"');
    expect(html).toContain('value="authorize"');
    expect(html).toContain('value="cancel"');
    const { action, userIds } = formOf(html);
    expect(userIds).toContain(emu.users[1]!.id);

    const submit = await fetch(new URL(action, emu.url), {
      method: "POST",
      body: new URLSearchParams({ action: "authorize", user_id: emu.users[1]!.id }),
      redirect: "manual",
    });
    expect(submit.status).toBe(302);
    const location = new URL(submit.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("st4te");
    const code = location.searchParams.get("code")!;
    expect(code).toMatch(/^[A-Za-z0-9]{30}$/);

    const res = await postToken(emu, { grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(res.status).toBe(200);
    const token = (await res.json()) as TokenBody;
    const me = await getJson(`${emu.apiUrl}/users/@me`, bearer(token.access_token));
    expect((me.body as { id: string }).id).toBe(emu.users[1]!.id);
  });

  it("Cancel redirects with error=access_denied and the state", async () => {
    const location = await emu.authorize(authorizationUrl(emu, { scope: "identify", state: "abc" }), {
      action: "cancel",
    });
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("error_description")).toBeTruthy();
    expect(location.searchParams.get("state")).toBe("abc");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it.each([
    ["unknown client_id", { client_id: "1234" }, /Unknown application/],
    ["unregistered redirect_uri", { redirect_uri: "https://evil.example/cb" }, /redirect_uri/],
    [
      "a non-loopback host with another port",
      { redirect_uri: "https://appkit.example:8443/callback" },
      /redirect_uri/,
    ],
    ["an unknown scope", { scope: "identify bogus" }, /Invalid scope/],
    ["a scope the app may not use", { scope: "identify rpc" }, /Invalid scope/],
    ["a bad response_type", { response_type: "id_token" }, /response_type/],
    ["PKCE with plain", { code_challenge: "x".repeat(43), code_challenge_method: "plain" }, /S256/],
    [
      "implicit with role_connections.write",
      { response_type: "token", scope: "role_connections.write" },
      /implicit/,
    ],
    ["an unknown user_id", { user_id: "42" }, /user_id/],
  ])("shows an HTML error page (not a redirect) for %s", async (_name, params, message) => {
    const res = await fetch(authorizationUrl(emu, { scope: "identify", ...params }), { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toMatch(message);
  });

  it("accepts any port on a registered loopback redirect URI", async () => {
    for (const uri of [
      "http://127.0.0.1:9/callback",
      "http://localhost:65000/callback",
      "http://127.0.0.1/callback",
    ]) {
      const location = await emu.authorize(authorizationUrl(emu, { scope: "identify", redirect_uri: uri }));
      expect(location.origin + location.pathname).toBe(uri.replace(":80/", "/"));
    }
    const res = await fetch(
      authorizationUrl(emu, { scope: "identify", redirect_uri: "http://127.0.0.1:9/other" }),
    );
    expect(res.status).toBe(400);
  });

  it("implicit grant puts the token in the fragment and the token works", async () => {
    const location = await emu.authorize(
      authorizationUrl(emu, { response_type: "token", scope: "identify", state: "imp" }),
    );
    expect(location.search).toBe("");
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get("token_type")).toBe("Bearer");
    expect(fragment.get("expires_in")).toBe("604800");
    expect(fragment.get("scope")).toBe("identify");
    expect(fragment.get("state")).toBe("imp");
    expect(fragment.has("refresh_token")).toBe(false);
    const me = await getJson(`${emu.apiUrl}/users/@me`, bearer(fragment.get("access_token")!));
    expect(me.status).toBe(200);
  });

  it("bot scope needs a guild the user manages, adds the bot and returns the guild", async () => {
    const url = authorizationUrl(emu, { scope: "bot identify", permissions: "2048", state: "b" });
    const html = await (await fetch(url)).text();
    expect(html).toContain('name="guild_id"');
    await expect(emu.authorize(url)).rejects.toThrow(/Pick a server/);
    const owner = emu.users[0]!;
    const guilds = (
      await getJson(`${emu.apiUrl}/users/@me/guilds`, bearer((await grant(emu, "guilds")).access_token))
    ).body as { id: string; owner: boolean; permissions: string }[];
    const notManaged = guilds.find((g) => (BigInt(g.permissions) & 0x28n) === 0n);
    expect(notManaged).toBeDefined();
    await expect(emu.authorize(url, { userId: owner.id, guildId: notManaged!.id })).rejects.toThrow(
      /Manage Server/,
    );
    const owned = guilds.find((g) => g.owner)!;
    const location = await emu.authorize(url, { userId: owner.id, guildId: owned.id });
    expect(location.searchParams.get("guild_id")).toBe(owned.id);
    expect(location.searchParams.get("permissions")).toBe("2048");
    const res = await postToken(emu, {
      grant_type: "authorization_code",
      code: location.searchParams.get("code")!,
      redirect_uri: REDIRECT,
    });
    const token = (await res.json()) as TokenBody & { guild: { id: string; owner_id: string } };
    expect(token.scope).toBe("bot identify");
    expect(token.guild.id).toBe(owned.id);
    expect(token.guild.owner_id).toBe(owner.id);
  });

  it("webhook.incoming returns a webhook with token and url", async () => {
    const owner = emu.users[0]!;
    const guilds = (
      await getJson(`${emu.apiUrl}/users/@me/guilds`, bearer((await grant(emu, "guilds")).access_token))
    ).body as { id: string; owner: boolean }[];
    const owned = guilds.find((g) => g.owner)!;
    const location = await emu.authorize(authorizationUrl(emu, { scope: "webhook.incoming" }), {
      userId: owner.id,
      guildId: owned.id,
    });
    const res = await postToken(emu, {
      grant_type: "authorization_code",
      code: location.searchParams.get("code")!,
      redirect_uri: REDIRECT,
    });
    const token = (await res.json()) as TokenBody & { webhook: Record<string, unknown> };
    expect(token.webhook).toMatchObject({ type: 1, guild_id: owned.id, application_id: emu.application.id });
    expect(String(token.webhook.url)).toContain(String(token.webhook.token));
  });

  it("prompt=none skips the page when the user already granted the scopes", async () => {
    const user = emu.users[2]!;
    const url = authorizationUrl(emu, { scope: "identify", prompt: "none", user_id: user.id });
    const first = await fetch(url, { redirect: "manual" });
    expect(first.status).toBe(200);
    await grant(emu, "identify email", { userId: user.id });
    const second = await fetch(url, { redirect: "manual" });
    expect(second.status).toBe(302);
    expect(new URL(second.headers.get("location")!).searchParams.get("code")).toBeTruthy();
  });
});

describe("token endpoint: authorization_code", () => {
  async function code(params: Record<string, string> = {}): Promise<string> {
    const location = await emu.authorize(authorizationUrl(emu, { scope: "identify", ...params }));
    return location.searchParams.get("code")!;
  }

  it("answers Discord's token shape, with HTTP Basic as well as body credentials", async () => {
    for (const basic of [false, true]) {
      const res = await postToken(
        emu,
        { grant_type: "authorization_code", code: await code(), redirect_uri: REDIRECT },
        { basic },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as TokenBody;
      expect(Object.keys(body).sort()).toEqual([
        "access_token",
        "expires_in",
        "refresh_token",
        "scope",
        "token_type",
      ]);
      expect(body).toMatchObject({ token_type: "Bearer", expires_in: 604800, scope: "identify" });
      expect(typeof body.refresh_token).toBe("string");
    }
  });

  it("codes are single-use", async () => {
    const c = await code();
    expect(
      (await postToken(emu, { grant_type: "authorization_code", code: c, redirect_uri: REDIRECT })).status,
    ).toBe(200);
    const replay = await postToken(emu, {
      grant_type: "authorization_code",
      code: c,
      redirect_uri: REDIRECT,
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({
      error: "invalid_grant",
      error_description: 'Invalid "code" in request.',
    });
  });

  it("a code is bound to its redirect_uri", async () => {
    const res = await postToken(emu, {
      grant_type: "authorization_code",
      code: await code(),
      redirect_uri: "http://127.0.0.1/callback",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("codes expire after ten minutes", async () => {
    const c = await code();
    emu.advanceTime(10 * 60 * 1000 + 1);
    const res = await postToken(emu, { grant_type: "authorization_code", code: c, redirect_uri: REDIRECT });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("PKCE: the right verifier works without a secret; a wrong or missing verifier fails", async () => {
    const { verifier, challenge } = pkcePair();
    const pkce = { code_challenge: challenge, code_challenge_method: "S256" };
    const ok = await postToken(
      emu,
      {
        grant_type: "authorization_code",
        code: await code(pkce),
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      },
      { secret: false },
    );
    expect(ok.status).toBe(200);

    const wrong = await postToken(emu, {
      grant_type: "authorization_code",
      code: await code(pkce),
      redirect_uri: REDIRECT,
      code_verifier: pkcePair().verifier,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({
      error: "invalid_grant",
      error_description: 'Invalid "code_verifier"',
    });

    const missing = await postToken(emu, {
      grant_type: "authorization_code",
      code: await code(pkce),
      redirect_uri: REDIRECT,
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("without PKCE the secret is required, and a wrong secret is invalid_client (401)", async () => {
    const noSecret = await postToken(
      emu,
      { grant_type: "authorization_code", code: await code(), redirect_uri: REDIRECT },
      { secret: false },
    );
    expect(noSecret.status).toBe(401);
    expect(((await noSecret.json()) as { error: string }).error).toBe("invalid_client");
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code: await code(),
      redirect_uri: REDIRECT,
      client_id: emu.application.id,
      client_secret: "nope",
    });
    const bad = await fetch(emu.tokenUrl, { method: "POST", body });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe("invalid_client");
  });

  it("rejects malformed Basic credentials with invalid_client", async () => {
    for (const header of [
      "Basic !!!",
      `Basic ${Buffer.from("no-colon").toString("base64")}`,
      `Basic ${Buffer.from(`${emu.application.id}:%E0%A4%A`).toString("base64")}`,
    ]) {
      const res = await fetch(emu.tokenUrl, {
        method: "POST",
        headers: { Authorization: header },
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "identify" }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe("invalid_client");
    }
  });

  it("rejects JSON bodies and unknown grant types", async () => {
    const json = await fetch(emu.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        grant_type: "client_credentials",
        client_id: emu.application.id,
        client_secret: emu.application.clientSecret,
      }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toBe("unsupported_grant_type");
    const unknown = await postToken(emu, { grant_type: "password" });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBe("unsupported_grant_type");
  });

  it("a public client cannot skip the secret when the app is confidential", async () => {
    const confidential = await startEmulator({ seed: "oauth-tests", publicClient: false });
    try {
      const { verifier, challenge } = pkcePair();
      const location = await confidential.authorize(
        authorizationUrl(confidential, {
          scope: "identify",
          code_challenge: challenge,
          code_challenge_method: "S256",
        }),
      );
      const res = await postToken(
        confidential,
        {
          grant_type: "authorization_code",
          code: location.searchParams.get("code")!,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        },
        { secret: false },
      );
      expect(res.status).toBe(401);
    } finally {
      await confidential.close();
    }
  });
});

describe("refresh, client credentials and revocation", () => {
  it("refresh rotates both tokens; the old refresh token then fails with invalid_grant", async () => {
    const first = await grant(emu, "identify email");
    const res = await postToken(emu, { grant_type: "refresh_token", refresh_token: first.refresh_token! });
    expect(res.status).toBe(200);
    const second = (await res.json()) as TokenBody;
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe("identify email");
    expect((await getJson(`${emu.apiUrl}/users/@me`, bearer(second.access_token))).status).toBe(200);
    expect((await getJson(`${emu.apiUrl}/users/@me`, bearer(first.access_token))).status).toBe(401);
    const reuse = await postToken(emu, { grant_type: "refresh_token", refresh_token: first.refresh_token! });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toEqual({
      error: "invalid_grant",
      error_description: 'Invalid "refresh_token" in request.',
    });
  });

  it("refresh may narrow the scope but not widen it", async () => {
    const first = await grant(emu, "identify email");
    const narrow = await postToken(emu, {
      grant_type: "refresh_token",
      refresh_token: first.refresh_token!,
      scope: "identify",
    });
    const narrowed = (await narrow.json()) as TokenBody;
    expect(narrowed.scope).toBe("identify");
    const me = (await getJson(`${emu.apiUrl}/users/@me`, bearer(narrowed.access_token))).body as Record<
      string,
      unknown
    >;
    expect(me).not.toHaveProperty("email");
    const wide = await postToken(emu, {
      grant_type: "refresh_token",
      refresh_token: narrowed.refresh_token!,
      scope: "identify guilds",
    });
    expect(wide.status).toBe(400);
    expect(((await wide.json()) as { error: string }).error).toBe("invalid_scope");
  });

  it("client_credentials gives the team owner's bearer token, without refresh token, limited scopes for team apps", async () => {
    const res = await postToken(emu, {
      grant_type: "client_credentials",
      scope: "identify applications.commands.update",
    });
    expect(res.status).toBe(200);
    const token = (await res.json()) as TokenBody;
    expect(token.refresh_token).toBeUndefined();
    expect(token.scope).toBe("identify applications.commands.update");
    const me = (await getJson(`${emu.apiUrl}/users/@me`, bearer(token.access_token))).body as { id: string };
    expect(me.id).toBe(emu.application.ownerUserId);
    const guilds = await postToken(emu, { grant_type: "client_credentials", scope: "guilds" });
    expect(guilds.status).toBe(400);
    expect(((await guilds.json()) as { error: string }).error).toBe("invalid_scope");
    const noSecret = await postToken(
      emu,
      { grant_type: "client_credentials", scope: "identify" },
      { secret: false },
    );
    expect(noSecret.status).toBe(401);
  });

  it("revoking either token kills the whole grant", async () => {
    for (const which of ["access_token", "refresh_token"] as const) {
      const token = await grant(emu, "identify");
      const body = new URLSearchParams({
        token: token[which]!,
        token_type_hint: which,
        client_id: emu.application.id,
        client_secret: emu.application.clientSecret,
      });
      const res = await fetch(emu.revokeUrl, { method: "POST", body });
      expect(res.status).toBe(200);
      expect((await getJson(`${emu.apiUrl}/users/@me`, bearer(token.access_token))).status).toBe(401);
      const refresh = await postToken(emu, {
        grant_type: "refresh_token",
        refresh_token: token.refresh_token!,
      });
      expect(refresh.status).toBe(400);
    }
  });

  it("access tokens expire after expires_in", async () => {
    const token = await grant(emu, "identify");
    emu.advanceTime(604800 * 1000);
    const res = await getJson(`${emu.apiUrl}/users/@me`, bearer(token.access_token));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: "401: Unauthorized", code: 0 });
  });
});

describe("installs and extras", () => {
  it("a bot-only install without response_type uses the default install params and shows a result page", async () => {
    const owner = emu.users[0]!;
    const token = await grant(emu, "guilds");
    const guilds = (await getJson(`${emu.apiUrl}/users/@me/guilds`, bearer(token.access_token))).body as {
      id: string;
      owner: boolean;
    }[];
    const owned = guilds.filter((g) => g.owner).at(-1)!;
    const url = `${emu.authorizeUrl}?client_id=${emu.application.id}&permissions=8&guild_id=${owned.id}&disable_guild_select=true`;
    const html = await (await fetch(url)).text();
    expect(html).toContain('data-scope="bot"');
    expect(html).toContain('data-scope="applications.commands"');
    const res = await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ action: "authorize", user_id: owner.id, guild_id: owned.id }),
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("has been added to");
    const botGuilds = (
      await getJson(`${emu.apiUrl}/users/@me/guilds`, { Authorization: `Bot ${emu.application.botToken}` })
    ).body as { id: string }[];
    expect(botGuilds.map((g) => g.id)).toContain(owned.id);
  });

  it("serves the token endpoint without a version prefix and answers CORS preflights", async () => {
    const res = await fetch(`${emu.url}/api/oauth2/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "client_credentials",
        scope: "identify",
        client_id: emu.application.id,
        client_secret: emu.application.clientSecret,
      }),
    });
    expect(res.status).toBe(200);
    const preflight = await fetch(`${emu.apiUrl}/users/@me`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
  });

  it("revokeGrants() simulates a user removing the app", async () => {
    const user = emu.users[3]!;
    const token = await grant(emu, "identify", { userId: user.id });
    const other = await grant(emu, "identify", { userId: emu.users[2]!.id });
    expect(emu.revokeGrants(user.id)).toBe(1);
    expect((await getJson(`${emu.apiUrl}/users/@me`, bearer(token.access_token))).status).toBe(401);
    const refresh = await postToken(emu, {
      grant_type: "refresh_token",
      refresh_token: token.refresh_token!,
    });
    expect(((await refresh.json()) as { error: string }).error).toBe("invalid_grant");
    expect((await getJson(`${emu.apiUrl}/users/@me`, bearer(other.access_token))).status).toBe(200);
  });

  it("serves an index page linking to the consent page", async () => {
    const html = await (await fetch(emu.url)).text();
    expect(html).toContain(emu.application.id);
    expect(html).toContain("/oauth2/authorize?");
  });
});
