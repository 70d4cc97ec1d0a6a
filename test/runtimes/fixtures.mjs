// Payloads for the runtime smoke suite. Plain data in a module (not JSON files) so that every runtime,
// including a bundled Cloudflare worker and a browser page, loads them the same way.

/** Discord's documented application example, with its `verify_key` typo corrected to valid hex. */
export const APPLICATION = {
  bot_public: true,
  bot_require_code_grant: false,
  cover_image: "31deabb7e45b6c8ecfef77d2f99c81a5",
  description: "Test",
  flags: 8192,
  flags_new: "8192",
  guild_id: "290926798626357260",
  icon: null,
  id: "172150183260323840",
  integration_types_config: {
    0: { oauth2_install_params: { scopes: ["applications.commands", "bot"], permissions: "2048" } },
    1: { oauth2_install_params: { scopes: ["applications.commands"], permissions: "0" } },
  },
  name: "Baba O-Riley",
  interactions_endpoint_url: null,
  role_connections_verification_url: null,
  event_webhooks_url: null,
  event_webhooks_status: 1,
  owner: {
    avatar: null,
    discriminator: "1738",
    flags: 1024,
    id: "172150183260323840",
    username: "i own a bot",
  },
  primary_sku_id: "172150183260323840",
  slug: "test",
  team: {
    name: "A team",
    icon: "dd9b7dcfdf5351b9c3de0fe167bacbe1",
    id: "531992624043786253",
    owner_user_id: "511972282709709995",
    members: [
      {
        membership_state: 2,
        permissions: ["*"],
        team_id: "531992624043786253",
        user: {
          avatar: "d9e261cd35999608eb7e3de1fae3688b",
          discriminator: "0001",
          id: "511972282709709995",
          username: "Mr Owner",
        },
      },
    ],
  },
  verify_key: "1e0a356058d627ca38a5c8c9648818061d49e49bd9da9e3ab17d98ad4d6b2e08",
};

/** Discord's documented authorization-code token response. */
export const TOKEN = {
  access_token: "6qrZcUqja7812RVdnEKjpzOL4CvHBFG",
  token_type: "Bearer",
  expires_in: 604800,
  refresh_token: "D43f5y0ahjqew82jZ4NViEr2YafMKhue",
  scope: "identify guilds",
};

function guild(id, name, extra = {}) {
  return {
    id,
    name,
    icon: null,
    banner: null,
    owner: false,
    permissions: "104324673",
    features: [],
    approximate_member_count: 10,
    approximate_presence_count: 3,
    ...extra,
  };
}

/** Five guilds in ascending ID order; the first is Discord's documented partial guild example. */
export const GUILDS = [
  guild("80351110224678912", "1337 Krew", {
    icon: "8342729096ea3675442027381ff50dfe",
    banner: "bb42bdc37653b7cf58c4c8cc622e76cb",
    owner: true,
    permissions: "36953089",
    features: ["COMMUNITY", "NEWS", "ANIMATED_ICON", "INVITE_SPLASH", "BANNER", "ROLE_ICONS"],
    approximate_member_count: 3268,
    approximate_presence_count: 784,
  }),
  guild("290926798626357260", "Second"),
  guild("531992624043786253", "Third", { permissions: "8" }),
  guild("613425648685547541", "Fourth"),
  guild("1000000000000000000", "Fifth", { features: ["VERIFIED"] }),
];

/** Credentials the fixture server accepts. */
export const CLIENT = {
  id: "172150183260323840",
  secret: "not-a-real-client-secret",
  botToken: "MTcyMTUwMTgzMjYwMzIzODQw.GxYzAb.not-a-real-bot-token-signature",
  redirectUri: "https://app.example/callback",
  code: "fixture-authorization-code",
};

/** Discord's documented `GET /oauth2/@me` response. */
export const AUTHORIZATION = {
  application: {
    id: "159799960412356608",
    name: "AIRHORN SOLUTIONS",
    icon: "f03590d3eb764081d154a66340ea7d6d",
    description: "",
    hook: true,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: "c8cde6a3c8c6e49d86af3191287b3ce255872be1fff6dc285bdb420c06a2c3c8",
  },
  scopes: ["guilds.join", "identify"],
  expires: "2021-01-23T02:33:17.017000+00:00",
  user: {
    id: "268473310986240001",
    username: "discord",
    avatar: "f749bb0cbeeb26ef21eca719337d20f1",
    discriminator: "0",
    global_name: "Discord",
    public_flags: 131072,
  },
};
