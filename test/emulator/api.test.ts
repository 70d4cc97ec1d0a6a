import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import { bearer, bot, grant } from "./helpers.js";

let emu: EmulatorHandle;
let heavy: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: "api-tests" });
  heavy = (await grant(emu, "identify guilds")).access_token;
});
afterAll(async () => {
  await emu.close();
});

const UNAUTHORIZED = { message: "401: Unauthorized", code: 0 };
const MISSING_ACCESS = { message: "Missing Access", code: 50001 };

// biome-ignore lint/suspicious/noExplicitAny: test reads deep JSON paths freely
type AnyJson = any;
type Guild = { id: string; owner: boolean; permissions: string; approximate_member_count?: number };

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${emu.apiUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe("authentication and scopes", () => {
  it.each([
    ["GET", "/users/@me"],
    ["GET", "/users/@me/guilds"],
    ["GET", "/users/@me/connections"],
    ["GET", "/oauth2/@me"],
  ])("%s %s: 401 for missing, junk and revoked tokens", async (method, path) => {
    expect((await send(method, path, {})).body).toEqual(UNAUTHORIZED);
    expect((await send(method, path, { Authorization: "Bearer junk" })).status).toBe(401);
    expect((await send(method, path, { Authorization: "Bot junk.token.here" })).status).toBe(401);
  });

  it("403 Missing Access when the token lacks the scope", async () => {
    const onlyEmail = (await grant(emu, "email")).access_token;
    for (const path of [
      "/users/@me",
      "/users/@me/guilds",
      "/users/@me/connections",
      `/users/@me/guilds/1/member`,
    ]) {
      const res = await send("GET", path, bearer(onlyEmail));
      expect(res.status, path).toBe(403);
      expect(res.body).toEqual(MISSING_ACCESS);
    }
    const rc = await send(
      "GET",
      `/users/@me/applications/${emu.application.id}/role-connection`,
      bearer(onlyEmail),
    );
    expect(rc.body).toEqual(MISSING_ACCESS);
  });

  it("bot-only endpoints refuse bearer tokens and bearer-only endpoints refuse the bot", async () => {
    for (const path of ["/applications/@me", "/oauth2/applications/@me", `/users/${emu.users[0]!.id}`]) {
      expect((await send("GET", path, bearer(heavy))).status, path).toBe(401);
    }
    expect((await send("GET", "/oauth2/@me", bot(emu))).status).toBe(401);
    expect((await send("GET", "/users/@me/guilds/1/member", bot(emu))).status).toBe(401);
  });

  it("404 for unknown routes and 405 for wrong methods, in Discord's shape", async () => {
    expect(await send("GET", "/nothing/here", bot(emu))).toEqual({
      status: 404,
      body: { message: "404: Not Found", code: 0 },
    });
    const wrong = await fetch(`${emu.apiUrl}/users/@me`, { method: "POST", headers: bot(emu) });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toContain("GET");
    expect(await wrong.json()).toEqual({ message: "405: Method Not Allowed", code: 0 });
    expect((await fetch(`${emu.apiUrl}/oauth2/token`)).status).toBe(405);
    expect((await send("GET", "/users/%E0%A4%A", bot(emu))).status).toBe(404);
  });
});

describe("application endpoints", () => {
  it("GET /applications/@me and /oauth2/applications/@me return the seeded application", async () => {
    const a = await send("GET", "/applications/@me", bot(emu));
    const b = await send("GET", "/oauth2/applications/@me", bot(emu));
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    const app = a.body as Record<string, AnyJson>;
    expect(app.id).toBe(emu.application.id);
    expect(app.verify_key).toBe(emu.application.publicKey);
    expect(app.redirect_uris).toEqual(emu.application.redirectUris);
    expect(app.owner.flags & 1024).toBe(1024);
    expect(app.team.owner_user_id).toBe(emu.application.ownerUserId);
    const roles = new Set(app.team.members.map((m: { role: string }) => m.role));
    expect(roles).toEqual(new Set(["admin", "developer", "read_only"]));
    expect(new Set(app.team.members.map((m: { membership_state: number }) => m.membership_state))).toEqual(
      new Set([1, 2]),
    );
    expect(app.bot.id).toBe(emu.application.botUserId);
    expect(JSON.stringify(app)).not.toContain(emu.application.clientSecret);
  });

  it("PATCH /applications/@me applies valid fields and keeps non-writable flag bits", async () => {
    const res = await send("PATCH", "/applications/@me", bot(emu), {
      description: "Hello",
      tags: ["a", "b"],
      flags: 0,
      interactions_endpoint_url: "https://appkit.example/interactions",
      install_params: { scopes: ["bot"], permissions: 8 },
      icon: "data:image/png;base64,iVBORw0KGgo=",
    });
    expect(res.status).toBe(200);
    const app = res.body as Record<string, AnyJson>;
    expect(app.description).toBe("Hello");
    expect(app.tags).toEqual(["a", "b"]);
    expect(app.flags).toBe(8388608);
    expect(app.flags_new).toBe("8388608");
    expect(app.interactions_endpoint_url).toBe("https://appkit.example/interactions");
    expect(app.install_params).toEqual({ scopes: ["bot"], permissions: "8" });
    expect(app.icon).toMatch(/^[0-9a-f]{32}$/);
    expect((await send("GET", "/applications/@me", bot(emu))).body).toEqual(app);
  });

  it("PATCH rejects bad bodies with 50035 and Discord's nested errors", async () => {
    const res = await send("PATCH", "/applications/@me", bot(emu), {
      tags: ["ok", "x".repeat(21)],
      interactions_endpoint_url: "not a url",
      event_webhooks_status: 3,
    });
    expect(res.status).toBe(400);
    const body = res.body as { code: number; message: string; errors: Record<string, AnyJson> };
    expect(body.code).toBe(50035);
    expect(body.message).toBe("Invalid Form Body");
    expect(body.errors.tags["1"]._errors[0].code).toBe("BASE_TYPE_BAD_LENGTH");
    expect(body.errors.interactions_endpoint_url._errors[0].code).toBe("URL_TYPE_INVALID_URL");
    expect(body.errors.event_webhooks_status._errors).toHaveLength(1);
    const notJson = await fetch(`${emu.apiUrl}/applications/@me`, {
      method: "PATCH",
      headers: bot(emu),
      body: "x",
    });
    expect(((await notJson.json()) as { code: number }).code).toBe(50035);
    const broken = await fetch(`${emu.apiUrl}/applications/@me`, {
      method: "PATCH",
      headers: { ...bot(emu), "Content-Type": "application/json" },
      body: "{",
    });
    expect(((await broken.json()) as { code: number }).code).toBe(50109);
  });
});

describe("current user", () => {
  it("GET /oauth2/@me reports application, scopes, expiry and the user only with identify", async () => {
    const withUser = (await send("GET", "/oauth2/@me", bearer(heavy))).body as Record<string, AnyJson>;
    expect(withUser.application.id).toBe(emu.application.id);
    expect(withUser.application).not.toHaveProperty("redirect_uris");
    expect(withUser.scopes).toEqual(["identify", "guilds"]);
    expect(Date.parse(withUser.expires)).toBeGreaterThan(Date.now());
    expect(withUser.user.id).toBe(emu.users[0]!.id);
    const without = (await send("GET", "/oauth2/@me", bearer((await grant(emu, "guilds")).access_token)))
      .body;
    expect(without).not.toHaveProperty("user");
  });

  it("GET /users/@me shows email and verified only with the email scope; the bot sees itself", async () => {
    const plain = (await send("GET", "/users/@me", bearer(heavy))).body as Record<string, unknown>;
    expect(plain).not.toHaveProperty("email");
    expect(plain).not.toHaveProperty("verified");
    expect(plain).toHaveProperty("locale");
    const withEmail = (
      await send("GET", "/users/@me", bearer((await grant(emu, "identify email")).access_token))
    ).body as Record<string, unknown>;
    expect(withEmail).toHaveProperty("email");
    expect(typeof withEmail.verified).toBe("boolean");
    const me = (await send("GET", "/users/@me", bot(emu))).body as Record<string, unknown>;
    expect(me).toMatchObject({ id: emu.application.botUserId, bot: true });
  });

  it("GET /users/{id} (bot) knows the seeded users and 404s others", async () => {
    const user = await send("GET", `/users/${emu.users[3]!.id}`, bot(emu));
    expect((user.body as { username: string }).username).toBe(emu.users[3]!.username);
    expect(user.body).not.toHaveProperty("email");
    expect(await send("GET", "/users/1", bot(emu))).toEqual({
      status: 404,
      body: { message: "Unknown User", code: 10013 },
    });
    expect((await send("GET", "/users/abc", bot(emu))).status).toBe(400);
  });

  it("GET /users/@me/connections lists connections with integrations", async () => {
    const token = (await grant(emu, "connections")).access_token;
    const list = (await send("GET", "/users/@me/connections", bearer(token))).body as Record<
      string,
      AnyJson
    >[];
    expect(list).toHaveLength(emu.users[0]!.connectionCount);
    expect(list.some((c) => c.integrations.length > 0)).toBe(true);
    for (const c of list) expect(typeof c.two_way_link).toBe("boolean");
    const empty = (await grant(emu, "connections", { userId: emu.users[4]!.id })).access_token;
    expect((await send("GET", "/users/@me/connections", bearer(empty))).body).toEqual([]);
  });
});

describe("GET /users/@me/guilds paging", () => {
  async function page(query: string, token = heavy): Promise<Guild[]> {
    const res = await send("GET", `/users/@me/guilds${query}`, bearer(token));
    expect(res.status).toBe(200);
    return res.body as Guild[];
  }
  const ids = (guilds: Guild[]) => guilds.map((g) => g.id);
  const ascending = (list: string[]) => list.every((id, i) => i === 0 || BigInt(list[i - 1]!) < BigInt(id));

  it("defaults to 200 ascending; after walks forward through all 450", async () => {
    const first = await page("");
    expect(first).toHaveLength(200);
    expect(ascending(ids(first))).toBe(true);
    const all = [...first];
    for (;;) {
      const next = await page(`?after=${all.at(-1)!.id}`);
      if (next.length === 0) break;
      all.push(...next);
    }
    expect(all).toHaveLength(emu.users[0]!.guildCount);
    expect(emu.users[0]!.guildCount).toBe(450);
    expect(ascending(ids(all))).toBe(true);
  });

  it("before returns the limit guilds just below the cursor, still ascending", async () => {
    const all = [
      ...(await page("?limit=200")),
      ...(await page(`?after=${(await page("?limit=200")).at(-1)!.id}`)),
    ];
    const cursor = all[150]!.id;
    const below = await page(`?before=${cursor}&limit=5`);
    expect(ids(below)).toEqual(ids(all.slice(145, 150)));
    expect(ids(await page(`?before=${all[2]!.id}&limit=5`))).toEqual(ids(all.slice(0, 2)));
    expect(ids(await page(`?after=${all[9]!.id}&limit=3`))).toEqual(ids(all.slice(10, 13)));
  });

  it("with_counts adds approximate counts; limit outside 1..200 is 50035", async () => {
    const plain = await page("?limit=1");
    expect(plain[0]).not.toHaveProperty("approximate_member_count");
    const counted = await page("?limit=1&with_counts=true");
    expect(typeof counted[0]!.approximate_member_count).toBe("number");
    for (const limit of ["0", "201", "abc"]) {
      const res = await send("GET", `/users/@me/guilds?limit=${limit}`, bearer(heavy));
      expect(res.status).toBe(400);
      expect((res.body as { errors: Record<string, unknown> }).errors).toHaveProperty("limit");
    }
    expect((await send("GET", "/users/@me/guilds?with_counts=maybe", bearer(heavy))).status).toBe(400);
  });

  it("marks owned guilds and gives owners every permission", async () => {
    const all = [...(await page("")), ...(await page(`?after=${(await page("")).at(-1)!.id}`))];
    const owned = all.filter((g) => g.owner);
    expect(owned.length).toBeGreaterThan(0);
    for (const g of owned) expect(g.permissions).toBe("9007199254740991");
    const few = (await grant(emu, "guilds", { userId: emu.users[1]!.id })).access_token;
    expect(await page("", few)).toHaveLength(emu.users[1]!.guildCount);
  });
});

describe("guild membership endpoints", () => {
  it("GET /users/@me/guilds/{id}/member needs guilds.members.read and a guild the user is in", async () => {
    const token = (await grant(emu, "guilds guilds.members.read")).access_token;
    const [guild] = (await send("GET", "/users/@me/guilds?limit=1", bearer(token))).body as Guild[];
    const member = await send("GET", `/users/@me/guilds/${guild!.id}/member`, bearer(token));
    expect(member.status).toBe(200);
    expect((member.body as { user: { id: string } }).user.id).toBe(emu.users[0]!.id);
    expect(await send("GET", "/users/@me/guilds/1/member", bearer(token))).toEqual({
      status: 404,
      body: { message: "Unknown Guild", code: 10004 },
    });
  });

  it("PUT /guilds/{id}/members/{user} adds a user with guilds.join (201), then 204", async () => {
    const joiner = emu.users[4]!;
    const token = (await grant(emu, "identify guilds.join", { userId: joiner.id })).access_token;
    const botGuilds = (await send("GET", "/users/@me/guilds", bot(emu))).body as Guild[];
    const target = botGuilds[0]!.id;
    const path = `/guilds/${target}/members/${joiner.id}`;
    expect((await send("PUT", path, bearer(token), { access_token: token })).status).toBe(401);
    const missing = await send("PUT", path, bot(emu), {});
    expect((missing.body as { errors: Record<string, unknown> }).errors).toHaveProperty("access_token");
    const wrongUser = await send("PUT", `/guilds/${target}/members/${emu.users[3]!.id}`, bot(emu), {
      access_token: token,
    });
    expect(wrongUser.body).toEqual({ message: "Invalid OAuth2 access token", code: 50025 });
    const noScope = (await grant(emu, "identify", { userId: joiner.id })).access_token;
    expect((await send("PUT", path, bot(emu), { access_token: noScope })).body).toEqual(MISSING_ACCESS);
    const added = await send("PUT", path, bot(emu), { access_token: token, nick: "Newbie", mute: true });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ nick: "Newbie", mute: true, deaf: false, user: { id: joiner.id } });
    expect(await send("PUT", path, bot(emu), { access_token: token })).toEqual({ status: 204, body: null });
    const guilds = (
      await send(
        "GET",
        "/users/@me/guilds",
        bearer((await grant(emu, "guilds", { userId: joiner.id })).access_token),
      )
    ).body as Guild[];
    expect(ids(guilds)).toEqual([target]);
  });

  it("PUT into a guild the bot is not in is Missing Access", async () => {
    const botGuilds = new Set(
      ((await send("GET", "/users/@me/guilds", bot(emu))).body as Guild[]).map((g) => g.id),
    );
    const userGuilds = (await send("GET", "/users/@me/guilds", bearer(heavy))).body as Guild[];
    const outside = userGuilds.find((g) => !botGuilds.has(g.id))!;
    const joiner = emu.users[4]!;
    const token = (await grant(emu, "guilds.join", { userId: joiner.id })).access_token;
    expect(
      (await send("PUT", `/guilds/${outside.id}/members/${joiner.id}`, bot(emu), { access_token: token }))
        .body,
    ).toEqual(MISSING_ACCESS);
  });

  it("DELETE /users/@me/guilds/{id} makes the bot leave (204), then 404", async () => {
    const botGuilds = (await send("GET", "/users/@me/guilds", bot(emu))).body as Guild[];
    const leaving = botGuilds.at(-1)!.id;
    expect((await send("DELETE", `/users/@me/guilds/${leaving}`, bot(emu))).status).toBe(204);
    expect((await send("DELETE", `/users/@me/guilds/${leaving}`, bot(emu))).body).toEqual({
      message: "Unknown Guild",
      code: 10004,
    });
    expect((await send("DELETE", `/users/@me/guilds/${leaving}`, bearer(heavy))).status).toBe(401);
    const after = (await send("GET", "/users/@me/guilds", bot(emu))).body as Guild[];
    expect(after).toHaveLength(botGuilds.length - 1);
  });
});

function ids(guilds: Guild[]): string[] {
  return guilds.map((g) => g.id);
}

describe("role connections", () => {
  it("metadata: GET/PUT with the bot, validated", async () => {
    const path = `/applications/${emu.application.id}/role-connections/metadata`;
    const initial = (await send("GET", path, bot(emu))).body as { key: string }[];
    expect(initial.map((m) => m.key)).toEqual(["level", "verified"]);
    const records = [
      { type: 2, key: "level", name: "Level", description: "Minimum level" },
      {
        type: 5,
        key: "since",
        name: "Member since",
        description: "Days since joining",
        name_localizations: { de: "Mitglied seit" },
      },
    ];
    const put = await send("PUT", path, bot(emu), records);
    expect(put.status).toBe(200);
    expect((put.body as { key: string }[]).map((m) => m.key)).toEqual(["level", "since"]);
    const bad = await send("PUT", path, bot(emu), [{ type: 9, key: "Bad Key", name: "", description: "d" }]);
    expect(bad.status).toBe(400);
    expect(
      Object.keys((bad.body as { errors: Record<string, Record<string, unknown>> }).errors["0"]!).sort(),
    ).toEqual(["key", "name", "type"]);
    expect((await send("GET", `/applications/1/role-connections/metadata`, bot(emu))).status).toBe(403);
  });

  it("user role connection: GET default, PUT then GET, unknown metadata keys rejected", async () => {
    const token = (await grant(emu, "role_connections.write")).access_token;
    const path = `/users/@me/applications/${emu.application.id}/role-connection`;
    expect((await send("GET", path, bearer(token))).body).toEqual({
      platform_name: null,
      platform_username: null,
      metadata: {},
    });
    const put = await send("PUT", path, bearer(token), {
      platform_name: "Appkit",
      platform_username: "arlo",
      metadata: { level: 12 },
    });
    expect(put.body).toEqual({
      platform_name: "Appkit",
      platform_username: "arlo",
      metadata: { level: "12" },
    });
    expect((await send("GET", path, bearer(token))).body).toEqual(put.body);
    const bad = await send("PUT", path, bearer(token), { metadata: { nope: "1" } });
    expect(bad.status).toBe(400);
    expect((await send("GET", `/users/@me/applications/1/role-connection`, bearer(token))).status).toBe(403);
  });
});

describe("paging with both cursors", () => {
  it("returns the first `limit` guilds strictly between after and before", async () => {
    const all = (await send("GET", "/users/@me/guilds", bearer(heavy))).body as Guild[];
    const between = (
      await send("GET", `/users/@me/guilds?after=${all[10]!.id}&before=${all[20]!.id}&limit=4`, bearer(heavy))
    ).body as Guild[];
    expect(ids(between)).toEqual(ids(all.slice(11, 15)));
  });
});
