// Deterministic, seeded payloads shaped like Discord's responses (discord-openapi.json schemas:
// PrivateApplicationResponse, MyGuildResponse, ConnectedAccountResponse, OAuth2GetAuthorizationResponse,
// and the documented token response). Same seed, same bytes, every run.

const DISCORD_EPOCH = 1420070400000n;

/** Small, fast, seeded PRNG (mulberry32). Returns floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tools(seed) {
  const r = rng(seed);
  const int = (min, max) => min + Math.floor(r() * (max - min + 1));
  const pick = (list) => list[Math.floor(r() * list.length)];
  const chance = (p) => r() < p;
  const hex = (n) => {
    let s = "";
    for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(r() * 16)];
    return s;
  };
  const hash = (animatedChance = 0) => (chance(animatedChance) ? "a_" : "") + hex(32);
  const snowflake = () => {
    const ms = BigInt(int(Date.UTC(2015, 5, 1), Date.UTC(2026, 5, 1))) - DISCORD_EPOCH;
    return ((ms << 22n) | BigInt(int(0, 0x3fffff))).toString();
  };
  const bits = (count, maxBit) => {
    let v = 0n;
    for (let i = 0; i < count; i++) v |= 1n << BigInt(int(0, maxBit));
    return v;
  };
  const subset = (list, min, max) => {
    const n = int(min, max);
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
    return out;
  };
  const words = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(pick(WORDS));
    return out.join(" ");
  };
  return { r, int, pick, chance, hex, hash, snowflake, bits, subset, words };
}

const WORDS = [
  "crimson",
  "lantern",
  "harbor",
  "pixel",
  "quartz",
  "ember",
  "nimbus",
  "orbit",
  "maple",
  "cobalt",
  "falcon",
  "delta",
  "summit",
  "willow",
  "echo",
  "glacier",
  "meadow",
  "tango",
  "vortex",
  "saffron",
  "atlas",
  "breeze",
  "cipher",
  "dune",
  "fable",
  "grove",
  "halo",
  "iris",
  "jade",
  "koi",
];
const GUILD_FEATURES = [
  "ANIMATED_BANNER",
  "ANIMATED_ICON",
  "APPLICATION_COMMAND_PERMISSIONS_V2",
  "AUTO_MODERATION",
  "BANNER",
  "COMMUNITY",
  "CREATOR_MONETIZABLE_PROVISIONAL",
  "CREATOR_STORE_PAGE",
  "DEVELOPER_SUPPORT_SERVER",
  "DISCOVERABLE",
  "FEATURABLE",
  "INVITES_DISABLED",
  "INVITE_SPLASH",
  "MEMBER_VERIFICATION_GATE_ENABLED",
  "MORE_STICKERS",
  "NEWS",
  "PARTNERED",
  "PREVIEW_ENABLED",
  "RAID_ALERTS_DISABLED",
  "ROLE_ICONS",
  "ROLE_SUBSCRIPTIONS_AVAILABLE_FOR_PURCHASE",
  "ROLE_SUBSCRIPTIONS_ENABLED",
  "TICKETED_EVENTS_ENABLED",
  "VANITY_URL",
  "VERIFIED",
  "VIP_REGIONS",
  "WELCOME_SCREEN_ENABLED",
];
const PROVIDERS = [
  "github",
  "steam",
  "twitch",
  "youtube",
  "spotify",
  "reddit",
  "xbox",
  "battlenet",
  "bluesky",
];
const PALETTES = ["crimson", "berry", "sky", "teal", "forest", "bubble_gum", "violet", "cobalt", "clover"];

function user(t, { bot = false, rich = true } = {}) {
  const name = t.words(1) + t.int(1, 9999);
  const u = {
    id: t.snowflake(),
    username: name,
    avatar: t.chance(0.85) ? t.hash(0.2) : null,
    discriminator: bot ? String(t.int(1, 9999)).padStart(4, "0") : "0",
    public_flags: Number(t.bits(2, 22) & 0x7fffffffn),
    flags: Number(t.bits(2, 22) & 0x7fffffffn),
    banner: t.chance(0.4) ? t.hash(0.3) : null,
    accent_color: t.chance(0.5) ? t.int(0, 0xffffff) : null,
    global_name: bot ? null : t.words(2),
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
  if (bot) u.bot = true;
  if (rich && t.chance(0.5)) u.avatar_decoration_data = { asset: t.hash(0.5), sku_id: t.snowflake() };
  if (rich && t.chance(0.4)) {
    u.collectibles = {
      nameplate: {
        sku_id: t.snowflake(),
        asset: `nameplates/nameplates/${t.words(1)}/`,
        label: "",
        palette: t.pick(PALETTES),
      },
    };
  }
  if (rich && t.chance(0.5)) {
    u.primary_guild = {
      identity_guild_id: t.snowflake(),
      identity_enabled: t.chance(0.8),
      tag: t.hex(4).toUpperCase(),
      badge: t.hex(32),
    };
  }
  return u;
}

function installParams(t, scopes) {
  return { scopes, permissions: t.bits(6, 50).toString() };
}

/** GET /oauth2/applications/@me: an application owned by a team of 5 members, with its bot user. */
export function application(seed = 1) {
  const t = tools(seed * 7919 + 17);
  const id = t.snowflake();
  const teamId = t.snowflake();
  const members = [];
  for (let i = 0; i < 5; i++) {
    members.push({
      user: user(t),
      team_id: teamId,
      membership_state: i < 4 ? 2 : 1,
      role: i === 0 ? "admin" : t.pick(["admin", "developer", "read_only"]),
      permissions: ["*"],
    });
  }
  const ownerId = members[0].user.id;
  const flags = t.bits(4, 24) | (1n << 23n);
  const slug = t.words(2).replace(" ", "-");
  return {
    id,
    name: t.words(2),
    icon: t.hash(),
    description: t.words(t.int(8, 30)),
    type: null,
    cover_image: t.hash(),
    primary_sku_id: id,
    bot: user(t, { bot: true, rich: false }),
    slug,
    guild_id: t.snowflake(),
    rpc_origins: [`https://${slug}.example.com`],
    bot_public: t.chance(0.7),
    bot_require_code_grant: t.chance(0.1),
    terms_of_service_url: `https://${slug}.example.com/terms`,
    privacy_policy_url: `https://${slug}.example.com/privacy`,
    custom_install_url: `https://${slug}.example.com/install`,
    install_params: installParams(t, ["applications.commands", "bot"]),
    integration_types_config: {
      0: { oauth2_install_params: installParams(t, ["applications.commands", "bot"]) },
      1: { oauth2_install_params: { scopes: ["applications.commands"], permissions: "0" } },
    },
    verify_key: t.hex(64),
    flags: Number(flags & 0x7fffffffn),
    flags_new: (flags | (1n << 33n)).toString(),
    max_participants: null,
    tags: t.subset(["moderation", "music", "games", "utility", "social", "fun"], 2, 5),
    redirect_uris: [`https://${slug}.example.com/callback`, "http://localhost:3000/callback"],
    interactions_endpoint_url: t.chance(0.5) ? `https://${slug}.example.com/interactions` : null,
    role_connections_verification_url: t.chance(0.3) ? `https://${slug}.example.com/linked-roles` : null,
    owner: {
      id: teamId,
      username: `team${teamId}`,
      avatar: null,
      discriminator: "0000",
      public_flags: 1024,
      flags: 1024,
      banner: null,
      accent_color: null,
      global_name: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    },
    approximate_guild_count: t.int(0, 2_000_000),
    approximate_user_install_count: t.int(0, 500_000),
    approximate_user_authorization_count: t.int(0, 900_000),
    event_webhooks_url: null,
    event_webhooks_status: 1,
    event_webhooks_types: [],
    explicit_content_filter: 0,
    team: { id: teamId, icon: t.hash(), name: t.words(2), owner_user_id: ownerId, members },
    eligible_oauth2_scopes: ["applications.commands", "bot", "identify", "guilds"],
  };
}

// Permission values that recur across a user's guild list: Discord's default @everyone set and a few
// common member/moderator sets. About half the guilds use one of them; the rest get their own value.
const COMMON_PERMISSIONS = [
  "2248473465835073",
  "2222085186636353",
  "1071698660929",
  "968619474497",
  "2199023255551",
  "70508330735680",
];
const ALL_PERMISSIONS = "2251799813685247";

/** One element of GET /users/@me/guilds?with_counts=true. */
export function guild(seed = 1) {
  const t = tools(seed * 104729 + 3);
  const owner = t.chance(0.1);
  const members = t.int(2, 250_000);
  const common = t.chance(0.5);
  return {
    id: t.snowflake(),
    name: t.words(t.int(1, 4)),
    icon: t.chance(0.8) ? t.hash(0.15) : null,
    banner: t.chance(0.3) ? t.hash(0.2) : null,
    owner,
    permissions: owner
      ? ALL_PERMISSIONS
      : common
        ? t.pick(COMMON_PERMISSIONS)
        : (t.bits(t.int(3, 18), 50) | 0x400n).toString(),
    features: t.subset(GUILD_FEATURES, 0, 9),
    approximate_member_count: members,
    approximate_presence_count: Math.floor(members * t.r() * 0.6),
  };
}

/** A page of GET /users/@me/guilds?with_counts=true. */
export function guildPage(seed = 1, count = 200) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(guild(seed * 1000 + i));
  return out.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

/** GET /users/@me/connections: 10 accounts, each with one to three integrations. */
export function connections(seed = 1, count = 10) {
  const t = tools(seed * 15485863 + 11);
  const out = [];
  for (let i = 0; i < count; i++) {
    const type = PROVIDERS[i % PROVIDERS.length];
    const integrations = [];
    for (let j = t.int(1, 3); j > 0; j--) {
      integrations.push({
        id: `${t.pick(["twitch", "youtube", "discord"])}-${t.hex(8)}`,
        type: t.pick(["twitch", "youtube", "discord", "guild_subscription"]),
        account: { id: String(t.int(1e6, 9e8)), name: t.words(1) },
        guild: { id: t.snowflake(), name: t.words(2), icon: t.chance(0.8) ? t.hash() : null },
      });
    }
    out.push({
      id: String(t.int(1e6, 9e9)),
      name: t.words(1) + t.int(1, 999),
      type,
      friend_sync: t.chance(0.3),
      integrations,
      show_activity: t.chance(0.7),
      two_way_link: t.chance(0.2),
      verified: true,
      visibility: t.int(0, 1),
      revoked: false,
    });
  }
  return out;
}

/** POST /oauth2/token with grant_type=authorization_code. */
export function authorizationToken(seed = 1) {
  const t = tools(seed * 2750159 + 5);
  const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const secret = (n) => {
    let s = "";
    for (let i = 0; i < n; i++) s += alnum[Math.floor(t.r() * alnum.length)];
    return s;
  };
  return {
    access_token: secret(30),
    token_type: "Bearer",
    expires_in: 604800,
    refresh_token: secret(30),
    scope: "identify guilds connections applications.commands",
  };
}

/** GET /oauth2/@me: the current authorization, with its application and user. */
export function authorization(seed = 1) {
  const t = tools(seed * 49979687 + 23);
  const flags = t.bits(3, 24);
  return {
    application: {
      id: t.snowflake(),
      name: t.words(2),
      icon: t.hash(),
      description: t.words(12),
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: t.hex(64),
      flags: Number(flags),
      flags_new: flags.toString(),
    },
    scopes: ["identify", "guilds", "connections", "applications.commands"],
    expires: new Date(Date.UTC(2026, 10, 30, 12, 0, 0) + t.int(0, 86_400_000)).toISOString(),
    user: user(t),
  };
}

/** A realistic bot token for `application(seed)`'s id (base64url id, timestamp, HMAC-looking part). */
export function botToken(applicationId) {
  const id = btoa(applicationId).replace(/=+$/, "");
  return `${id}.GhTk3Q.${"x".repeat(38)}`;
}
