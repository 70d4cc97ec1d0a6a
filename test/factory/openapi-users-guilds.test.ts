/**
 * The user, guild and webhook schemas, generated from Discord's OpenAPI spec (every key; required keys
 * only; nullable keys null), must deserialize with our factory functions, and what we serialize back
 * must validate against the same schema and keep every key we model.
 */
import { describe, expect, it } from "vitest";
import {
  deserializeGuildSticker,
  deserializeKnownCustomEmoji,
  deserializeMember,
  deserializePartialIntegration,
  deserializeRestGuild,
  deserializeRole,
  serializeGuildSticker,
  serializeKnownCustomEmoji,
  serializeMember,
  serializePartialIntegration,
  serializeRestGuild,
  serializeRole,
} from "../../src/factory/guilds.js";
import {
  deserializeMyUser,
  deserializeUser,
  serializeMyUser,
  serializeUser,
} from "../../src/factory/users.js";
import { deserializeIncomingWebhook, serializeIncomingWebhook } from "../../src/factory/webhooks.js";
import { generatePayload, type Mode, schemaKeys, validateAgainst } from "../support/openapi.js";

interface Case {
  readonly schema: string;
  readonly roundTrip: (raw: unknown) => unknown;
  /** Keys of the schema we deliberately do not model. */
  readonly unmodelled?: readonly string[];
}

const GUILD_ID = "1000000000000000000";

const CASES: readonly Case[] = [
  { schema: "UserResponse", roundTrip: (raw) => serializeUser(deserializeUser(raw, null)) },
  { schema: "UserPIIResponse", roundTrip: (raw) => serializeMyUser(deserializeMyUser(raw, null)) },
  {
    schema: "GuildResponse",
    roundTrip: (raw) => serializeRestGuild(deserializeRestGuild(raw, null)),
    unmodelled: ["region", "premium_progress_bar_enabled_user_updated_at"],
  },
  {
    schema: "GuildWithCountsResponse",
    roundTrip: (raw) => serializeRestGuild(deserializeRestGuild(raw, null)),
    unmodelled: ["region", "premium_progress_bar_enabled_user_updated_at"],
  },
  { schema: "GuildRoleResponse", roundTrip: (raw) => serializeRole(deserializeRole(raw, null, GUILD_ID)) },
  {
    schema: "EmojiResponse",
    roundTrip: (raw) => serializeKnownCustomEmoji(deserializeKnownCustomEmoji(raw, null, GUILD_ID)),
  },
  {
    schema: "GuildStickerResponse",
    roundTrip: (raw) => serializeGuildSticker(deserializeGuildSticker(raw, null)),
  },
  {
    schema: "GuildIncomingWebhookResponse",
    roundTrip: (raw) => serializeIncomingWebhook(deserializeIncomingWebhook(raw, null)),
  },
  {
    schema: "PrivateGuildMemberResponse",
    roundTrip: (raw) => serializeMember(deserializeMember(raw, null, GUILD_ID)),
  },
  {
    schema: "ConnectedAccountIntegrationResponse",
    roundTrip: (raw) => serializePartialIntegration(deserializePartialIntegration(raw, null)),
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
      if (!Object.hasOwn(output, key)) problems.push(`${path}.${key}: missing`);
      else keptKeys((output as Record<string, unknown>)[key], value, `${path}.${key}`, problems);
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
    expect(dropped.sort()).toEqual([...unmodelled].sort());
  });
});
