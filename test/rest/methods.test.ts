import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeserializationError } from "../../src/errors.js";
import { ApplicationRoleConnectionMetadata } from "../../src/models/role-connections.js";
import { RESTApp, type RESTClient, ROUTES, VERSION } from "../../src/rest/index.js";
import { dateToSnowflake } from "../../src/snowflakes.js";
import { type Received, SecretScan, sendEmpty, sendJson, startServer, type TestServer } from "./helpers.js";

const SAMPLES = fileURLToPath(new URL("../fixtures/discord-samples", import.meta.url));
const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${SAMPLES}/${name}`, "utf8"));

const scan = new SecretScan();
const BEARER = scan.secret("bearer-CZhtkLDpNYXgPH9Ml6shqh2OwykChw");
const BOT = scan.secret("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs");
const USER_ACCESS = scan.secret("user-access-token-for-guilds-join");

const APPLICATION: Record<string, unknown> = {
  ...sample("application.json"),
  verify_key: "1e0a356058d627ca38a5c8c9648818061d49e49bd9da9e3ab17d98ad4d6ba2b8",
};
const USER = sample("user.json");
const MEMBER = { ...sample("guild-member.json"), user: USER };
const GUILD_TEMPLATE = sample("partial-guild.json");
const GUILD_IDS = Array.from({ length: 450 }, (_, i) =>
  (100_000_000_000_000_000n + BigInt(i) * 4_194_304n).toString(),
);
const ROLE_CONNECTION = { platform_name: "Example", platform_username: "someone", metadata: { level: "7" } };
const METADATA_RECORD = {
  type: 2,
  key: "level",
  name: "Level",
  description: "Level at least",
  name_localizations: { fr: "Niveau" },
};
const APP_ID = "172150183260323840";
const GUILD_ID = "290926798626357999";

/** Pages of guilds below/above a cursor, always in ascending id order as Discord sends them. */
function guildPage(query: URLSearchParams, firstPageShort: boolean): unknown[] {
  const limit = Number(query.get("limit") ?? 200);
  const after = query.get("after");
  const before = query.get("before");
  let ids: string[];
  if (before !== null) {
    const below = GUILD_IDS.filter((id) => BigInt(id) < BigInt(before));
    ids = below.slice(Math.max(0, below.length - limit));
  } else {
    const cursor = BigInt(after ?? "0");
    ids = GUILD_IDS.filter((id) => BigInt(id) > cursor).slice(
      0,
      cursor === 0n && firstPageShort ? 199 : limit,
    );
  }
  return ids.map((id, i) => ({ ...GUILD_TEMPLATE, id, name: `Guild ${i}` }));
}

let server: TestServer;
let shortFirstPage = false;
let app: RESTApp;
let bearer: RESTClient;
let bot: RESTClient;
const all: Received[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    all.push(req);
    const p = req.path.replace(/^\/api\/v10/, "");
    const route = `${req.method} ${p}`;
    if (
      route === "GET /oauth2/applications/@me" ||
      route === "GET /applications/@me" ||
      route === "PATCH /applications/@me"
    ) {
      return sendJson(res, 200, APPLICATION);
    }
    if (route === "GET /oauth2/@me") return sendJson(res, 200, sample("current-authorization.json"));
    if (route === "GET /users/@me") return sendJson(res, 200, USER);
    if (route === "GET /users/@me/connections")
      return sendJson(res, 200, [sample("connection-userdoccers.json")]);
    if (route === "GET /users/@me/guilds") return sendJson(res, 200, guildPage(req.query, shortFirstPage));
    if (route === `GET /users/@me/guilds/${GUILD_ID}/member`) return sendJson(res, 200, MEMBER);
    if (route === `DELETE /users/@me/guilds/${GUILD_ID}`) return sendEmpty(res);
    if (/^GET \/users\/\d+$/.test(route)) return sendJson(res, 200, { ...USER, id: p.split("/")[2] });
    if (route.startsWith(`PUT /guilds/${GUILD_ID}/members/`)) {
      return p.endsWith("/1") ? sendEmpty(res) : sendJson(res, 201, MEMBER);
    }
    if (p === `/users/@me/applications/${APP_ID}/role-connection`) return sendJson(res, 200, ROLE_CONNECTION);
    if (p === `/applications/${APP_ID}/role-connections/metadata`)
      return sendJson(res, 200, [METADATA_RECORD]);
    sendJson(res, 404, { message: "404: Not Found", code: 0 });
  });
  app = new RESTApp({ apiUrl: server.apiUrl });
  bearer = app.acquire(BEARER, "Bearer");
  bot = app.acquire(BOT, "Bot");
});

afterAll(async () => {
  await server.close();
  expect(scan.leaks()).toEqual([]);
});

function last(): Received {
  return server.requests[server.requests.length - 1]!;
}

describe("RESTApp and RESTClient", () => {
  it("sends the user agent and the token with its scheme", async () => {
    await bearer.fetchMyUser();
    expect(last().headers["user-agent"]).toBe(
      `DiscordBot (https://www.npmjs.com/package/discord-appkit, ${VERSION})`,
    );
    expect(last().headers.authorization).toBe(`Bearer ${BEARER}`);
    await bot.fetchMyUser();
    expect(last().headers.authorization).toBe(`Bot ${BOT}`);
    await app.acquire(`  ${BOT}  `, "bot").fetchMyUser();
    expect(last().headers.authorization).toBe(`Bot ${BOT}`);
  });

  it("matches package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });

  it("never shows the token", () => {
    for (const client of [bearer, bot]) {
      const shown = [
        String(client),
        inspect(client, { depth: 5, showHidden: true }),
        JSON.stringify(client),
      ].join("\n");
      expect(shown).not.toContain(client === bot ? BOT : BEARER);
    }
    expect(String(bot)).toBe("RESTClient(Bot)");
    expect(JSON.stringify(bearer)).toBe('{"tokenType":"Bearer"}');
  });

  it("is the RESTAware of the models it builds", async () => {
    expect(bearer.rest).toBe(bearer);
    const user = await bearer.fetchMyUser();
    expect(user.app).toBe(bearer);
  });

  it("checks acquire's arguments", () => {
    expect(() => app.acquire("")).toThrow(TypeError);
    const strategy = { tokenType: "Bearer", acquire: async () => "x", invalidate: () => undefined };
    expect(() => Reflect.apply(app.acquire, app, [strategy, "Bot"])).toThrow(TypeError);
    expect(() => new RESTApp({ maxRetries: 11 })).toThrow(RangeError);
    expect(() => new RESTApp({ apiUrl: "ftp://x" })).toThrow(TypeError);
    expect(app.acquire().tokenType).toBeNull();
    expect(app.acquire("x").tokenType).toBe("Bearer");
  });

  it("uses an injected fetch", async () => {
    const seen: string[] = [];
    const custom = new RESTApp({
      apiUrl: server.apiUrl,
      fetch: (input, init) => {
        seen.push(`${init.method} ${input}`);
        return fetch(input, init);
      },
    });
    await custom.acquire(BEARER).fetchMyUser();
    expect(seen).toEqual([`GET ${server.apiUrl}/users/@me`]);
  });
});

describe("application endpoints", () => {
  it("fetchApplication reads /oauth2/applications/@me", async () => {
    const application = await bot.fetchApplication();
    expect(last().method).toBe("GET");
    expect(last().path).toBe("/api/v10/oauth2/applications/@me");
    expect(application.id).toBe(APPLICATION.id);
    expect(application.app).toBe(bot);
  });

  it("fetchMyApplication reads /applications/@me", async () => {
    const application = await bot.fetchMyApplication();
    expect(`${last().method} ${last().path}`).toBe("GET /api/v10/applications/@me");
    expect(application.name).toBe(APPLICATION.name);
  });

  it("editApplication sends only the given fields, in hikari's order", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await bot.editApplication({
      description: "new description",
      customInstallUrl: "https://example.com/install",
      roleConnectionsVerificationUrl: "https://example.com/verify",
      flags: 32768n,
      interactionsEndpointUrl: "https://example.com/interactions",
      tags: ["shiny", "tags"],
      eventWebhooksUrl: "https://example.com/events",
      eventWebhooksStatus: 2,
      eventWebhooksTypes: ["APPLICATION_AUTHORIZED"],
      installParameters: { scopes: ["applications.commands", "bot"], permissions: 8n },
      integrationTypesConfig: new Map([
        [0, { oauth2InstallParameters: { scopes: ["bot"], permissions: 8 } }],
        [1, { oauth2InstallParameters: null }],
      ]),
      icon: png,
      coverImage: "data:image/png;base64,AAAA",
    });
    expect(`${last().method} ${last().path}`).toBe("PATCH /api/v10/applications/@me");
    expect(last().headers["content-type"]).toBe("application/json");
    expect(last().body).toBe(
      '{"description":"new description","custom_install_url":"https://example.com/install","role_connections_verification_url":"https://example.com/verify","flags":32768,"interactions_endpoint_url":"https://example.com/interactions","tags":["shiny","tags"],"event_webhooks_url":"https://example.com/events","event_webhooks_status":2,"event_webhooks_types":["APPLICATION_AUTHORIZED"],"install_params":{"scopes":["applications.commands","bot"],"permissions":8},"integration_types_config":{"0":{"oauth2_install_params":{"scopes":["bot"],"permissions":8}},"1":{}},"icon":"data:image/png;base64,iVBORw0KGgo=","cover_image":"data:image/png;base64,AAAA"}',
    );
    await bot.editApplication({ icon: null, coverImage: null });
    expect(last().body).toBe('{"icon":null,"cover_image":null}');
    await bot.editApplication();
    expect(last().body).toBe("{}");
  });

  it("editApplication accepts the application's own install parameters and rejects bad images", async () => {
    const application = await bot.fetchApplication();
    const guildInstall = application.integrationTypesConfig.get(0)!.oauth2InstallParameters!;
    await bot.editApplication({
      installParameters: guildInstall,
      integrationTypesConfig: application.integrationTypesConfig,
    });
    expect(JSON.parse(last().body)).toEqual({
      install_params: { scopes: ["applications.commands", "bot"], permissions: 2048 },
      integration_types_config: {
        "0": { oauth2_install_params: { scopes: ["applications.commands", "bot"], permissions: 2048 } },
        "1": { oauth2_install_params: { scopes: ["applications.commands"], permissions: 0 } },
      },
    });
    await expect(bot.editApplication({ icon: new Uint8Array([1, 2, 3]) })).rejects.toThrow(TypeError);
    await expect(bot.editApplication({ icon: "https://example.com/a.png" })).rejects.toThrow(TypeError);
  });

  it("fetchAuthorization reads /oauth2/@me", async () => {
    const info = await bearer.fetchAuthorization();
    expect(`${last().method} ${last().path}`).toBe("GET /api/v10/oauth2/@me");
    expect(info.scopes.length).toBeGreaterThan(0);
  });
});

describe("user endpoints", () => {
  it("fetchMyUser and fetchUser", async () => {
    const me = await bearer.fetchMyUser();
    expect(`${last().method} ${last().path}`).toBe("GET /api/v10/users/@me");
    expect(me.id).toBe(USER.id);
    const other = await bot.fetchUser("41771983423143937");
    expect(`${last().method} ${last().path}`).toBe("GET /api/v10/users/41771983423143937");
    expect(other.id).toBe("41771983423143937");
    await bot.fetchUser({ id: "41771983423143936" });
    expect(last().path).toBe("/api/v10/users/41771983423143936");
    await expect(bot.fetchUser("../guilds/1")).rejects.toThrow(TypeError);
  });

  it("fetchMyConnections", async () => {
    const connections = await bearer.fetchMyConnections();
    expect(`${last().method} ${last().path}`).toBe("GET /api/v10/users/@me/connections");
    expect(connections).toHaveLength(1);
    expect(connections[0]!.id).toBe("run&hide");
  });

  it("fetchMyMember and leaveGuild", async () => {
    const member = await bearer.fetchMyMember(GUILD_ID);
    expect(`${last().method} ${last().path}`).toBe(`GET /api/v10/users/@me/guilds/${GUILD_ID}/member`);
    expect(member.guildId).toBe(GUILD_ID);
    expect(member.nickname).toBe("NOT API SUPPORT");
    await expect(bearer.leaveGuild(GUILD_ID)).resolves.toBeUndefined();
    expect(`${last().method} ${last().path}`).toBe(`DELETE /api/v10/users/@me/guilds/${GUILD_ID}`);
  });

  it("addUserToGuild needs a bot token and returns the member, or null when already a member", async () => {
    await expect(
      bearer.addUserToGuild({ guild: GUILD_ID, user: "2", accessToken: USER_ACCESS }),
    ).rejects.toThrow(TypeError);
    const member = await bot.addUserToGuild({
      guild: GUILD_ID,
      user: "80351110224678912",
      accessToken: { accessToken: USER_ACCESS },
      nick: "nick",
      mute: false,
      deaf: true,
      roles: ["41771983423143936", { id: "41771983423143937" }],
    });
    expect(`${last().method} ${last().path}`).toBe(
      `PUT /api/v10/guilds/${GUILD_ID}/members/80351110224678912`,
    );
    expect(last().body).toBe(
      `{"access_token":"${USER_ACCESS}","nick":"nick","mute":false,"deaf":true,"roles":["41771983423143936","41771983423143937"]}`,
    );
    expect(member?.guildId).toBe(GUILD_ID);
    expect(await bot.addUserToGuild({ guild: GUILD_ID, user: "1", accessToken: USER_ACCESS })).toBeNull();
    expect(last().body).toBe(`{"access_token":"${USER_ACCESS}"}`);
  });
});

describe("fetchMyGuilds", () => {
  it("is lazy", () => {
    const before = server.requests.length;
    bearer.fetchMyGuilds();
    expect(server.requests.length).toBe(before);
  });

  it("pages oldest first with after=, limit=200 and with_counts, until an empty page", async () => {
    const before = server.requests.length;
    const ids: string[] = [];
    for await (const guild of bearer.fetchMyGuilds()) ids.push(guild.id);
    expect(ids).toEqual(GUILD_IDS);
    const pages = server.requests.slice(before);
    expect(pages.map((r) => r.query.get("after"))).toEqual([
      "0",
      GUILD_IDS[199],
      GUILD_IDS[399],
      GUILD_IDS[449],
    ]);
    for (const page of pages) {
      expect(page.query.get("limit")).toBe("200");
      expect(page.query.get("with_counts")).toBe("true");
    }
  });

  it("pages newest first with before=", async () => {
    const before = server.requests.length;
    const ids: string[] = [];
    for await (const guild of bearer.fetchMyGuilds({ newestFirst: true, withCounts: false }))
      ids.push(guild.id);
    expect(ids).toEqual([...GUILD_IDS].reverse());
    const pages = server.requests.slice(before);
    expect(pages.map((r) => r.query.get("before"))).toEqual([
      "9223372036854775807",
      GUILD_IDS[250],
      GUILD_IDS[50],
      GUILD_IDS[0],
    ]);
    expect(pages[0]!.query.has("with_counts")).toBe(false);
  });

  it("does not stop at a short page", async () => {
    shortFirstPage = true;
    try {
      let count = 0;
      for await (const _ of bearer.fetchMyGuilds()) count++;
      expect(count).toBe(450);
    } finally {
      shortFirstPage = false;
    }
  });

  it("starts at a guild, an id or a date, and stops when the caller breaks", async () => {
    const before = server.requests.length;
    for await (const guild of bearer.fetchMyGuilds({ startAt: { id: GUILD_IDS[10]! } })) {
      expect(guild.id).toBe(GUILD_IDS[11]);
      break;
    }
    const date = new Date("2020-07-23T07:18:11.554Z");
    for await (const _ of bearer.fetchMyGuilds({ startAt: date, newestFirst: true })) break;
    const pages = server.requests.slice(before);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.query.get("after")).toBe(GUILD_IDS[10]);
    expect(pages[1]!.query.get("before")).toBe(dateToSnowflake(date));
  });
});

describe("role connections", () => {
  it("fetches and sets the user's role connection", async () => {
    const connection = await bearer.fetchMyUserApplicationRoleConnection(APP_ID);
    expect(`${last().method} ${last().path}`).toBe(
      `GET /api/v10/users/@me/applications/${APP_ID}/role-connection`,
    );
    expect(connection.platformName).toBe("Example");
    expect(connection.metadata.get("level")).toBe("7");
    await bearer.setMyUserApplicationRoleConnection(APP_ID, {
      platformName: "Example",
      platformUsername: null,
      metadata: {
        verified: true,
        banned: false,
        level: 7,
        since: new Date("2024-01-02T03:04:05.000Z"),
        name: "x",
      },
    });
    expect(`${last().method} ${last().path}`).toBe(
      `PUT /api/v10/users/@me/applications/${APP_ID}/role-connection`,
    );
    expect(JSON.parse(last().body)).toEqual({
      platform_name: "Example",
      platform_username: null,
      metadata: { verified: "1", banned: "0", level: "7", since: "2024-01-02T03:04:05.000Z", name: "x" },
    });
  });

  it("fetches and replaces the application's metadata records", async () => {
    const records = await bot.fetchApplicationRoleConnectionMetadataRecords(APP_ID);
    expect(`${last().method} ${last().path}`).toBe(
      `GET /api/v10/applications/${APP_ID}/role-connections/metadata`,
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toBeInstanceOf(ApplicationRoleConnectionMetadata);
    const stored = await bot.setApplicationRoleConnectionMetadataRecords(APP_ID, records);
    expect(`${last().method} ${last().path}`).toBe(
      `PUT /api/v10/applications/${APP_ID}/role-connections/metadata`,
    );
    const sent = JSON.parse(last().body) as unknown[];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject(METADATA_RECORD);
    expect(stored[0]!.key).toBe("level");
  });
});

describe("payloads that do not fit", () => {
  it("surface as DeserializationError with a path", async () => {
    const raw = new RESTApp({
      apiUrl: server.apiUrl,
      fetch: async () => new Response('{"id": 5}', { headers: { "content-type": "application/json" } }),
    });
    const bad = await scan.error(raw.acquire(BEARER).fetchMyUser());
    expect(bad).toBeInstanceOf(DeserializationError);
    const list = await scan.error(raw.acquire(BEARER).fetchMyConnections());
    expect(list).toMatchObject({ path: "$", expected: "array", received: "object" });
  });
});

describe("OpenAPI", () => {
  const spec = JSON.parse(
    readFileSync(fileURLToPath(new URL("../fixtures/discord-openapi.json", import.meta.url)), "utf8"),
  ) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  };
  const templates = Object.keys(spec.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));

  it("has every route of the route table except the token endpoints, which the spec leaves out", () => {
    for (const route of Object.values(ROUTES)) {
      if (route.tokenEndpoint) {
        expect(spec.paths[route.template]).toBeUndefined();
        continue;
      }
      expect(
        spec.paths[route.template]?.[route.method.toLowerCase()],
        `${route.method} ${route.template}`,
      ).toBeDefined();
    }
  });

  it("has every route the tests sent, with its method and query parameters", () => {
    expect(all.length).toBeGreaterThan(20);
    const checked = new Set<string>();
    for (const request of all) {
      const path = request.path.replace(/^\/api\/v10/, "");
      const matches = templates.filter((t) => t.pattern.test(path));
      const placeholders = (template: string): number => template.split("{").length;
      const exact = matches.sort((a, b) => placeholders(a.template) - placeholders(b.template))[0];
      expect(exact, `${request.method} ${path}`).toBeDefined();
      const operation = spec.paths[exact!.template]![request.method.toLowerCase()];
      expect(operation, `${request.method} ${exact!.template}`).toBeDefined();
      const allowed = new Set(
        (operation!.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      );
      for (const name of request.query.keys())
        expect(allowed.has(name), `${name} on ${exact!.template}`).toBe(true);
      checked.add(`${request.method} ${exact!.template}`);
    }
    expect(checked.size).toBe(15);
  });
});
