import { describe, expect, it } from "vitest";
import {
  deserializeMyUser,
  deserializePartialUser,
  deserializeUser,
  serializeMyUser,
  serializePartialUser,
  serializeUser,
} from "../../src/factory/users.js";
import { OwnUser, PartialUser, PremiumType, User, UserFlags } from "../../src/models/users.js";
import type { RESTAware } from "../../src/traits.js";
import { deserializationError, nulled, sample, viaJson, without } from "../models/support.js";
import { SERIALIZED_USER_DEFAULTS } from "./helpers.js";

const USER = sample("user.json");
const app = { rest: {}, entityFactory: {} } as unknown as RESTAware;

describe("deserializeUser", () => {
  it("reads every field of Discord's example user", () => {
    const user = deserializeUser(USER, app);
    expect(user).toBeInstanceOf(User);
    expect(user.app).toBe(app);
    expect(user.id).toBe("80351110224678912");
    expect(user.username).toBe("Nelly");
    expect(user.globalName).toBeNull();
    expect(user.discriminator).toBe("1337");
    expect(user.avatarHash).toBe("8342729096ea3675442027381ff50dfe");
    expect(user.bannerHash).toBe("06c16474723fe537c283b8efa61a30c8");
    expect(user.accentColor).toBe(16711680);
    expect(user.isBot).toBe(false);
    expect(user.isSystem).toBe(false);
    expect(user.flags).toBe(UserFlags.HYPESQUAD_BRAVERY);
    expect(user.publicFlags).toBe(UserFlags.HYPESQUAD_BRAVERY);
    expect(user.avatarDecoration?.assetHash).toBe("a_fed43ab12698df65902ba06727e20c0e");
    expect(user.avatarDecoration?.skuId).toBe("1144058844004233369");
    expect(user.avatarDecoration?.expiresAt).toBeNull();
    expect(user.collectibles?.nameplate?.palette).toBe("cobalt");
    expect(user.collectibles?.nameplate?.asset).toBe("nameplates/nameplates/twilight/");
    expect(user.collectibles?.nameplate?.label).toBe("");
    expect(user.collectibles?.nameplate?.skuId).toBe("2247558840304243311");
    expect(user.primaryGuild?.identityGuildId).toBe("1234647491267808778");
    expect(user.primaryGuild?.identityEnabled).toBe(true);
    expect(user.primaryGuild?.tag).toBe("DISC");
    expect(user.primaryGuild?.badgeHash).toBe("7d1734ae5a615e82bc7a4033b98fade8");
  });

  it("fills unset optional keys with null, false and NONE", () => {
    const user = deserializeUser(
      { id: "115590097100865541", username: "nyaa", discriminator: "6127", avatar: null },
      null,
    );
    expect(user.app).toBeNull();
    expect(user.globalName).toBeNull();
    expect(user.avatarHash).toBeNull();
    expect(user.bannerHash).toBeNull();
    expect(user.accentColor).toBeNull();
    expect(user.isBot).toBe(false);
    expect(user.isSystem).toBe(false);
    expect(user.flags).toBe(UserFlags.NONE);
    expect(user.publicFlags).toBe(UserFlags.NONE);
    expect(user.avatarDecoration).toBeNull();
    expect(user.collectibles).toBeNull();
    expect(user.primaryGuild).toBeNull();
  });

  it("treats optional keys sent as null like unset keys", () => {
    const raw = nulled(
      USER,
      "global_name",
      "banner",
      "accent_color",
      "bot",
      "system",
      "public_flags",
      "flags",
      "avatar_decoration_data",
      "collectibles",
      "primary_guild",
    );
    const user = deserializeUser(raw, null);
    expect(user.bannerHash).toBeNull();
    expect(user.accentColor).toBeNull();
    expect(user.isBot).toBe(false);
    expect(user.flags).toBe(UserFlags.NONE);
    expect(user.avatarDecoration).toBeNull();
    expect(user.collectibles).toBeNull();
    expect(user.primaryGuild).toBeNull();
  });

  it("takes flags from public_flags when flags is left out, and the other way round", () => {
    expect(deserializeUser(without(USER, "flags"), null).flags).toBe(UserFlags.HYPESQUAD_BRAVERY);
    const owner = deserializeUser(
      { id: "172150183260323840", username: "i own a bot", discriminator: "1738", avatar: null, flags: 1024 },
      null,
    );
    expect(owner.flags).toBe(UserFlags.TEAM_USER);
    expect(owner.publicFlags).toBe(UserFlags.NONE);
  });

  it("accepts flags as decimal strings and keeps bits above 31", () => {
    const user = deserializeUser({ ...USER, flags: ((1n << 50n) | 64n).toString() }, null);
    expect(user.flags.has(UserFlags.COLLABORATOR, UserFlags.HYPESQUAD_BRAVERY)).toBe(true);
  });

  it("reads bot and system flags and an expiring decoration", () => {
    const user = deserializeUser(
      {
        ...USER,
        bot: true,
        system: true,
        avatar_decoration_data: { asset: "abc", sku_id: null, expires_at: 1_700_000_000 },
      },
      null,
    );
    expect(user.isBot).toBe(true);
    expect(user.isSystem).toBe(true);
    expect(user.avatarDecoration?.skuId).toBeNull();
    expect(user.avatarDecoration?.expiresAt?.toISOString()).toBe("2023-11-14T22:13:20.000Z");
  });

  it.each([
    [[], "$", "object"],
    [without(USER, "id"), "$.id", "snowflake"],
    [{ ...USER, id: "12a" }, "$.id", "snowflake"],
    [without(USER, "username"), "$.username", "string"],
    [without(USER, "discriminator"), "$.discriminator", "string"],
    [without(USER, "avatar"), "$.avatar", "string or null"],
    [{ ...USER, bot: "yes" }, "$.bot", "boolean"],
    [{ ...USER, accent_color: 0x1000000 }, "$.accent_color", "color (integer from 0 to 16777215) or null"],
    [{ ...USER, accent_color: -1 }, "$.accent_color", "color (integer from 0 to 16777215) or null"],
    [{ ...USER, public_flags: -1 }, "$.public_flags", "bit field (decimal string or integer)"],
    [{ ...USER, avatar_decoration_data: { sku_id: "1" } }, "$.avatar_decoration_data.asset", "string"],
    [{ ...USER, avatar_decoration_data: [] }, "$.avatar_decoration_data", "object"],
    [
      { ...USER, primary_guild: { identity_guild_id: 5.5 } },
      "$.primary_guild.identity_guild_id",
      "snowflake",
    ],
    [
      { ...USER, collectibles: { nameplate: { asset: "x", label: "" } } },
      "$.collectibles.nameplate.palette",
      "string",
    ],
  ])("rejects a bad payload with a precise path (%#)", (raw, path, expected) => {
    const error = deserializationError(() => deserializeUser(raw, null));
    expect(error.path).toBe(path);
    expect(error.expected).toBe(expected);
  });

  it("uses the caller's path for a nested user", () => {
    const error = deserializationError(() => deserializeUser({ id: 1 }, null, "$.team.members[2].user"));
    expect(error.path).toBe("$.team.members[2].user.username");
  });

  it.each([null, undefined, 1, "x", true, [1]])(
    "never throws anything but DeserializationError (%s)",
    (raw) => {
      deserializationError(() => deserializeUser(raw, null));
    },
  );
});

describe("serializeUser", () => {
  it("gives back every key of Discord's example (minus the PII keys a plain user lacks)", () => {
    const raw = without(USER, "verified", "email", "premium_type");
    expect(serializeUser(deserializeUser(raw, null))).toEqual({ ...raw, bot: false, system: false });
  });

  it("writes null for the nullable keys Discord left out", () => {
    const out = serializeUser(
      deserializeUser({ id: "1", username: "a", discriminator: "0", avatar: null }, null),
    );
    expect(out).toEqual({
      id: "1",
      username: "a",
      discriminator: "0",
      avatar: null,
      ...SERIALIZED_USER_DEFAULTS,
    });
  });

  it("round-trips through JSON to an equal model with equal fields", () => {
    const user = deserializeUser(USER, null);
    const again = deserializeUser(viaJson(user), null);
    expect(again.equals(user)).toBe(true);
    expect(again).toEqual(user);
    expect(user.toJSON()).toEqual(serializeUser(user));
  });

  it("keeps an avatar decoration's expiry in Unix seconds", () => {
    const raw = { ...USER, avatar_decoration_data: { asset: "abc", sku_id: "5", expires_at: 1_700_000_000 } };
    expect(serializeUser(deserializeUser(raw, null)).avatar_decoration_data).toEqual(
      raw.avatar_decoration_data,
    );
  });
});

describe("deserializeMyUser", () => {
  it("reads the current user's private fields", () => {
    const me = deserializeMyUser({ ...USER, mfa_enabled: true, locale: "en-US" }, app);
    expect(me).toBeInstanceOf(OwnUser);
    expect(me.isMfaEnabled).toBe(true);
    expect(me.locale).toBe("en-US");
    expect(me.isVerified).toBe(true);
    expect(me.email).toBe("nelly@discord.com");
    expect(me.premiumType).toBe(PremiumType.NONE);
    expect(me.username).toBe("Nelly");
  });

  it("maps unset private keys to false and null", () => {
    const me = deserializeMyUser(without(USER, "verified", "email", "premium_type"), null);
    expect(me.isMfaEnabled).toBe(false);
    expect(me.locale).toBeNull();
    expect(me.isVerified).toBeNull();
    expect(me.email).toBeNull();
    expect(me.premiumType).toBeNull();
  });

  it("maps private keys sent as null to false and null", () => {
    const me = deserializeMyUser(
      nulled(USER, "verified", "email", "premium_type", "mfa_enabled", "locale"),
      null,
    );
    expect(me.isMfaEnabled).toBe(false);
    expect(me.isVerified).toBeNull();
    expect(me.email).toBeNull();
    expect(me.premiumType).toBeNull();
  });

  it("keeps a premium type and locale Discord adds later", () => {
    const me = deserializeMyUser({ ...USER, premium_type: 9, locale: "tlh" }, null);
    expect(me.premiumType).toBe(9);
    expect(me.locale).toBe("tlh");
  });

  it("rejects a bad private key with its path", () => {
    expect(deserializationError(() => deserializeMyUser({ ...USER, premium_type: "2" }, null)).path).toBe(
      "$.premium_type",
    );
    expect(deserializationError(() => deserializeMyUser({ ...USER, email: 5 }, null)).path).toBe("$.email");
  });

  it("serializes every key of Discord's example back", () => {
    const raw = { ...USER, mfa_enabled: false, locale: "en-US" };
    const me = deserializeMyUser(raw, null);
    expect(serializeMyUser(me)).toEqual({ ...raw, bot: false, system: false });
    expect(me.toJSON()).toEqual(serializeMyUser(me));
    expect(deserializeMyUser(viaJson(me), null)).toEqual(me);
  });

  it("leaves out unknown private values that Discord never sends as null", () => {
    const out = serializeMyUser(deserializeMyUser(without(USER, "verified", "email", "premium_type"), null));
    expect(out).not.toHaveProperty("verified");
    expect(out).not.toHaveProperty("premium_type");
    expect(out).not.toHaveProperty("locale");
    expect(out.email).toBeNull();
    expect(out.mfa_enabled).toBe(false);
  });
});

describe("deserializePartialUser", () => {
  it("needs only the ID and marks every missing key undefined", () => {
    const user = deserializePartialUser({ id: "123" }, null);
    expect(user).toBeInstanceOf(PartialUser);
    expect(user).not.toBeInstanceOf(User);
    expect(user.username).toBeUndefined();
    expect(user.avatarHash).toBeUndefined();
    expect(user.flags).toBeUndefined();
    expect(user.isBot).toBeUndefined();
    expect(String(user)).toBe("Partial user ID 123");
  });

  it("tells null (sent as null) from undefined (left out)", () => {
    const user = deserializePartialUser(
      { id: "123", avatar: null, global_name: null, username: "thomm.o" },
      null,
    );
    expect(user.avatarHash).toBeNull();
    expect(user.globalName).toBeNull();
    expect(user.bannerHash).toBeUndefined();
    expect(user.username).toBe("thomm.o");
  });

  it("reads a full payload like deserializeUser does", () => {
    const partial = deserializePartialUser(USER, null);
    const full = deserializeUser(USER, null);
    expect(partial.username).toBe(full.username);
    expect(partial.flags).toBe(full.flags);
    expect(partial.avatarDecoration).toEqual(full.avatarDecoration);
    expect(partial.equals(full)).toBe(false);
  });

  it("rejects a present key of the wrong type, and a missing ID", () => {
    expect(deserializationError(() => deserializePartialUser({ id: "1", username: null }, null)).path).toBe(
      "$.username",
    );
    expect(deserializationError(() => deserializePartialUser({ username: "x" }, null)).path).toBe("$.id");
  });

  it("serializes only the known keys", () => {
    const raw = { id: "123", avatar: null, username: "thomm.o", public_flags: 64 };
    const user = deserializePartialUser(raw, null);
    expect(serializePartialUser(user)).toEqual(raw);
    expect(user.toJSON()).toEqual(raw);
  });
});
