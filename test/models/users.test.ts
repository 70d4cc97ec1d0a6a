import { describe, expect, it } from "vitest";
import { deserializeUser } from "../../src/factory/users.js";
import {
  AvatarDecoration,
  PartialUser,
  PrimaryGuild,
  User,
  UserFlags,
  type UserInit,
} from "../../src/models/users.js";
import { APP, sample } from "./support.js";

function makeUser(changes: Partial<UserInit> = {}): User {
  return new User({
    app: null,
    id: "115590097100865541",
    username: "nyaa",
    discriminator: "6127",
    globalName: null,
    avatarHash: "18dnf8dfbakfdh",
    bannerHash: null,
    accentColor: null,
    isBot: false,
    isSystem: false,
    flags: UserFlags.NONE,
    publicFlags: UserFlags.NONE,
    avatarDecoration: null,
    collectibles: null,
    primaryGuild: null,
    ...changes,
  });
}

describe("UserFlags", () => {
  it("names combined flags in bit order", () => {
    expect(UserFlags.from((1 << 17) | (1 << 22)).toString()).toBe(
      "EARLY_VERIFIED_DEVELOPER|ACTIVE_DEVELOPER",
    );
    expect(UserFlags.from(4325376).value).toBe(4325376n);
  });

  it("prints NONE for zero and keeps unknown bits", () => {
    expect(UserFlags.from(0).toString()).toBe("NONE");
    expect(UserFlags.from(1 << 30).toString()).toBe("UNKNOWN 0x40000000");
  });

  it("has hikari's HEAD bits and Discord's names as aliases", () => {
    expect(UserFlags.QUARANTINED.value).toBe(1n << 44n);
    expect(UserFlags.RESTRICTED_COLLABORATOR.value).toBe(1n << 51n);
    expect(UserFlags.SPAMMER.value).toBe(1n << 20n);
    expect(UserFlags.PROVISIONAL_ACCOUNT.value).toBe(1n << 23n);
    expect(UserFlags.TEAM_PSEUDO_USER).toBe(UserFlags.TEAM_USER);
    expect(UserFlags.STAFF.toString()).toBe("DISCORD_EMPLOYEE");
  });
});

describe("User", () => {
  it("prints username#discriminator, or the username alone for migrated accounts", () => {
    expect(String(makeUser())).toBe("nyaa#6127");
    expect(String(makeUser({ discriminator: "0", username: "new" }))).toBe("new");
  });

  it("mentions as <@id> and dates itself from the ID", () => {
    const user = makeUser({ id: "537340989808050216" });
    expect(user.mention).toBe("<@537340989808050216>");
    expect(user.createdAt.toISOString()).toBe("2019-01-22T18:41:15.283Z");
  });

  it("shows the global name when set, else the username", () => {
    expect(makeUser().displayName).toBe("nyaa");
    expect(makeUser({ globalName: "Nyaa!" }).displayName).toBe("Nyaa!");
  });

  it("builds the avatar URL as GIF for animated hashes and PNG otherwise", () => {
    expect(makeUser({ avatarHash: "a_18dnf8dfbakfdh" }).avatarUrl?.url).toBe(
      "https://cdn.discordapp.com/avatars/115590097100865541/a_18dnf8dfbakfdh.gif?size=4096",
    );
    expect(makeUser().avatarUrl?.url).toBe(
      "https://cdn.discordapp.com/avatars/115590097100865541/18dnf8dfbakfdh.png?size=4096",
    );
    expect(makeUser().makeAvatarUrl({ ext: "webp", size: 64 })?.url).toBe(
      "https://cdn.discordapp.com/avatars/115590097100865541/18dnf8dfbakfdh.webp?size=64",
    );
  });

  it("rejects GIF for a static avatar and a bad size", () => {
    expect(() => makeUser().makeAvatarUrl({ ext: "gif" })).toThrow(TypeError);
    expect(() => makeUser().makeAvatarUrl({ size: 100 })).toThrow(RangeError);
  });

  it("returns null URLs without hashes, even for bad options", () => {
    const user = makeUser({ avatarHash: null });
    expect(user.avatarUrl).toBeNull();
    expect(user.makeAvatarUrl({ size: 1 })).toBeNull();
    expect(user.bannerUrl).toBeNull();
    expect(user.avatarDecorationUrl).toBeNull();
  });

  it("builds the banner URL", () => {
    expect(makeUser({ bannerHash: "a_b" }).bannerUrl?.url).toBe(
      "https://cdn.discordapp.com/banners/115590097100865541/a_b.gif?size=4096",
    );
    expect(makeUser({ bannerHash: "b" }).makeBannerUrl({ ext: "jpg", size: 16 })?.url).toBe(
      "https://cdn.discordapp.com/banners/115590097100865541/b.jpg?size=16",
    );
  });

  it.each([
    ["6127", "115590097100865541", 2],
    ["1234", "115590097100865541", 4],
    ["0", "377812572784820226", 0],
    ["0", "80351110224678912", Number((80351110224678912n >> 22n) % 6n)],
  ])("picks the default avatar for discriminator %s (id %s) as index %i", (discriminator, id, index) => {
    const user = makeUser({ discriminator, id });
    expect(user.defaultAvatarIndex).toBe(index);
    expect(user.defaultAvatarUrl.url).toBe(`https://cdn.discordapp.com/embed/avatars/${index}.png`);
  });

  it("shows the avatar when set, else the default avatar", () => {
    expect(makeUser().displayAvatarUrl.url).toContain("/avatars/115590097100865541/18dnf8dfbakfdh.png");
    expect(makeUser({ avatarHash: null }).displayAvatarUrl.url).toBe(
      "https://cdn.discordapp.com/embed/avatars/2.png",
    );
  });

  it("builds the avatar decoration URL", () => {
    const user = deserializeUser(sample("user.json"), null);
    expect(user.avatarDecorationUrl?.url).toBe(
      "https://cdn.discordapp.com/avatar-decoration-presets/a_fed43ab12698df65902ba06727e20c0e.png?size=4096",
    );
    const decoration = new AvatarDecoration({ assetHash: "abc", skuId: null, expiresAt: null });
    expect(decoration.makeUrl({ size: 128 }).url).toBe(
      "https://cdn.discordapp.com/avatar-decoration-presets/abc.png?size=128",
    );
  });

  it("builds the guild tag badge URL only with a badge and a guild", () => {
    const user = deserializeUser(sample("user.json"), null);
    expect(user.primaryGuild?.badgeUrl?.url).toBe(
      "https://cdn.discordapp.com/guild-tag-badges/1234647491267808778/7d1734ae5a615e82bc7a4033b98fade8.png?size=4096",
    );
    const cleared = new PrimaryGuild({
      identityGuildId: null,
      identityEnabled: null,
      tag: null,
      badgeHash: "x",
    });
    expect(cleared.badgeUrl).toBeNull();
  });

  it("equals a user of the same class and ID only", () => {
    const user = makeUser();
    expect(user.equals(makeUser({ username: "other" }))).toBe(true);
    expect(user.equals(makeUser({ id: "1" }))).toBe(false);
    expect(user.equals("115590097100865541")).toBe(false);
    const partial = new PartialUser({ ...makeUser(), app: null });
    expect(user.equals(partial)).toBe(false);
    expect(partial.equals(user)).toBe(false);
  });

  it("keeps app out of JSON and enumeration", () => {
    const user = makeUser({ app: APP });
    expect(user.app).toBe(APP);
    expect(Object.keys(user)).not.toContain("app");
    expect(JSON.stringify(user)).not.toContain("entityFactory");
  });
});

describe("PartialUser", () => {
  function partial(username: string | undefined, discriminator: string | undefined): PartialUser {
    return new PartialUser({
      app: null,
      id: "123",
      username,
      discriminator,
      globalName: undefined,
      avatarHash: undefined,
      bannerHash: undefined,
      accentColor: undefined,
      isBot: undefined,
      isSystem: undefined,
      flags: undefined,
      publicFlags: undefined,
      avatarDecoration: undefined,
      collectibles: undefined,
      primaryGuild: undefined,
    });
  }

  it("prints like a user when the name is known, else Partial user ID <id>", () => {
    expect(String(partial("thomm.o", "8637"))).toBe("thomm.o#8637");
    expect(String(partial(undefined, "8637"))).toBe("Partial user ID 123");
    expect(String(partial("thomm.o", undefined))).toBe("Partial user ID 123");
    expect(String(partial("thomm.o", "0"))).toBe("thomm.o");
  });

  it("mentions as <@id> and has no avatar URL when the hash is unknown", () => {
    expect(partial(undefined, undefined).mention).toBe("<@123>");
    expect(partial(undefined, undefined).avatarUrl).toBeNull();
  });
});

describe("User equality with models that wrap a user", () => {
  it("asks the wrapper, so both directions agree", () => {
    const user = makeUser();
    const sameUser = { user: makeUser(), equals: (other: unknown) => makeUser().equals(other) };
    const refusing = { user: makeUser(), equals: () => false };
    expect(user.equals(sameUser)).toBe(true);
    expect(user.equals(refusing)).toBe(false);
    expect(user.equals({ user: "115590097100865541", equals: () => true })).toBe(false);
    expect(user.equals({ id: "115590097100865541" })).toBe(false);
  });
});
