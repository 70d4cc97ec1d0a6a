import { describe, expect, it } from "vitest";
import {
  deserializeApplication,
  deserializeApplicationInstallParameters,
  deserializeAuthorizationApplication,
  deserializeInviteApplication,
  serializeApplication,
  serializeInviteApplication,
} from "../../src/factory/applications.js";
import { deserializeUser } from "../../src/factory/users.js";
import {
  Application,
  ApplicationEventWebhookStatus,
  ApplicationFlags,
  ApplicationIntegrationType,
  AuthorizationApplication,
  InviteApplication,
} from "../../src/models/applications.js";
import { OAuth2Scope } from "../../src/models/oauth2.js";
import { Permissions } from "../../src/models/permissions.js";
import { TeamMembershipState } from "../../src/models/teams.js";
import {
  APP,
  clone,
  deserializationError,
  expectModelledKeys,
  expectOnlyDeserializationErrors,
  fixture,
  nulled,
  without,
} from "./helpers.js";

/** hikari's shared user payload (§6.2). */
const USER = {
  id: "115590097100865541",
  username: "nyaa",
  avatar: "b3b24c6d7cbcdec129d5d537067061a8",
  banner: "a_221313e1e2edsncsncsmcndsc",
  accent_color: 231321,
  discriminator: "6127",
  bot: true,
  system: true,
  public_flags: 4325376,
};

const KEY_HEX = "698c5d0859abb686be1f8a19e0e7634d8471e33817650f9fb29076de227bca90";
const KEY_BYTES = [
  0x69, 0x8c, 0x5d, 0x08, 0x59, 0xab, 0xb6, 0x86, 0xbe, 0x1f, 0x8a, 0x19, 0xe0, 0xe7, 0x63, 0x4d, 0x84, 0x71,
  0xe3, 0x38, 0x17, 0x65, 0x0f, 0x9f, 0xb2, 0x90, 0x76, 0xde, 0x22, 0x7b, 0xca, 0x90,
];

/** hikari's full application payload (§6.2 item 3). */
const HIKARI_APPLICATION = {
  id: "209333111222",
  name: "Dream Sweet in Sea Major",
  icon: "iwiwiwiwiw",
  description: "I am an application",
  rpc_origins: ["127.0.0.0"],
  bot_public: true,
  bot_require_code_grant: false,
  owner: { ...USER, flags: 1024 },
  verify_key: KEY_HEX,
  flags: 65536,
  team: {
    icon: "hashtag",
    id: "202020202",
    name: "Hikari Development",
    members: [{ membership_state: 1, permissions: ["*"], team_id: "209333111222", user: USER }],
    owner_user_id: "393030292",
  },
  cover_image: "hashmebaby",
  privacy_policy_url: "hahaha://hahaha",
  terms_of_service_url: "haha2:2h2h2h2",
  custom_install_url: "https://dontinstallme.com",
  tags: ["i", "like", "hikari"],
  install_params: { scopes: ["bot", "applications.commands"], permissions: 8 },
};

/** Every key of Discord's `PrivateApplicationResponse`. */
const FULL_APPLICATION = {
  id: "172150183260323840",
  name: "Baba O-Riley",
  icon: "f03590d3eb764081d154a66340ea7d6d",
  description: "Test",
  type: 4,
  cover_image: "31deabb7e45b6c8ecfef77d2f99c81a5",
  primary_sku_id: "172150183260323841",
  bot: { id: "172150183260323840", username: "bot", avatar: null, discriminator: "0", bot: true },
  slug: "test",
  guild_id: "290926798626357260",
  rpc_origins: ["https://rpc.example"],
  bot_public: true,
  bot_require_code_grant: true,
  terms_of_service_url: "https://example.com/tos",
  privacy_policy_url: "https://example.com/privacy",
  custom_install_url: "https://example.com/install",
  install_params: { scopes: ["applications.commands", "bot"], permissions: "2048" },
  integration_types_config: {
    "0": { oauth2_install_params: { scopes: ["applications.commands", "bot"], permissions: "2048" } },
    "1": {},
  },
  verify_key: KEY_HEX,
  flags: 8192,
  flags_new: "8192",
  max_participants: -1,
  tags: ["music", "fun"],
  redirect_uris: ["https://example.com/callback", "http://localhost:5000/cb"],
  interactions_endpoint_url: "https://example.com/interactions",
  role_connections_verification_url: "https://example.com/verify",
  owner: {
    id: "172150183260323840",
    username: "i own a bot",
    avatar: null,
    discriminator: "1738",
    flags: 1024,
  },
  approximate_guild_count: 12,
  approximate_user_install_count: 34,
  approximate_user_authorization_count: 56,
  event_webhooks_url: "https://example.com/events",
  event_webhooks_status: 2,
  event_webhooks_types: ["APPLICATION_AUTHORIZED", "ENTITLEMENT_CREATE"],
  explicit_content_filter: 1,
  team: {
    icon: null,
    id: "531992624043786253",
    name: "A team",
    owner_user_id: "511972282709709995",
    members: [
      {
        membership_state: 2,
        permissions: ["*"],
        role: "admin",
        team_id: "531992624043786253",
        user: { id: "511972282709709995", username: "Mr Owner", avatar: null, discriminator: "0001" },
      },
    ],
  },
  eligible_oauth2_scopes: ["identify", "bot"],
};

/** Discord's `ApplicationResponse` (the same keys as `InviteApplicationResponse`). */
const PUBLIC_APPLICATION = {
  id: FULL_APPLICATION.id,
  name: FULL_APPLICATION.name,
  icon: FULL_APPLICATION.icon,
  description: FULL_APPLICATION.description,
  type: null,
  cover_image: FULL_APPLICATION.cover_image,
  primary_sku_id: FULL_APPLICATION.primary_sku_id,
  bot: FULL_APPLICATION.bot,
  slug: FULL_APPLICATION.slug,
  guild_id: FULL_APPLICATION.guild_id,
  rpc_origins: FULL_APPLICATION.rpc_origins,
  bot_public: false,
  bot_require_code_grant: false,
  terms_of_service_url: FULL_APPLICATION.terms_of_service_url,
  privacy_policy_url: FULL_APPLICATION.privacy_policy_url,
  custom_install_url: FULL_APPLICATION.custom_install_url,
  install_params: FULL_APPLICATION.install_params,
  integration_types_config: FULL_APPLICATION.integration_types_config,
  verify_key: KEY_HEX,
  flags: 131072,
  flags_new: "131072",
  max_participants: 8,
  tags: ["watch"],
};

/** Keys in the docs' samples that we do not model (deprecated, undocumented or user-client only). */
const UNMODELLED = ["$.summary", "$.hook"];

describe("deserializeApplication", () => {
  it("reads hikari's full payload", () => {
    const application = deserializeApplication(HIKARI_APPLICATION, APP);
    expect(application).toBeInstanceOf(Application);
    expect(application.app).toBe(APP);
    expect(application.id).toBe("209333111222");
    expect(application.name).toBe("Dream Sweet in Sea Major");
    expect(application.description).toBe("I am an application");
    expect(application.iconHash).toBe("iwiwiwiwiw");
    expect(application.rpcOrigins).toEqual(["127.0.0.0"]);
    expect(application.isBotPublic).toBe(true);
    expect(application.isBotCodeGrantRequired).toBe(false);
    expect(application.owner?.equals(deserializeUser({ ...USER, flags: 1024 }, null))).toBe(true);
    expect(application.owner?.flags.value).toBe(1024n);
    expect([...application.publicKey]).toEqual(KEY_BYTES);
    expect(application.publicKey).toBeInstanceOf(Uint8Array);
    expect(application.flags).toBe(ApplicationFlags.VERIFICATION_PENDING_GUILD_LIMIT);
    expect(application.installParameters?.scopes).toEqual([
      OAuth2Scope.BOT,
      OAuth2Scope.APPLICATIONS_COMMANDS,
    ]);
    expect(application.installParameters?.permissions).toBe(Permissions.ADMINISTRATOR);
    expect(application.coverImageHash).toBe("hashmebaby");
    expect(application.privacyPolicyUrl).toBe("hahaha://hahaha");
    expect(application.termsOfServiceUrl).toBe("haha2:2h2h2h2");
    expect(application.customInstallUrl).toBe("https://dontinstallme.com");
    expect(application.tags).toEqual(["i", "like", "hikari"]);

    const team = application.team;
    expect(team?.id).toBe("202020202");
    expect(team?.name).toBe("Hikari Development");
    expect(team?.iconHash).toBe("hashtag");
    expect(team?.ownerId).toBe("393030292");
    expect(team?.app).toBe(APP);
    expect(team?.members.size).toBe(1);
    const member = team?.members.get("115590097100865541");
    expect(member?.membershipState).toBe(TeamMembershipState.INVITED);
    expect(member?.permissions).toEqual(["*"]);
    expect(member?.teamId).toBe("209333111222");
    expect(member?.user.equals(deserializeUser(USER, null))).toBe(true);
    expect(member?.role).toBeNull();
    expect(team?.owner).toBeNull();
  });

  it("reads every key of Discord's PrivateApplicationResponse", () => {
    const application = deserializeApplication(FULL_APPLICATION, APP);
    expect(application.type).toBe(4);
    expect(application.primarySkuId).toBe("172150183260323841");
    expect(application.bot?.isBot).toBe(true);
    expect(application.bot?.app).toBe(APP);
    expect(application.slug).toBe("test");
    expect(application.guildId).toBe("290926798626357260");
    expect(application.maxParticipants).toBe(-1);
    expect(application.redirectUris).toEqual(["https://example.com/callback", "http://localhost:5000/cb"]);
    expect(application.interactionsEndpointUrl).toBe("https://example.com/interactions");
    expect(application.roleConnectionsVerificationUrl).toBe("https://example.com/verify");
    expect(application.approximateGuildCount).toBe(12);
    expect(application.approximateUserInstallCount).toBe(34);
    expect(application.approximateUserAuthorizationCount).toBe(56);
    expect(application.eventWebhooksUrl).toBe("https://example.com/events");
    expect(application.eventWebhooksStatus).toBe(ApplicationEventWebhookStatus.ENABLED);
    expect(application.eventWebhooksTypes).toEqual(["APPLICATION_AUTHORIZED", "ENTITLEMENT_CREATE"]);
    expect(application.explicitContentFilter).toBe(1);
    expect(application.eligibleOauth2Scopes).toEqual(["identify", "bot"]);
    expect(application.flags).toBe(ApplicationFlags.GATEWAY_PRESENCE_LIMITED);

    const config = application.integrationTypesConfig;
    expect([...config.keys()]).toEqual([
      ApplicationIntegrationType.GUILD_INSTALL,
      ApplicationIntegrationType.USER_INSTALL,
    ]);
    const guildInstall = config.get(ApplicationIntegrationType.GUILD_INSTALL)?.oauth2InstallParameters;
    expect(guildInstall?.scopes).toEqual(["applications.commands", "bot"]);
    expect(guildInstall?.permissions).toBe(Permissions.SEND_MESSAGES);
    expect(config.get(ApplicationIntegrationType.USER_INSTALL)?.oauth2InstallParameters).toBeNull();

    const member = application.team?.members.get("511972282709709995");
    expect(member?.role).toBe("admin");
    expect(application.team?.owner).toBe(member);
  });

  it("defaults every optional key that is left out", () => {
    const minimal = {
      id: "209333111222",
      name: "x",
      description: "I am an application",
      verify_key: KEY_HEX,
    };
    const application = deserializeApplication(minimal, null);
    expect(application.app).toBeNull();
    expect(application.iconHash).toBeNull();
    expect(application.type).toBeNull();
    expect(application.coverImageHash).toBeNull();
    expect(application.primarySkuId).toBeNull();
    expect(application.bot).toBeNull();
    expect(application.slug).toBeNull();
    expect(application.guildId).toBeNull();
    expect(application.rpcOrigins).toEqual([]);
    expect(application.isBotPublic).toBe(false);
    expect(application.isBotCodeGrantRequired).toBe(false);
    expect(application.termsOfServiceUrl).toBeNull();
    expect(application.privacyPolicyUrl).toBeNull();
    expect(application.customInstallUrl).toBeNull();
    expect(application.installParameters).toBeNull();
    expect(application.integrationTypesConfig.size).toBe(0);
    expect(application.flags.value).toBe(0n);
    expect(application.maxParticipants).toBeNull();
    expect(application.tags).toEqual([]);
    expect(application.owner).toBeNull();
    expect(application.redirectUris).toEqual([]);
    expect(application.interactionsEndpointUrl).toBeNull();
    expect(application.roleConnectionsVerificationUrl).toBeNull();
    expect(application.approximateGuildCount).toBeNull();
    expect(application.approximateUserInstallCount).toBeNull();
    expect(application.approximateUserAuthorizationCount).toBeNull();
    expect(application.eventWebhooksUrl).toBeNull();
    expect(application.eventWebhooksStatus).toBeNull();
    expect(application.eventWebhooksTypes).toEqual([]);
    expect(application.explicitContentFilter).toBeNull();
    expect(application.team).toBeNull();
    expect(application.eligibleOauth2Scopes).toEqual([]);
  });

  it("reads hikari's payload with optional keys removed", () => {
    const payload = without(
      HIKARI_APPLICATION,
      "rpc_origins",
      "team",
      "icon",
      "cover_image",
      "privacy_policy_url",
      "terms_of_service_url",
    );
    const application = deserializeApplication(payload, null);
    expect(application.rpcOrigins).toEqual([]);
    expect(application.team).toBeNull();
    expect(application.iconHash).toBeNull();
    expect(application.coverImageHash).toBeNull();
    expect(application.privacyPolicyUrl).toBeNull();
    expect(application.termsOfServiceUrl).toBeNull();
  });

  it("reads every nullable or optional key sent as null as absent", () => {
    const keys = Object.keys(FULL_APPLICATION).filter(
      (key) => !["id", "name", "description", "verify_key"].includes(key),
    );
    const application = deserializeApplication(nulled(FULL_APPLICATION, ...keys), null);
    expect(serializeApplication(application)).toEqual(
      serializeApplication(deserializeApplication(without(FULL_APPLICATION, ...keys), null)),
    );
    expect(application.team).toBeNull();
    expect(application.tags).toEqual([]);
    expect(application.installParameters).toBeNull();
  });

  it("keeps an empty description as the empty string (hikari turns it into null)", () => {
    expect(deserializeApplication({ ...HIKARI_APPLICATION, description: "" }, null).description).toBe("");
  });

  it("prefers flags_new, keeps bits above 31 and unknown bits, and falls back to flags", () => {
    const high = (1n << 51n) | (1n << 20n) | (1n << 13n);
    const both = deserializeApplication(
      { ...HIKARI_APPLICATION, flags: 8192, flags_new: high.toString() },
      null,
    );
    expect(both.flags.value).toBe(high);
    expect(both.flags.has(ApplicationFlags.GATEWAY_PRESENCE_LIMITED)).toBe(true);
    expect(serializeApplication(both).flags_new).toBe(high.toString());
    expect(serializeApplication(both).flags).toBe(Number(high & 0x7fffffffn));
    const legacy = deserializeApplication({ ...HIKARI_APPLICATION, flags: 27828224 }, null);
    expect(legacy.flags.value).toBe(27828224n);
    expect(legacy.flags.unknownBits).toBe((1n << 21n) | (1n << 24n));
  });

  it("accepts permissions as a decimal string or an integer", () => {
    const asString = deserializeApplicationInstallParameters({ scopes: ["bot"], permissions: "8" });
    const asNumber = deserializeApplicationInstallParameters({ scopes: ["bot"], permissions: 8 });
    expect(asString.equals(asNumber)).toBe(true);
    expect(asString.permissions).toBe(Permissions.ADMINISTRATOR);
  });

  it("keeps unknown scopes, event types and enum values as raw values", () => {
    const application = deserializeApplication(
      {
        ...FULL_APPLICATION,
        event_webhooks_status: 9,
        event_webhooks_types: ["SOMETHING_NEW"],
        install_params: { scopes: ["future.scope"], permissions: "0" },
        type: 77,
      },
      null,
    );
    expect(application.eventWebhooksStatus).toBe(9);
    expect(application.eventWebhooksTypes).toEqual(["SOMETHING_NEW"]);
    expect(application.installParameters?.scopes).toEqual(["future.scope"]);
    expect(application.type).toBe(77);
  });

  it("serializes back every key it models", () => {
    const application = deserializeApplication(FULL_APPLICATION, APP);
    const raw = serializeApplication(application);
    expectModelledKeys(raw, FULL_APPLICATION);
    expect(application.toJSON()).toEqual(raw);
    const again = deserializeApplication(JSON.parse(JSON.stringify(application)), APP);
    expect(again.equals(application)).toBe(true);
    expect(serializeApplication(again)).toEqual(raw);
  });

  it("serializes hikari's payload back, with install permissions as a string", () => {
    const raw = serializeApplication(deserializeApplication(HIKARI_APPLICATION, null));
    expectModelledKeys(raw, {
      ...HIKARI_APPLICATION,
      install_params: { scopes: ["bot", "applications.commands"], permissions: "8" },
    });
  });

  it("writes null only where Discord's schema allows it", () => {
    const raw = serializeApplication(
      deserializeApplication({ id: "1", name: "x", description: "", verify_key: KEY_HEX }, null),
    );
    expect(Object.values(raw)).toContain(null);
    for (const [key, value] of Object.entries(raw)) {
      if (value === null) {
        expect([
          "icon",
          "type",
          "max_participants",
          "interactions_endpoint_url",
          "role_connections_verification_url",
          "event_webhooks_url",
          "team",
        ]).toContain(key);
      }
    }
    for (const key of [
      "owner",
      "cover_image",
      "bot",
      "install_params",
      "approximate_guild_count",
      "event_webhooks_status",
    ]) {
      expect(Object.hasOwn(raw, key)).toBe(false);
    }
  });
});

describe("deserializeApplication with the docs' samples", () => {
  it("rejects the docs' application sample, whose verify_key is not hex", () => {
    const error = deserializationError(() => deserializeApplication(fixture("application.json"), null));
    expect(error.path).toBe("$.verify_key");
    expect(error.expected).toBe("64 hex characters");
    expect(error.received).toBe("string");
    expect(error.message).not.toContain("g2u8");
  });

  it("reads the corrected copy of the docs' sample", () => {
    const payload = fixture("application-corrected.json");
    const application = deserializeApplication(payload, null);
    expect(application.id).toBe("172150183260323840");
    expect(application.flags).toBe(ApplicationFlags.GUILD_PRESENCES_INTENT);
    expect(application.guildId).toBe("290926798626357260");
    expect(application.primarySkuId).toBe("172150183260323840");
    expect(application.slug).toBe("test");
    expect(application.owner?.flags.value).toBe(1024n);
    expect(application.eventWebhooksStatus).toBe(ApplicationEventWebhookStatus.DISABLED);
    expect(application.interactionsEndpointUrl).toBeNull();
    expect(application.team?.members.size).toBe(1);
    expect(application.team?.owner?.username).toBe("Mr Owner");
    expect(application.team?.owner?.role).toBeNull();
    expect(application.integrationTypesConfig.get(1)?.oauth2InstallParameters?.scopes).toEqual([
      "applications.commands",
    ]);
    expectModelledKeys(serializeApplication(application), payload, UNMODELLED);
  });

  it("reads the community docs' application sample with undocumented flag bits", () => {
    const payload = fixture("application-userdoccers.json");
    const application = deserializeApplication(payload, null);
    expect(application.flags.value).toBe(27828224n);
    expect(application.flags.unknownBits).toBe((1n << 21n) | (1n << 24n));
    expect(application.tags).toContain("");
    expect(application.team?.members.size).toBeGreaterThan(0);
  });

  it("rejects the Jan 2023 docs sample: the same verify_key typo, and a team without a name", () => {
    const payload = fixture("application-2023-01.json");
    expect(deserializationError(() => deserializeApplication(payload, null)).path).toBe("$.verify_key");
    const error = deserializationError(() =>
      deserializeApplication({ ...payload, verify_key: KEY_HEX }, null),
    );
    expect(error.path).toBe("$.team.name");
  });
});

describe("deserializeApplication errors", () => {
  it("names the JSON path of the first bad value", () => {
    const cases: [unknown, string, string][] = [
      [null, "$", "null"],
      [[], "$", "array"],
      ["{}", "$", "string"],
      [without(FULL_APPLICATION, "id"), "$.id", "missing"],
      [{ ...FULL_APPLICATION, id: "12a" }, "$.id", "string"],
      [without(FULL_APPLICATION, "description"), "$.description", "missing"],
      [without(FULL_APPLICATION, "verify_key"), "$.verify_key", "missing"],
      [{ ...FULL_APPLICATION, verify_key: KEY_HEX.slice(2) }, "$.verify_key", "string"],
      [{ ...FULL_APPLICATION, verify_key: "1232313223" }, "$.verify_key", "string"],
      [{ ...FULL_APPLICATION, verify_key: `${KEY_HEX.slice(0, 62)}zz` }, "$.verify_key", "string"],
      [{ ...FULL_APPLICATION, bot_public: "yes" }, "$.bot_public", "string"],
      [{ ...FULL_APPLICATION, flags_new: "0x10" }, "$.flags_new", "string"],
      [{ ...FULL_APPLICATION, flags_new: null, flags: -1 }, "$.flags", "integer"],
      [{ ...FULL_APPLICATION, tags: ["a", 1] }, "$.tags[1]", "integer"],
      [
        { ...FULL_APPLICATION, install_params: { scopes: "bot", permissions: "8" } },
        "$.install_params.scopes",
        "string",
      ],
      [{ ...FULL_APPLICATION, install_params: { scopes: [] } }, "$.install_params.permissions", "missing"],
      [
        { ...FULL_APPLICATION, integration_types_config: { guild: {} } },
        '$.integration_types_config["guild"]',
        "string",
      ],
      [
        { ...FULL_APPLICATION, integration_types_config: { "0": 5 } },
        '$.integration_types_config["0"]',
        "integer",
      ],
      [
        {
          ...FULL_APPLICATION,
          integration_types_config: { "0": { oauth2_install_params: { scopes: [1], permissions: "0" } } },
        },
        '$.integration_types_config["0"].oauth2_install_params.scopes[0]',
        "integer",
      ],
      [{ ...FULL_APPLICATION, approximate_guild_count: 1.5 }, "$.approximate_guild_count", "number"],
      [{ ...FULL_APPLICATION, owner: { id: "1" } }, "$.owner.username", "missing"],
    ];
    for (const [payload, path, received] of cases) {
      const error = deserializationError(() => deserializeApplication(payload, null));
      expect(error.path, path).toBe(path);
      expect(error.received, path).toBe(received);
    }
  });

  it("names the path inside team members", () => {
    const payload = clone(FULL_APPLICATION);
    const members = [payload.team.members[0], payload.team.members[0], clone(payload.team.members[0])];
    (members[2] as { user: { id: unknown } }).user.id = 5.5;
    payload.team.members = members as typeof payload.team.members;
    const error = deserializationError(() => deserializeApplication(payload, null));
    expect(error.path).toBe("$.team.members[2].user.id");
    expect(
      deserializationError(() =>
        deserializeApplication(
          { ...FULL_APPLICATION, team: { ...FULL_APPLICATION.team, members: {} } },
          null,
        ),
      ).path,
    ).toBe("$.team.members");
  });

  it("throws nothing but DeserializationError for any one-place change of a full payload", () => {
    const failures = expectOnlyDeserializationErrors(
      (raw) => deserializeApplication(raw, null),
      FULL_APPLICATION,
    );
    expect(failures).toBeGreaterThan(100);
  });
});

describe("public application views", () => {
  it("reads every key of ApplicationResponse into an AuthorizationApplication", () => {
    const application = deserializeAuthorizationApplication(PUBLIC_APPLICATION, APP);
    expect(application).toBeInstanceOf(AuthorizationApplication);
    expect(application.app).toBe(APP);
    expect(application.type).toBeNull();
    expect(application.maxParticipants).toBe(8);
    expect(application.flags).toBe(ApplicationFlags.EMBEDDED);
    expect(application.integrationTypesConfig.size).toBe(2);
    expectModelledKeys(application.toJSON(), PUBLIC_APPLICATION);
  });

  it("reads hikari's invite application cases", () => {
    const payload = {
      id: "773336526917861400",
      name: "Betrayal.io",
      icon: "0227b2e89ea08d666c43003fbadbc72a",
      description: "",
      cover_image: "0227b2e89ea08d666c43003fbadbc72a (but as cover)",
      verify_key: "1bf78fdbfcbabe2e1256f9b133818976591203a22febabba5ff89f86f24760ff",
    };
    const application = deserializeInviteApplication(payload, APP);
    expect(application).toBeInstanceOf(InviteApplication);
    expect(application.publicKey.length).toBe(32);
    expect(application.coverImageHash).toBe("0227b2e89ea08d666c43003fbadbc72a (but as cover)");
    expect(application.description).toBe("");
    const bare = deserializeInviteApplication(without(payload, "icon", "cover_image"), null);
    expect(bare.iconHash).toBeNull();
    expect(bare.coverImageHash).toBeNull();
    expectModelledKeys(serializeInviteApplication(application), payload);
  });

  it("reads the community docs' partial application sample", () => {
    const payload = fixture("application-partial-userdoccers.json");
    const application = deserializeInviteApplication(payload, null);
    expect(application.maxParticipants).toBe(-1);
    expect(application.flags.value).toBe(1179648n);
    expect(application.flags.has(ApplicationFlags.EMBEDDED)).toBe(true);
    expect(application.bot?.username).toBe("Watch Together");
  });

  it("never lets another error escape", () => {
    expectOnlyDeserializationErrors((raw) => deserializeInviteApplication(raw, null), PUBLIC_APPLICATION);
  });
});
