/**
 * Every schema we model, generated from Discord's OpenAPI spec (every key; required keys only; nullable
 * keys null), must deserialize through the EntityFactory; what we serialize back must validate against
 * the same schema and keep every key we model, value for value.
 */
import { describe, expect, it } from "vitest";
import { EntityFactory } from "../../src/factory/entity-factory.js";
import { generatePayload, type Mode, schemaKeys, validateAgainst } from "../support/openapi.js";

interface Case {
  readonly schema: string;
  readonly roundTrip: (raw: unknown) => unknown;
  /** Keys of the schema we deliberately do not model (DESIGN.md §9). */
  readonly unmodelled?: readonly string[];
}

const factory = new EntityFactory();
const GUILD_ID = "1000000000000000000";
/** `summary` is deprecated and `hook` undocumented: DESIGN.md §9 leaves both out. */
const APPLICATION_UNMODELLED = ["summary", "hook"];
/** `region` is deprecated; the spec still requires it, so validation supplies a stand-in. */
const GUILD_UNMODELLED = ["region", "premium_progress_bar_enabled_user_updated_at"];

const CASES: readonly Case[] = [
  {
    schema: "PrivateApplicationResponse",
    roundTrip: (raw) => factory.serializeApplication(factory.deserializeApplication(raw)),
    unmodelled: APPLICATION_UNMODELLED,
  },
  {
    schema: "ApplicationResponse",
    roundTrip: (raw) =>
      factory.serializeAuthorizationApplication(factory.deserializeAuthorizationApplication(raw)),
    unmodelled: APPLICATION_UNMODELLED,
  },
  {
    schema: "InviteApplicationResponse",
    roundTrip: (raw) => factory.serializeInviteApplication(factory.deserializeInviteApplication(raw)),
    unmodelled: APPLICATION_UNMODELLED,
  },
  { schema: "TeamResponse", roundTrip: (raw) => factory.serializeTeam(factory.deserializeTeam(raw)) },
  {
    schema: "TeamMemberResponse",
    roundTrip: (raw) => factory.serializeTeamMember(factory.deserializeTeamMember(raw)),
  },
  {
    schema: "ConnectedAccountResponse",
    roundTrip: (raw) => factory.serializeOwnConnection(factory.deserializeOwnConnection(raw)),
  },
  {
    schema: "MyGuildResponse",
    roundTrip: (raw) => factory.serializeOwnGuild(factory.deserializeOwnGuild(raw)),
  },
  {
    schema: "OAuth2GetAuthorizationResponse",
    roundTrip: (raw) =>
      factory.serializeAuthorizationInformation(factory.deserializeAuthorizationInformation(raw)),
  },
  { schema: "UserResponse", roundTrip: (raw) => factory.serializeUser(factory.deserializeUser(raw)) },
  { schema: "UserPIIResponse", roundTrip: (raw) => factory.serializeMyUser(factory.deserializeMyUser(raw)) },
  {
    schema: "GuildResponse",
    roundTrip: (raw) => factory.serializeRestGuild(factory.deserializeRestGuild(raw)),
    unmodelled: GUILD_UNMODELLED,
  },
  {
    schema: "GuildWithCountsResponse",
    roundTrip: (raw) => factory.serializeRestGuild(factory.deserializeRestGuild(raw)),
    unmodelled: GUILD_UNMODELLED,
  },
  {
    schema: "GuildRoleResponse",
    roundTrip: (raw) => factory.serializeRole(factory.deserializeRole(raw, GUILD_ID)),
  },
  {
    schema: "EmojiResponse",
    roundTrip: (raw) => factory.serializeKnownCustomEmoji(factory.deserializeKnownCustomEmoji(raw, GUILD_ID)),
  },
  {
    schema: "GuildStickerResponse",
    roundTrip: (raw) => factory.serializeGuildSticker(factory.deserializeGuildSticker(raw)),
  },
  {
    schema: "GuildIncomingWebhookResponse",
    roundTrip: (raw) => factory.serializeIncomingWebhook(factory.deserializeIncomingWebhook(raw)),
  },
  {
    schema: "PrivateGuildMemberResponse",
    roundTrip: (raw) => factory.serializeMember(factory.deserializeMember(raw, GUILD_ID)),
  },
  {
    schema: "ConnectedAccountIntegrationResponse",
    roundTrip: (raw) => factory.serializePartialIntegration(factory.deserializePartialIntegration(raw)),
  },
];

const MODES: readonly Mode[] = ["all", "required", "nulls"];

function keptKeys(output: unknown, input: unknown, path: string, problems: string[]): void {
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) {
      problems.push(`${path}: array changed`);
      return;
    }
    for (let i = 0; i < input.length; i++) keptKeys(output[i], input[i], `${path}[${i}]`, problems);
    return;
  }
  if (typeof input === "object" && input !== null) {
    if (typeof output !== "object" || output === null) {
      problems.push(`${path}: not an object`);
      return;
    }
    for (const [key, value] of Object.entries(input)) {
      if (!Object.hasOwn(output, key)) {
        // A null the model holds as "absent" may be written either way.
        if (value !== null) problems.push(`${path}.${key}: missing`);
      } else keptKeys((output as Record<string, unknown>)[key], value, `${path}.${key}`, problems);
    }
    return;
  }
  if (output !== input) problems.push(`${path}: ${JSON.stringify(input)} became ${JSON.stringify(output)}`);
}

describe.each(CASES)("$schema from the OpenAPI spec", ({ schema, roundTrip, unmodelled = [] }) => {
  it.each(MODES)("deserializes the %s payload and serializes it back valid and complete", (mode) => {
    const payload = generatePayload(schema, mode);
    for (const key of unmodelled) delete payload[key];
    const out = roundTrip(payload) as Record<string, unknown>;
    const problems: string[] = [];
    keptKeys(out, payload, "$", problems);
    expect(problems).toEqual([]);
    const missingRequired = schemaKeys(schema).required.filter((key) => unmodelled.includes(key));
    const errors = validateAgainst(schema, {
      ...out,
      ...Object.fromEntries(missingRequired.map((k) => [k, "us-east"])),
    });
    expect(errors).toEqual([]);
  });

  it("models every key the schema lists, except the ones named", () => {
    const payload = generatePayload(schema, "all");
    const out = roundTrip(payload) as Record<string, unknown>;
    const dropped = schemaKeys(schema).all.filter((key) => !Object.hasOwn(out, key));
    expect(dropped.filter((key) => !unmodelled.includes(key))).toEqual([]);
  });
});
