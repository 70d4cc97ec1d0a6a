import { createHash, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import {
  BadRequestError,
  CloudflareBanError,
  ForbiddenError,
  NotFoundError,
  OAuth2Error,
  RateLimitTooLongError,
  UnauthorizedError,
} from "../../src/errors.js";
import type { OAuth2AuthorizationToken } from "../../src/models/oauth2.js";
import { ClientCredentialsStrategy } from "../../src/oauth2/client-credentials.js";
import { RESTApp, type RESTClient } from "../../src/rest/index.js";
import { compareSnowflakes } from "../../src/snowflakes.js";
import { SecretScan } from "./helpers.js";

const scan = new SecretScan();
const ALL_SCOPES = [
  "identify",
  "email",
  "connections",
  "guilds",
  "guilds.members.read",
  "guilds.join",
  "role_connections.write",
];

let emu: EmulatorHandle;
let app: RESTApp;
let bot: RESTClient;
let clientId: string;
let clientSecret: string;
let redirectUri: string;

/** Runs the consent step for `scopes` as user `userIndex` and exchanges the code. */
async function grant(
  scopes: string[] = ALL_SCOPES,
  userIndex = 0,
  pkce = false,
): Promise<OAuth2AuthorizationToken> {
  const url = new URL(emu.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: redirectUri,
    scope: scopes.join(" "),
    state: "state-1",
  }).toString();
  const verifier = pkce ? scan.secret(randomBytes(32).toString("base64url")) : undefined;
  if (verifier !== undefined) {
    url.searchParams.set("code_challenge", createHash("sha256").update(verifier).digest("base64url"));
    url.searchParams.set("code_challenge_method", "S256");
  }
  const redirect = await emu.authorize(url, { userId: emu.users[userIndex]!.id });
  const code = scan.secret(redirect.searchParams.get("code")!);
  const token = await app.acquire().authorizeAccessToken({
    clientId,
    code,
    redirectUri,
    ...(pkce ? { codeVerifier: verifier } : { clientSecret }),
  });
  scan.secret(token.accessToken);
  scan.secret(token.refreshToken);
  return token;
}

beforeAll(async () => {
  emu = await startEmulator({ seed: "rest-e2e" });
  app = new RESTApp({ apiUrl: emu.apiUrl, retryBackoffMs: 5 });
  clientId = emu.application.id;
  clientSecret = scan.secret(emu.application.clientSecret);
  redirectUri = emu.application.redirectUris[0]!;
  bot = app.acquire(scan.secret(emu.application.botToken), "Bot");
});

afterEach(() =>
  emu.configure({
    faults: [],
    latencyMs: 0,
    rateLimits: {
      perRoute: { limit: 50, windowMs: 1000 },
      global: { limit: 500, windowMs: 1000 },
      routes: {},
    },
  }),
);

afterAll(async () => {
  await emu.close();
  expect(scan.errorCount).toBeGreaterThan(8);
  expect(scan.leaks()).toEqual([]);
});

describe("bot endpoints", () => {
  it("fetches and edits the application", async () => {
    const application = await bot.fetchApplication();
    expect(application.id).toBe(clientId);
    expect(application.app).toBe(bot);
    const mine = await bot.fetchMyApplication();
    expect(mine.id).toBe(clientId);
    const edited = await bot.editApplication({ description: "Edited by the REST tests", tags: ["tests"] });
    expect(edited.description).toBe("Edited by the REST tests");
    expect(edited.tags).toEqual(["tests"]);
  });

  it("prints Discord's errors tree for an invalid edit", async () => {
    const error = await scan.error(bot.editApplication({ tags: ["x".repeat(21)] }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe(50035);
    expect((error as BadRequestError).message).toContain("tags.0:");
  });

  it("fetches a user", async () => {
    const user = await bot.fetchUser(emu.users[1]!.id);
    expect(user.id).toBe(emu.users[1]!.id);
    expect(user.username).toBe(emu.users[1]!.username);
    expect(await scan.error(bot.fetchUser("1"))).toBeInstanceOf(NotFoundError);
  });

  it("reads and replaces role-connection metadata records", async () => {
    const before = await bot.fetchApplicationRoleConnectionMetadataRecords(clientId);
    const record = bot.entityFactory.deserializeApplicationRoleConnectionMetadata({
      type: 7,
      key: "verified",
      name: "Verified",
      description: "Has a verified account",
    });
    const stored = await bot.setApplicationRoleConnectionMetadataRecords(clientId, [...before, record]);
    expect(stored.map((r) => r.key)).toEqual([...before.map((r) => r.key), "verified"]);
    expect((await bot.fetchApplicationRoleConnectionMetadataRecords(clientId)).map((r) => r.key)).toContain(
      "verified",
    );
  });
});

describe("OAuth2 token endpoints", () => {
  it("exchanges a code, reads the authorization, refreshes and revokes", async () => {
    const token = await grant();
    expect(token.scopes).toEqual(expect.arrayContaining(ALL_SCOPES));
    const user = app.acquire(token.accessToken);
    const info = await user.fetchAuthorization();
    expect(info.user?.id).toBe(emu.users[0]!.id);
    const refreshed = await app
      .acquire()
      .refreshAccessToken({ clientId, clientSecret, refreshToken: token.refreshToken });
    scan.secret(refreshed.accessToken);
    scan.secret(refreshed.refreshToken);
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    const reused = await scan.error(
      app.acquire().refreshAccessToken({ clientId, clientSecret, refreshToken: token.refreshToken }),
    );
    expect(reused).toMatchObject({ error: "invalid_grant" });
    await app
      .acquire()
      .revokeAccessToken({ clientId, clientSecret, token: refreshed, tokenTypeHint: "access_token" });
    expect(await scan.error(app.acquire(refreshed.accessToken).fetchMyUser())).toBeInstanceOf(
      UnauthorizedError,
    );
  });

  it("works with client credentials in the body", async () => {
    const token = await grant(["identify"]);
    const body = new RESTApp({ apiUrl: emu.apiUrl, clientAuthentication: "body" }).acquire();
    const refreshed = await body.refreshAccessToken({
      clientId,
      clientSecret,
      refreshToken: token.refreshToken,
      scopes: ["identify"],
    });
    scan.secret(refreshed.accessToken);
    scan.secret(refreshed.refreshToken);
    expect(refreshed.scopes).toEqual(["identify"]);
  });

  it("lets a public client use PKCE without a secret", async () => {
    const token = await grant(["identify"], 1, true);
    expect((await app.acquire(token.accessToken).fetchMyUser()).id).toBe(emu.users[1]!.id);
  });

  it("issues client-credentials tokens", async () => {
    const token = await app
      .acquire()
      .authorizeClientCredentialsToken({ clientId, clientSecret, scopes: ["identify"] });
    scan.secret(token.accessToken);
    expect(token.tokenType).toBe("Bearer");
    const me = await app.acquire(token.accessToken).fetchMyUser();
    expect(me.id).toBe(emu.application.ownerUserId);
  });

  it("drives a client from a TokenStrategy (ClientCredentialsStrategy)", async () => {
    const strategy = new ClientCredentialsStrategy({ clientId, clientSecret, scopes: ["identify"] });
    const client = app.acquire(strategy);
    expect(client.tokenType).toBe("Bearer");
    emu.clearRequests();
    const [a, b] = await Promise.all([client.fetchMyUser(), client.fetchMyUser()]);
    expect(a.id).toBe(emu.application.ownerUserId);
    expect(b.id).toBe(a.id);
    expect(emu.requests.filter((r) => r.grantType === "client_credentials")).toHaveLength(1);
  });

  it("rejects a wrong secret and a reused code with OAuth2Error", async () => {
    const wrong = scan.secret("definitely-not-the-secret");
    const error = await scan.error(
      app.acquire().authorizeClientCredentialsToken({ clientId, clientSecret: wrong, scopes: ["identify"] }),
    );
    expect(error).toBeInstanceOf(OAuth2Error);
    expect(error).toMatchObject({ error: "invalid_client", status: 401 });
    const url = new URL(emu.authorizeUrl);
    url.search = new URLSearchParams({
      client_id: clientId,
      response_type: "code",
      redirect_uri: redirectUri,
      scope: "identify",
    }).toString();
    const code = scan.secret((await emu.authorize(url)).searchParams.get("code")!);
    const first = await app.acquire().authorizeAccessToken({ clientId, clientSecret, code, redirectUri });
    scan.secret(first.accessToken);
    scan.secret(first.refreshToken);
    const again = await scan.error(
      app.acquire().authorizeAccessToken({ clientId, clientSecret, code, redirectUri }),
    );
    expect(again).toMatchObject({ error: "invalid_grant" });
  });
});

describe("bearer endpoints", () => {
  let user: RESTClient;
  beforeAll(async () => {
    user = app.acquire((await grant()).accessToken);
  });

  it("fetches the user and their connections", async () => {
    const me = await user.fetchMyUser();
    expect(me.id).toBe(emu.users[0]!.id);
    expect(await user.fetchMyConnections()).toHaveLength(emu.users[0]!.connectionCount);
  });

  it("pages through every guild oldest first and newest first", async () => {
    const ascending: string[] = [];
    for await (const guild of user.fetchMyGuilds()) ascending.push(guild.id);
    expect(ascending).toHaveLength(emu.users[0]!.guildCount);
    expect(new Set(ascending).size).toBe(ascending.length);
    expect([...ascending].sort(compareSnowflakes)).toEqual(ascending);
    const descending: string[] = [];
    for await (const guild of user.fetchMyGuilds({ newestFirst: true })) descending.push(guild.id);
    expect(descending).toEqual([...ascending].reverse());
    const pages = emu.requests.filter((r) => r.path.endsWith("/users/@me/guilds"));
    expect(pages.every((r) => r.query.limit === "200" && r.query.with_counts === "true")).toBe(true);
  });

  it("fetches its member object and sets its role connection", async () => {
    let first: string | undefined;
    for await (const guild of user.fetchMyGuilds()) {
      first = guild.id;
      break;
    }
    const member = await user.fetchMyMember(first!);
    expect(member.user.id).toBe(emu.users[0]!.id);
    expect(member.guildId).toBe(first);
    await user.setMyUserApplicationRoleConnection(clientId, {
      platformName: "Tests",
      platformUsername: "tester",
    });
    const connection = await user.fetchMyUserApplicationRoleConnection(clientId);
    expect(connection.platformName).toBe("Tests");
  });

  it("leaves a guild with a bot token (Discord allows bots only)", async () => {
    const before: string[] = [];
    for await (const guild of bot.fetchMyGuilds({ newestFirst: true })) before.push(guild.id);
    await bot.leaveGuild(before[0]!);
    const after: string[] = [];
    for await (const guild of bot.fetchMyGuilds({ newestFirst: true })) after.push(guild.id);
    expect(after).toEqual(before.slice(1));
  });

  it("adds a user to a guild with a bot token", async () => {
    const newcomer = await grant(["identify", "guilds.join"], 4);
    let guildId: string | undefined;
    for await (const guild of bot.fetchMyGuilds()) {
      guildId = guild.id;
      break;
    }
    const userId = emu.users[4]!.id;
    const member = await bot.addUserToGuild({
      guild: guildId!,
      user: userId,
      accessToken: newcomer,
      nick: "Newcomer",
    });
    expect(member?.user.id).toBe(userId);
    expect(member?.nickname).toBe("Newcomer");
    expect(await bot.addUserToGuild({ guild: guildId!, user: userId, accessToken: newcomer })).toBeNull();
  });

  it("reports a missing scope as ForbiddenError", async () => {
    const narrow = app.acquire((await grant(["identify"], 2)).accessToken);
    const error = await scan.error(narrow.fetchMyConnections());
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).code).toBe(50001);
  });
});

describe("rate limits and faults against the emulator", () => {
  it("queues many concurrent requests on one bucket without an unhandled 429", async () => {
    const user = app.acquire((await grant(["identify"], 1)).accessToken);
    emu.configure({ rateLimits: { perRoute: { limit: 3, windowMs: 300 } } });
    emu.clearRequests();
    const started = performance.now();
    const users = await Promise.all(Array.from({ length: 10 }, () => user.fetchMyUser()));
    expect(users.every((u) => u.id === emu.users[1]!.id)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 300 - 30);
    expect(emu.requests.filter((r) => r.status === 429)).toHaveLength(0);
  });

  it("keeps two tokens from slowing each other", async () => {
    const a = app.acquire((await grant(["identify"], 1)).accessToken);
    const b = app.acquire((await grant(["identify"], 2)).accessToken);
    emu.configure({ rateLimits: { perRoute: { limit: 1, windowMs: 400 } } });
    const finished: string[] = [];
    const many = Promise.all(Array.from({ length: 3 }, () => a.fetchMyUser())).then(() => finished.push("a"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const one = b.fetchMyUser().then(() => finished.push("b"));
    await Promise.all([many, one]);
    expect(finished).toEqual(["b", "a"]);
  });

  it("keeps other tokens working after a 401", async () => {
    const good = app.acquire((await grant(["identify"], 1)).accessToken);
    const bad = app.acquire(scan.secret("not-a-real-token"));
    for (let i = 0; i < 3; i++) {
      expect(await scan.error(bad.fetchMyUser())).toBeInstanceOf(UnauthorizedError);
      expect((await good.fetchMyUser()).id).toBe(emu.users[1]!.id);
    }
  });

  it("retries 5xx and dropped connections, and honours injected 429s", async () => {
    const user = app.acquire((await grant(["identify"], 1)).accessToken);
    emu.configure({ faults: [{ type: "status", status: 502 }, { type: "disconnect" }] });
    expect((await user.fetchMyUser()).id).toBe(emu.users[1]!.id);
    emu.configure({ faults: [{ type: "ratelimit", scope: "global", retryAfter: 0.2 }] });
    const started = performance.now();
    await user.fetchMyUser();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    emu.configure({ faults: [{ type: "ratelimit", scope: "user", retryAfter: 3600 }] });
    expect(await scan.error(user.fetchMyUser())).toBeInstanceOf(RateLimitTooLongError);
  });

  it("turns a Cloudflare page into CloudflareBanError", async () => {
    const user = app.acquire((await grant(["identify"], 3)).accessToken);
    emu.configure({ faults: [{ type: "cloudflare" }] });
    expect(await scan.error(user.fetchMyUser())).toBeInstanceOf(CloudflareBanError);
  });
});
