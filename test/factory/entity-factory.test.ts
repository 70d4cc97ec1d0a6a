import { describe, expect, it } from "vitest";
import { EntityFactory } from "../../src/factory/entity-factory.js";
import { APP, deserializationError, fixture } from "./helpers.js";

const KEY = "c8cde6a3c8c6e49d86af3191287b3ce255872be1fff6dc285bdb420c06a2c3c8";
const USER = { id: "268473310986240001", username: "discord", avatar: null, discriminator: "0" };

type Pair = [deserialize: string, serialize: string, payload: unknown, extra?: unknown[]];

const webhookToken = fixture("token-webhook-incoming.json");
const botToken = fixture("token-bot-authorization-with-guild.json");

const PAIRS: Pair[] = [
  ["deserializeApplication", "serializeApplication", fixture("application-corrected.json")],
  [
    "deserializeAuthorizationApplication",
    "serializeAuthorizationApplication",
    { id: "1", name: "a", icon: null, description: "", verify_key: KEY },
  ],
  [
    "deserializeInviteApplication",
    "serializeInviteApplication",
    { id: "1", name: "a", icon: null, description: "", verify_key: KEY },
  ],
  [
    "deserializeApplicationInstallParameters",
    "serializeApplicationInstallParameters",
    { scopes: ["bot"], permissions: "8" },
  ],
  [
    "deserializeApplicationIntegrationConfiguration",
    "serializeApplicationIntegrationConfiguration",
    { oauth2_install_params: { scopes: ["bot"], permissions: "8" } },
  ],
  [
    "deserializeApplicationRoleConnection",
    "serializeApplicationRoleConnection",
    { platform_name: "p", platform_username: "u", metadata: { a: "1" } },
  ],
  [
    "deserializeApplicationRoleConnectionMetadata",
    "serializeApplicationRoleConnectionMetadata",
    { type: 1, key: "k", name: "n", description: "d" },
  ],
  ["deserializeTeam", "serializeTeam", fixture("team.json")],
  ["deserializeTeamMember", "serializeTeamMember", fixture("team-member-userdoccers.json")],
  [
    "deserializeAuthorizationInformation",
    "serializeAuthorizationInformation",
    fixture("current-authorization.json"),
  ],
  ["deserializePartialToken", "serializePartialToken", fixture("token-client-credentials.json")],
  [
    "deserializeAuthorizationToken",
    "serializeAuthorizationToken",
    { ...webhookToken, guild: botToken.guild },
  ],
  [
    "deserializeImplicitToken",
    "serializeImplicitToken",
    "access_token=a&token_type=Bearer&expires_in=60&scope=identify&state=s",
  ],
  ["deserializeOwnConnection", "serializeOwnConnection", fixture("connection-userdoccers.json")],
  ["deserializeOwnGuild", "serializeOwnGuild", fixture("partial-guild.json")],
  ["deserializeUser", "serializeUser", USER],
  ["deserializeMyUser", "serializeMyUser", { ...USER, mfa_enabled: true, locale: "en-US" }],
  ["deserializePartialUser", "serializePartialUser", { id: USER.id }],
  ["deserializeRestGuild", "serializeRestGuild", botToken.guild],
  [
    "deserializeRole",
    "serializeRole",
    (botToken.guild as { roles: unknown[] }).roles[0],
    ["290926798626357250"],
  ],
  [
    "deserializeKnownCustomEmoji",
    "serializeKnownCustomEmoji",
    {
      id: "41771983429993937",
      name: "LUL",
      roles: [],
      require_colons: true,
      managed: false,
      animated: false,
      available: true,
    },
    ["1"],
  ],
  [
    "deserializeGuildSticker",
    "serializeGuildSticker",
    {
      id: "749046696482439188",
      name: "Stan",
      tags: "x",
      type: 2,
      format_type: 1,
      description: null,
      available: true,
      guild_id: "1",
    },
  ],
  [
    "deserializePartialIntegration",
    "serializePartialIntegration",
    fixture("connection-integration-userdoccers.json"),
  ],
  [
    "deserializeMember",
    "serializeMember",
    { user: USER, roles: [], joined_at: "2021-01-01T00:00:00+00:00", deaf: false, mute: false },
    ["1"],
  ],
  ["deserializeIncomingWebhook", "serializeIncomingWebhook", webhookToken.webhook],
];

function call(target: EntityFactory, name: string, ...args: unknown[]): unknown {
  const method = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
  expect(typeof method, name).toBe("function");
  return method?.apply(target, args);
}

describe("EntityFactory", () => {
  it("has a deserializer and a serializer for every model, and they round-trip", () => {
    const factory = new EntityFactory(APP, { clock: () => 0 });
    const withApp: string[] = [];
    for (const [deserialize, serialize, payload, extra = []] of PAIRS) {
      const model = call(factory, deserialize, payload, ...extra) as {
        equals?: (o: unknown) => boolean;
        app?: unknown;
      };
      const raw = call(factory, serialize, model);
      expect(JSON.parse(JSON.stringify(model)), deserialize).toEqual(JSON.parse(JSON.stringify(raw)));
      const again = call(factory, deserialize, JSON.parse(JSON.stringify(raw)), ...extra);
      expect(call(factory, serialize, again), deserialize).toEqual(raw);
      expect(model.equals?.(again), deserialize).toBe(true);
      if ("app" in model && deserialize !== "deserializeTeamMember") {
        expect(model.app, deserialize).toBe(APP);
        withApp.push(deserialize);
      }
    }
    expect(withApp).toEqual([
      "deserializeApplication",
      "deserializeAuthorizationApplication",
      "deserializeInviteApplication",
      "deserializeTeam",
      "deserializeOwnGuild",
      "deserializeUser",
      "deserializeMyUser",
      "deserializePartialUser",
      "deserializeRestGuild",
      "deserializeRole",
      "deserializeKnownCustomEmoji",
      "deserializeGuildSticker",
      "deserializeMember",
      "deserializeIncomingWebhook",
    ]);
  });

  it("defaults to no app", () => {
    const factory = new EntityFactory();
    expect(factory.app).toBeNull();
    expect(factory.deserializeTeam(fixture("team.json")).app).toBeNull();
    expect(new EntityFactory(APP).app).toBe(APP);
  });

  it("passes paths through, so errors name the full location", () => {
    const factory = new EntityFactory();
    expect(deserializationError(() => factory.deserializeOwnGuild({}, "$[3]")).path).toBe("$[3].id");
    expect(() => factory.deserializePartialToken({}, { path: "$.token" })).toThrow(/\$\.token\.access_token/);
  });

  it("computes token expiry from the clock, or from a given moment", () => {
    let now = 1_000;
    const factory = new EntityFactory(null, { clock: () => now });
    const raw = fixture("token-authorization-code.json");
    expect(factory.deserializeAuthorizationToken(raw).expiresAt.getTime()).toBe(1_000 + 604_800_000);
    now = 2_000;
    expect(factory.deserializeAuthorizationToken(raw).expiresAt.getTime()).toBe(2_000 + 604_800_000);
    expect(factory.deserializeAuthorizationToken(raw, { now: new Date(0) }).expiresAt.getTime()).toBe(
      604_800_000,
    );
    expect(
      factory
        .deserializeImplicitToken(
          new URL("https://x/#access_token=a&token_type=Bearer&expires_in=1&scope="),
          { now: 0 },
        )
        .expiresAt.getTime(),
    ).toBe(1000);
  });
});
