/**
 * Whatever JSON value reaches one of the user, guild or webhook deserializers, it returns a model or
 * throws DeserializationError, never anything else; and a model it returns always serializes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeserializationError } from "../../src/errors.js";
import {
  deserializeGuildSticker,
  deserializeKnownCustomEmoji,
  deserializeMember,
  deserializePartialIntegration,
  deserializeRestGuild,
  deserializeRole,
} from "../../src/factory/guilds.js";
import { deserializeMyUser, deserializePartialUser, deserializeUser } from "../../src/factory/users.js";
import { deserializeIncomingWebhook } from "../../src/factory/webhooks.js";
import { generatePayload } from "../support/openapi.js";

interface Target {
  readonly name: string;
  readonly schema: string;
  readonly run: (raw: unknown) => { toJSON(): unknown };
}

const TARGETS: readonly Target[] = [
  { name: "deserializeUser", schema: "UserResponse", run: (raw) => deserializeUser(raw, null) },
  { name: "deserializeMyUser", schema: "UserPIIResponse", run: (raw) => deserializeMyUser(raw, null) },
  { name: "deserializePartialUser", schema: "UserResponse", run: (raw) => deserializePartialUser(raw, null) },
  {
    name: "deserializeRestGuild",
    schema: "GuildWithCountsResponse",
    run: (raw) => deserializeRestGuild(raw, null),
  },
  { name: "deserializeRole", schema: "GuildRoleResponse", run: (raw) => deserializeRole(raw, null, "1") },
  {
    name: "deserializeKnownCustomEmoji",
    schema: "EmojiResponse",
    run: (raw) => deserializeKnownCustomEmoji(raw, null, "1"),
  },
  {
    name: "deserializeGuildSticker",
    schema: "GuildStickerResponse",
    run: (raw) => deserializeGuildSticker(raw, null),
  },
  {
    name: "deserializePartialIntegration",
    schema: "ConnectedAccountIntegrationResponse",
    run: (raw) => deserializePartialIntegration(raw, null),
  },
  {
    name: "deserializeMember",
    schema: "PrivateGuildMemberResponse",
    run: (raw) => deserializeMember(raw, null, "1"),
  },
  {
    name: "deserializeIncomingWebhook",
    schema: "GuildIncomingWebhookResponse",
    run: (raw) => deserializeIncomingWebhook(raw, null),
  },
];

function check(target: Target, value: unknown): void {
  let model: { toJSON(): unknown };
  try {
    model = target.run(value);
  } catch (error) {
    expect(error).toBeInstanceOf(DeserializationError);
    return;
  }
  expect(() => JSON.stringify(model)).not.toThrow();
}

/** Sets the value at a random path of `payload` (objects and arrays) to `replacement`. */
function mutate(payload: unknown, choices: readonly number[], replacement: unknown): unknown {
  if (typeof payload !== "object" || payload === null) return replacement;
  const copy = (Array.isArray(payload) ? [...payload] : { ...payload }) as Record<string, unknown>;
  const keys = Object.keys(copy);
  if (keys.length === 0 || choices.length === 0) return replacement;
  const [choice = 0, ...rest] = choices;
  const key = keys[choice % keys.length]!;
  copy[key] = rest.length === 0 ? replacement : mutate(copy[key], rest, replacement);
  return copy;
}

describe.each(TARGETS)("$name", (target) => {
  const seeds = [
    generatePayload(target.schema, "all"),
    generatePayload(target.schema, "required"),
    generatePayload(target.schema, "nulls"),
  ];

  it("accepts the generated seeds", () => {
    for (const seed of seeds) expect(() => target.run(seed)).not.toThrow();
  });

  it("throws only DeserializationError for arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => check(target, value)),
      { numRuns: 200 },
    );
  });

  it("throws only DeserializationError when one value deep inside a valid payload is replaced", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.oneof(
          fc.jsonValue(),
          fc.constantFrom(-1, 2 ** 60, 1e308, "", "-5", "1e3", "2015-13-45T99:99:99Z", [], {}, null),
        ),
        (seed, choices, replacement) => check(target, mutate(seed, choices, replacement)),
      ),
      { numRuns: 300 },
    );
  });
});
