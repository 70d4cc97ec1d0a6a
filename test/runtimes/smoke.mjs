// The runtime smoke suite: exercises the built package's public API with no network. It uses only what
// every target runtime has (fetch types, WebCrypto, URL, TextEncoder), takes the imported package as an
// argument, and returns plain JSON results so each runtime's driver can print them.
import { createFixtureFetch } from "./fixture-fetch.mjs";
import { APPLICATION, AUTHORIZATION, CLIENT, GUILDS, TOKEN } from "./fixtures.mjs";

class CheckFailure extends Error {}

function assert(condition, message) {
  if (!condition) throw new CheckFailure(message);
}

function equal(actual, expected, what) {
  if (!Object.is(actual, expected)) {
    throw new CheckFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

function show(value) {
  if (typeof value === "bigint") return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function throws(fn, errorClass, what) {
  try {
    fn();
  } catch (error) {
    assert(
      error instanceof errorClass,
      `${what}: threw ${error?.name ?? typeof error}, not ${errorClass.name}`,
    );
    return error;
  }
  throw new CheckFailure(`${what}: did not throw`);
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function base64Url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function restApp(lib, fetch) {
  return new lib.RESTApp({ fetch });
}

/** Each check: a name (stable across runtimes) and an async body that throws on failure. */
const CHECKS = [
  [
    "deserialize application",
    (lib) => {
      const app = new lib.EntityFactory().deserializeApplication(APPLICATION);
      assert(app instanceof lib.Application, "result is an Application");
      equal(app.id, APPLICATION.id, "id");
      equal(app.name, "Baba O-Riley", "name");
      equal(app.description, "Test", "description");
      equal(app.isBotPublic, true, "isBotPublic");
      assert(app.publicKey instanceof Uint8Array, "publicKey is a Uint8Array");
      equal(hex(app.publicKey), APPLICATION.verify_key, "publicKey bytes");
      assert(app.createdAt instanceof Date, "createdAt is a Date");
      equal(app.createdAt.getTime(), lib.snowflakeToDate(APPLICATION.id).getTime(), "createdAt");
      const again = new lib.EntityFactory().deserializeApplication(JSON.parse(JSON.stringify(app)));
      assert(again.equals(app), "round trip through toJSON is equal");
      const [member] = APPLICATION.team.members;
      const broken = {
        ...APPLICATION,
        team: { ...APPLICATION.team, members: [{ ...member, user: { ...member.user, id: "not-an-id" } }] },
      };
      const error = throws(
        () => new lib.EntityFactory().deserializeApplication(broken),
        lib.DeserializationError,
        "bad member id",
      );
      equal(error.path, "$.team.members[0].user.id", "error path");
      assert(!error.message.includes("not-an-id"), "error does not echo the value");
    },
  ],
  [
    "team and owner",
    (lib) => {
      const { team } = new lib.EntityFactory().deserializeApplication(APPLICATION);
      assert(team instanceof lib.Team, "team is a Team");
      equal(team.name, "A team", "team name");
      equal(team.ownerId, "511972282709709995", "team ownerId");
      equal(team.members.size, 1, "member count");
      const member = team.members.get("511972282709709995");
      equal(member.membershipState, lib.TeamMembershipState.ACCEPTED, "membership state");
      equal(member.user.username, "Mr Owner", "member username");
      equal(team.owner?.user.id, "511972282709709995", "team owner");
    },
  ],
  [
    "flags",
    (lib) => {
      const { flags } = new lib.EntityFactory().deserializeApplication(APPLICATION);
      assert(flags instanceof lib.ApplicationFlags, "flags is ApplicationFlags");
      equal(flags.value, 8192n, "flags value");
      assert(flags.has(lib.ApplicationFlags.GUILD_PRESENCES_INTENT), "has GUILD_PRESENCES_INTENT");
      assert(!flags.has(lib.ApplicationFlags.EMBEDDED), "does not have EMBEDDED");
      const mixed = lib.ApplicationFlags.from(65537);
      equal(mixed.toString(), "VERIFICATION_PENDING_GUILD_LIMIT|0x1", "toString with an unknown bit");
      const high = lib.ApplicationFlags.from("4294975488");
      equal(high.value, (1n << 32n) | 8192n, "bit 32 survives");
      equal(JSON.stringify(high), '"4294975488"', "toJSON is a decimal string");
      const union = lib.ApplicationFlags.EMBEDDED.union(lib.ApplicationFlags.GATEWAY_PRESENCE);
      equal([...union].length, 2, "iteration yields set members");
      const perms = lib.Permissions.from("36953089");
      assert(perms instanceof lib.Permissions, "Permissions.from");
      assert(perms.has(lib.Permissions.CREATE_INSTANT_INVITE), "has CREATE_INSTANT_INVITE");
    },
  ],
  [
    "cdn urls",
    (lib) => {
      const app = new lib.EntityFactory().deserializeApplication(APPLICATION);
      equal(app.iconUrl, null, "iconUrl without an icon");
      const cover = app.makeCoverImageUrl({ ext: "webp", size: 512 });
      assert(cover instanceof lib.AssetUrl, "cover is an AssetUrl");
      equal(
        cover.url,
        "https://cdn.discordapp.com/app-icons/172150183260323840/31deabb7e45b6c8ecfef77d2f99c81a5.webp?size=512",
        "cover url",
      );
      equal(
        String(app.team.iconUrl),
        "https://cdn.discordapp.com/team-icons/531992624043786253/dd9b7dcfdf5351b9c3de0fe167bacbe1.png?size=4096",
        "team icon url",
      );
      throws(() => app.makeCoverImageUrl({ ext: "gif" }), TypeError, "gif cover");
      throws(() => app.makeCoverImageUrl({ size: 100 }), RangeError, "size 100");
    },
  ],
  [
    "deserialize token",
    (lib) => {
      const before = Date.now();
      const token = new lib.EntityFactory().deserializeAuthorizationToken(TOKEN);
      assert(token instanceof lib.OAuth2AuthorizationToken, "is an OAuth2AuthorizationToken");
      equal(token.accessToken, TOKEN.access_token, "accessToken");
      equal(token.refreshToken, TOKEN.refresh_token, "refreshToken");
      equal(token.tokenType, lib.TokenType.BEARER, "tokenType");
      equal(token.expiresIn, 604800, "expiresIn");
      equal(token.scopes.join(" "), "identify guilds", "scopes");
      assert(token.expiresAt.getTime() >= before + 604800_000, "expiresAt is a week away");
      assert(!String(token).includes(TOKEN.access_token), "toString hides the access token");
      assert(!String(token).includes(TOKEN.refresh_token), "toString hides the refresh token");
      const stored = JSON.parse(JSON.stringify(token));
      const restored = new lib.EntityFactory().deserializeAuthorizationToken(stored);
      equal(restored.expiresAt.getTime(), token.expiresAt.getTime(), "expiry survives storage");
    },
  ],
  [
    "deserialize authorization information",
    (lib) => {
      const info = new lib.EntityFactory().deserializeAuthorizationInformation(AUTHORIZATION);
      assert(info instanceof lib.AuthorizationInformation, "is an AuthorizationInformation");
      assert(info.application instanceof lib.AuthorizationApplication, "application");
      equal(info.application.name, "AIRHORN SOLUTIONS", "application name");
      equal(info.expiresAt.toISOString(), "2021-01-23T02:33:17.017Z", "expiresAt");
      equal(info.scopes.join(" "), "guilds.join identify", "scopes");
      equal(info.user?.globalName, "Discord", "user global name");
      assert(info.user?.flags?.has(lib.UserFlags.EARLY_VERIFIED_DEVELOPER), "user flags from public_flags");
    },
  ],
  [
    "deserialize guild page",
    (lib) => {
      const factory = new lib.EntityFactory();
      const guilds = GUILDS.map((raw) => factory.deserializeOwnGuild(raw));
      equal(guilds.length, 5, "guild count");
      const [first] = guilds;
      assert(first instanceof lib.OwnGuild, "is an OwnGuild");
      equal(first.name, "1337 Krew", "name");
      equal(first.isOwner, true, "isOwner");
      assert(first.myPermissions instanceof lib.Permissions, "myPermissions is Permissions");
      equal(first.myPermissions.value, 36953089n, "myPermissions value");
      assert(first.features.includes("COMMUNITY"), "features");
      equal(first.approximateMemberCount, 3268, "approximateMemberCount");
      equal(
        first.iconUrl?.url,
        "https://cdn.discordapp.com/icons/80351110224678912/8342729096ea3675442027381ff50dfe.png?size=4096",
        "icon url",
      );
      equal(guilds[2].myPermissions.has(lib.Permissions.ADMINISTRATOR), true, "ADMINISTRATOR bit");
    },
  ],
  [
    "getTokenId",
    (lib) => {
      equal(lib.getTokenId("MTE1NTkwMDk3MTAwODY1NTQx.x.y"), "115590097100865541", "token id");
      equal(lib.getTokenId(CLIENT.botToken), CLIENT.id, "fixture bot token id");
      const error = throws(() => lib.getTokenId("not base64!.x.y"), Error, "junk token");
      assert(!error.message.includes("not base64"), "error does not echo the token");
    },
  ],
  [
    "buildAuthorizationUrl",
    (lib) => {
      const built = lib.buildAuthorizationUrl({
        clientId: CLIENT.id,
        redirectUri: CLIENT.redirectUri,
        scopes: [lib.OAuth2Scope.IDENTIFY, lib.OAuth2Scope.GUILDS],
        state: "st@te/1",
        codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        prompt: "none",
      });
      const url = new URL(String(built));
      equal(url.origin + url.pathname, "https://discord.com/oauth2/authorize", "base URL");
      equal(url.searchParams.get("client_id"), CLIENT.id, "client_id");
      equal(url.searchParams.get("redirect_uri"), CLIENT.redirectUri, "redirect_uri");
      equal(url.searchParams.get("response_type"), "code", "response_type");
      equal(url.searchParams.get("scope"), "identify guilds", "scope");
      equal(url.searchParams.get("state"), "st@te/1", "state");
      equal(url.searchParams.get("code_challenge_method"), "S256", "code_challenge_method");
      equal(url.searchParams.get("prompt"), "none", "prompt");
      const custom = new URL(
        String(
          lib.buildAuthorizationUrl({
            clientId: CLIENT.id,
            scopes: ["identify"],
            authorizeUrl: "http://127.0.0.1:9/oauth2/authorize",
          }),
        ),
      );
      equal(custom.host, "127.0.0.1:9", "authorizeUrl option");
    },
  ],
  [
    "createPkcePair",
    async (lib) => {
      const pair = await lib.createPkcePair();
      assert(/^[A-Za-z0-9._~-]{43,128}$/.test(pair.verifier), "verifier length and alphabet");
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(pair.verifier));
      equal(pair.challenge, base64Url(new Uint8Array(digest)), "challenge is S256 of the verifier");
      equal(pair.method, "S256", "method");
      const other = await lib.createPkcePair();
      assert(other.verifier !== pair.verifier, "verifiers are random");
    },
  ],
  [
    "parseAuthorizationCallback",
    (lib) => {
      const result = lib.parseAuthorizationCallback(`${CLIENT.redirectUri}?code=abc&state=xyz`, {
        expectedState: "xyz",
      });
      equal(result.code, "abc", "code");
      throws(
        () =>
          lib.parseAuthorizationCallback(`${CLIENT.redirectUri}?code=abc&state=evil`, {
            expectedState: "xyz",
          }),
        lib.OAuth2StateMismatchError,
        "state mismatch",
      );
      throws(
        () =>
          lib.parseAuthorizationCallback(`${CLIENT.redirectUri}?error=access_denied&state=xyz`, {
            expectedState: "xyz",
          }),
        lib.OAuth2AuthorizationError,
        "access_denied",
      );
    },
  ],
  [
    "verifyInteractionSignature",
    async (lib) => {
      const keys = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
      const publicKey = new Uint8Array(await crypto.subtle.exportKey("raw", keys.publicKey));
      const timestamp = String(Math.floor(Date.now() / 1000));
      const body = '{"type":1}';
      const signed = new TextEncoder().encode(timestamp + body);
      const signature = hex(
        new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, keys.privateKey, signed)),
      );
      const verify = (overrides) =>
        lib.verifyInteractionSignature({
          publicKey: hex(publicKey),
          signature,
          timestamp,
          body,
          ...overrides,
        });
      equal(await verify({}), true, "valid signature");
      equal(await verify({ publicKey }), true, "valid signature with a byte key");
      equal(await verify({ body: '{"type":2}' }), false, "tampered body");
      equal(await verify({ timestamp: String(Number(timestamp) + 1) }), false, "tampered timestamp");
      equal(await verify({ signature: "00".repeat(64) }), false, "zero signature");
      equal(await verify({ signature: "zz" }), false, "junk signature");
    },
  ],
  [
    "rest: fetchApplication",
    async (lib) => {
      const { fetch, requests } = createFixtureFetch();
      const client = restApp(lib, fetch).acquire(CLIENT.botToken, lib.TokenType.BOT);
      const app = await client.fetchApplication();
      assert(app instanceof lib.Application, "resolves to an Application");
      equal(app.id, APPLICATION.id, "id");
      equal(app.team?.name, "A team", "team");
      assert(app.app === client, "the model carries the client that built it");
      equal(requests.length, 1, "one request");
      const [request] = requests;
      equal(request.method, "GET", "method");
      assert(/\/api\/v10\/(oauth2\/)?applications\/@me$/.test(request.url), `path ${request.url}`);
      assert(
        /^DiscordBot \(https:\/\/www\.npmjs\.com\/package\/discord-appkit, /.test(
          request.headers.get("user-agent") ?? "",
        ),
        "user agent",
      );
      const anonymous = restApp(lib, fetch).acquire("wrong", lib.TokenType.BOT);
      let rejected = null;
      try {
        await anonymous.fetchApplication();
      } catch (error) {
        rejected = error;
      }
      assert(rejected instanceof lib.UnauthorizedError, `bad token gives UnauthorizedError, got ${rejected}`);
      assert(!String(rejected?.message).includes("wrong"), "error does not echo the token");
    },
  ],
  [
    "rest: code exchange",
    async (lib) => {
      const { fetch, requests } = createFixtureFetch();
      const client = restApp(lib, fetch).acquire();
      const token = await client.authorizeAccessToken({
        clientId: CLIENT.id,
        clientSecret: CLIENT.secret,
        code: CLIENT.code,
        redirectUri: CLIENT.redirectUri,
      });
      assert(token instanceof lib.OAuth2AuthorizationToken, "resolves to an OAuth2AuthorizationToken");
      equal(token.accessToken, TOKEN.access_token, "access token");
      equal(requests.length, 1, "one request");
      equal(requests[0].method, "POST", "method");
      assert(requests[0].url.endsWith("/api/v10/oauth2/token"), `token URL ${requests[0].url}`);
      let rejected = null;
      try {
        await client.authorizeAccessToken({
          clientId: CLIENT.id,
          clientSecret: CLIENT.secret,
          code: "stale-code",
          redirectUri: CLIENT.redirectUri,
        });
      } catch (error) {
        rejected = error;
      }
      assert(rejected instanceof lib.OAuth2Error, `invalid_grant gives OAuth2Error, got ${rejected}`);
      assert(!String(rejected?.message).includes(CLIENT.secret), "error does not echo the client secret");
    },
  ],
  [
    "rest: guild paging",
    async (lib) => {
      const { fetch, requests } = createFixtureFetch();
      const client = restApp(lib, fetch).acquire(TOKEN.access_token, lib.TokenType.BEARER);
      const all = await collect(client.fetchMyGuilds());
      equal(all.map((g) => g.id).join(","), GUILDS.map((g) => g.id).join(","), "every guild, oldest first");
      assert(
        all.every((g) => g instanceof lib.OwnGuild),
        "items are OwnGuild",
      );
      equal(requests.length, 4, "pages of at most two: 2 + 2 + 1, then an empty page");
      const first = new URL(requests[0].url);
      equal(first.pathname, "/api/v10/users/@me/guilds", "path");
      equal(first.searchParams.get("after"), "0", "first page starts at the oldest possible ID");
      equal(requests[0].headers.get("authorization"), `Bearer ${TOKEN.access_token}`, "bearer token sent");
      const second = new URL(requests[1].url);
      equal(second.searchParams.get("after"), GUILDS[1].id, "second page starts after the last ID seen");
      const newest = await collect(client.fetchMyGuilds({ newestFirst: true }));
      equal(
        newest.map((g) => g.id).join(","),
        [...GUILDS]
          .reverse()
          .map((g) => g.id)
          .join(","),
        "newest first",
      );
    },
  ],
];

/** The check names, in order; every runtime must report each of them. */
export const CHECK_NAMES = CHECKS.map(([name]) => name);

/**
 * Runs every check against `lib` (the imported package) and returns `[{ name, ok, error? }]`.
 * A check that throws fails with the error's name and message; the suite itself never throws.
 */
export async function runSmoke(lib) {
  const results = [];
  for (const [name, body] of CHECKS) {
    try {
      await body(lib);
      results.push({ name, ok: true });
    } catch (error) {
      const message =
        error instanceof CheckFailure
          ? error.message
          : `${error?.name ?? "Error"}: ${error?.message ?? error}`;
      results.push({ name, ok: false, error: message });
    }
  }
  return results;
}
