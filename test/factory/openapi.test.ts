/**
 * Every schema we model, generated from Discord's OpenAPI spec in three shapes (all keys, required keys
 * only, nullable keys null), must deserialize; what we serialize back must validate against the same
 * schema and keep every key we model.
 */
import { describe, expect, it } from "vitest";
import { EntityFactory } from "../../src/factory/entity-factory.js";
import { generatePayload, type Mode, schemaKeys, validateAgainst } from "../support/openapi.js";

const factory = new EntityFactory();

interface Case {
  readonly schema: string;
  readonly roundTrip: (raw: unknown) => unknown;
  /** Keys of the schema we deliberately do not model (DESIGN.md §9). */
  readonly unmodelled?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    schema: "PrivateApplicationResponse",
    roundTrip: (raw) => factory.serializeApplication(factory.deserializeApplication(raw)),
    unmodelled: ["summary", "hook"],
  },
  {
    schema: "ApplicationResponse",
    roundTrip: (raw) => factory.serializeAuthorizationApplication(factory.deserializeAuthorizationApplication(raw)),
    unmodelled: ["summary", "hook"],
  },
  {
    schema: "InviteApplicationResponse",
    roundTrip: (raw) => factory.serializeInviteApplication(factory.deserializeInviteApplication(raw)),
    unmodelled: ["summary", "hook"],
  },
  { schema: "TeamResponse", roundTrip: (raw) => factory.serializeTeam(factory.deserializeTeam(raw)) },
  { schema: "TeamMemberResponse", roundTrip: (raw) => factory.serializeTeamMember(factory.deserializeTeamMember(raw)) },
  { schema: "UserResponse", roundTrip: (raw) => factory.serializeUser(factory.deserializeUser(raw)) },
  { schema: "UserPIIResponse", roundTrip: (raw) => factory.serializeMyUser(factory.deserializeMyUser(raw)) },
  {
    schema: "ConnectedAccountResponse",
    roundTrip: (raw) => factory.serializeOwnConnection(factory.deserializeOwnConnection(raw)),
  },
  { schema: "MyGuildResponse", roundTrip: (raw) => factory.serializeOwnGuild(factory.deserializeOwnGuild(raw)) },
  {
    schema: "OAuth2GetAuthorizationResponse",
    roundTrip: (raw) => factory.serializeAuthorizationInformation(factory.deserializeAuthorizationInformation(raw)),
  },
  {
    schema: "GuildIncomingWebhookResponse",
    roundTrip: (raw) => factory.serializeIncomingWebhook(factory.deserializeIncomingWebhook(raw)),
  },
  { schema: "PrivateGuildMemberResponse", roundTrip: (raw) => factory.serializeMember(factory.deserializeMember(raw)) },
  { schema: "GuildResponse", roundTrip: (raw) => factory.serializeRestGuild(factory.deserializeRestGuild(raw)) },
];

const MODES: readonly Mode[] = ["all", "required", "nulls"];

describe.each(CASES)("$schema from the OpenAPI spec", ({ schema, roundTrip, unmodelled = [] }) => {
  it.each(MODES)("deserializes the %s-keys payload and serializes it back valid", (mode) => {
    const payload = generatePayload(schema, mode);
    const serialized = roundTrip(payload);
    expect(validateAgainst(schema, serialized)).toEqual([]);
    expect(roundTrip(serialized)).toEqual(serialized);
  });

  it("keeps every key it models", () => {
    const payload = generatePayload(schema, "all");
    const serialized = roundTrip(payload) as Record<string, unknown>;
    const missing = schemaKeys(schema).all.filter((key) => !(key in serialized) && !unmodelled.includes(key));
    expect(missing).toEqual([]);
  });
});
