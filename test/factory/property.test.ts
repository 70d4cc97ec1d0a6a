/**
 * Property tests: whatever JSON value reaches a deserializer, it returns a model that serializes, or
 * throws DeserializationError, never anything else.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeserializationError } from "../../src/errors.js";
import { EntityFactory } from "../../src/factory/entity-factory.js";
import { generatePayload } from "../support/openapi.js";

const factory = new EntityFactory();

/** Schema to build realistic payloads from, per deserializer (the rest get random JSON only). */
const SEEDS: Readonly<Record<string, string>> = {
  deserializeApplication: "PrivateApplicationResponse",
  deserializeAuthorizationApplication: "ApplicationResponse",
  deserializeInviteApplication: "InviteApplicationResponse",
  deserializeTeam: "TeamResponse",
  deserializeTeamMember: "TeamMemberResponse",
  deserializeUser: "UserResponse",
  deserializeMyUser: "UserPIIResponse",
  deserializeOwnConnection: "ConnectedAccountResponse",
  deserializeOwnGuild: "MyGuildResponse",
  deserializeAuthorizationInformation: "OAuth2GetAuthorizationResponse",
  deserializeIncomingWebhook: "GuildIncomingWebhookResponse",
  deserializeMember: "PrivateGuildMemberResponse",
  deserializeRestGuild: "GuildWithCountsResponse",
  deserializeRole: "GuildRoleResponse",
  deserializeKnownCustomEmoji: "EmojiResponse",
  deserializeGuildSticker: "GuildStickerResponse",
  deserializePartialIntegration: "ConnectedAccountIntegrationResponse",
  deserializePartialUser: "UserResponse",
};

/** Deserializers whose payload does not carry its guild take the guild's ID as well. */
const GUILD_SCOPED = new Set(["deserializeRole", "deserializeKnownCustomEmoji", "deserializeMember"]);

const deserializers = Object.getOwnPropertyNames(EntityFactory.prototype).filter((name) =>
  name.startsWith("deserialize"),
);

function call(name: string, value: unknown): unknown {
  const method = (factory as unknown as Record<string, (raw: unknown, guildId?: string) => unknown>)[name]!;
  return GUILD_SCOPED.has(name) ? method.call(factory, value, "1") : method.call(factory, value);
}

function onlyDeserializationErrors(name: string, value: unknown): void {
  let model: unknown;
  try {
    model = call(name, value);
  } catch (error) {
    if (!(error instanceof DeserializationError)) {
      throw new Error(`${name} threw ${String(error)} for ${JSON.stringify(value)?.slice(0, 300)}`);
    }
    return;
  }
  expect(model).toBeTypeOf("object");
  expect(() => JSON.stringify(model)).not.toThrow();
}

type Path = readonly (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

function replaceAt(value: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (remove && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number], rest, replacement, remove);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (remove && rest.length === 0) delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string], rest, replacement, remove);
  return copy;
}

describe("deserializers never throw anything but DeserializationError", () => {
  it("has the deserializers it should", () => {
    expect(deserializers).toEqual(expect.arrayContaining(Object.keys(SEEDS)));
  });

  it.each(deserializers)("%s on arbitrary JSON", (name) => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => onlyDeserializationErrors(name, value)),
      { numRuns: 300 },
    );
  });

  it.each(Object.entries(SEEDS))("%s on mutated %s payloads", (name, schema) => {
    const seeds = (["all", "required", "nulls"] as const).map((mode) => generatePayload(schema, mode));
    for (const seed of seeds) onlyDeserializationErrors(name, seed);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...seeds)
          .chain((seed) =>
            fc.tuple(
              fc.constant(seed),
              fc.constantFrom(...paths(seed)),
              fc.jsonValue({ maxDepth: 2 }),
              fc.boolean(),
            ),
          ),
        ([seed, path, replacement, remove]) =>
          onlyDeserializationErrors(name, replaceAt(seed, path, replacement, remove)),
      ),
      { numRuns: 500 },
    );
  });
});
