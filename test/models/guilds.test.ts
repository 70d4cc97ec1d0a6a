import { describe, expect, it } from "vitest";
import {
  deserializeGuildSticker,
  deserializeKnownCustomEmoji,
  deserializeMember,
  deserializeRestGuild,
  deserializeRole,
} from "../../src/factory/guilds.js";
import { deserializeUser } from "../../src/factory/users.js";
import {
  GuildExplicitContentFilterLevel,
  GuildFeature,
  GuildMessageNotificationsLevel,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  PartialGuild,
} from "../../src/models/guilds.js";
import { Locale } from "../../src/models/locales.js";
import { colorToHex } from "../../src/models/roles.js";
import { sample, without } from "./support.js";

const GUILD_ID = "152559372126519269";
const USER = without(sample("user.json"), "verified", "email", "premium_type");

function partialGuild(iconHash: string | null): PartialGuild {
  return new PartialGuild({
    app: null,
    id: GUILD_ID,
    name: "Krew",
    iconHash,
    features: [GuildFeature.COMMUNITY],
  });
}

const BASE_GUILD = {
  ...(sample("token-bot-authorization-with-guild.json").guild as Record<string, unknown>),
  id: GUILD_ID,
};

describe("guild enums and flags", () => {
  it("carry hikari's names and Discord's values", () => {
    expect(GuildVerificationLevel.VERY_HIGH).toBe(4);
    expect(GuildMessageNotificationsLevel.ONLY_MENTIONS).toBe(1);
    expect(GuildExplicitContentFilterLevel.ALL_MEMBERS).toBe(2);
    expect(GuildMFALevel.ELEVATED).toBe(1);
    expect(GuildPremiumTier.TIER_3).toBe(3);
    expect(GuildNSFWLevel.AGE_RESTRICTED).toBe(3);
    expect(GuildFeature.CREATOR_MONETIZABLE).toBe("CREATOR_MONETIZABLE_PROVISIONAL");
    expect(GuildFeature.CREATOR_MONETIZABLE_PROVISIONAL).toBe("CREATOR_MONETIZABLE_PROVISIONAL");
    expect(GuildFeature.GUILD_TAGS).toBe("GUILD_TAGS");
    expect(Locale.ES_LATAM).toBe("es-419");
    expect(Locale.EN_US).toBe("en-US");
  });

  it("name system channel flags", () => {
    expect(GuildSystemChannelFlags.from(0).toString()).toBe("NONE");
    expect(GuildSystemChannelFlags.from(3).toString()).toBe(
      "SUPPRESS_USER_JOIN|SUPPRESS_PREMIUM_SUBSCRIPTION",
    );
    expect(GuildSystemChannelFlags.from("8")).toBe(GuildSystemChannelFlags.SUPPRESS_USER_JOIN_REPLIES);
  });
});

describe("PartialGuild", () => {
  it("builds the icon URL, GIF for animated hashes", () => {
    expect(partialGuild("a_d4a9").iconUrl?.url).toBe(
      `https://cdn.discordapp.com/icons/${GUILD_ID}/a_d4a9.gif?size=4096`,
    );
    expect(partialGuild("a_d4a9").makeIconUrl({ ext: "png", size: 64 })?.url).toBe(
      `https://cdn.discordapp.com/icons/${GUILD_ID}/a_d4a9.png?size=64`,
    );
    expect(partialGuild("d4a9").iconUrl?.url).toBe(
      `https://cdn.discordapp.com/icons/${GUILD_ID}/d4a9.png?size=4096`,
    );
  });

  it("returns null without an icon, before checking options", () => {
    expect(partialGuild(null).iconUrl).toBeNull();
    expect(partialGuild(null).makeIconUrl({ size: 1 })).toBeNull();
  });

  it("prints its name, dates itself from its ID and computes its shard", () => {
    const guild = partialGuild(null);
    expect(String(guild)).toBe("Krew");
    expect(guild.createdAt.getTime()).toBe(1_420_070_400_000 + Number(BigInt(GUILD_ID) >> 22n));
    expect(guild.shardIdFor(1)).toBe(0);
    expect(guild.shardIdFor(16)).toBe(Number((BigInt(GUILD_ID) >> 22n) % 16n));
    expect(() => guild.shardIdFor(0)).toThrow(RangeError);
    expect(() => guild.shardIdFor(1.5)).toThrow(RangeError);
  });

  it("equals a guild of the same class and ID only", () => {
    const rest = deserializeRestGuild(BASE_GUILD, null);
    expect(partialGuild(null).equals(partialGuild("x"))).toBe(true);
    expect(partialGuild(null).equals(rest)).toBe(false);
    expect(rest.equals(partialGuild(null))).toBe(false);
    expect(partialGuild(null).toJSON()).toEqual({
      id: GUILD_ID,
      name: "Krew",
      icon: null,
      features: ["COMMUNITY"],
    });
  });
});

describe("RESTGuild", () => {
  it("builds banner, splash and discovery splash URLs", () => {
    const guild = deserializeRestGuild(
      { ...BASE_GUILD, banner: "a_b", splash: "s", discovery_splash: "d" },
      null,
    );
    expect(guild.bannerUrl?.url).toBe(`https://cdn.discordapp.com/banners/${GUILD_ID}/a_b.gif?size=4096`);
    expect(guild.splashUrl?.url).toBe(`https://cdn.discordapp.com/splashes/${GUILD_ID}/s.png?size=4096`);
    expect(guild.discoverySplashUrl?.url).toBe(
      `https://cdn.discordapp.com/discovery-splashes/${GUILD_ID}/d.png?size=4096`,
    );
    expect(() => guild.makeSplashUrl({ ext: "gif" })).toThrow(TypeError);
    const bare = deserializeRestGuild(BASE_GUILD, null);
    expect(bare.bannerUrl).toBeNull();
    expect(bare.splashUrl).toBeNull();
    expect(bare.discoverySplashUrl).toBeNull();
    expect(String(bare)).toBe("SomeTest");
  });
});

describe("Role", () => {
  const raw = {
    id: "41771983423143936",
    name: "Mods",
    color: 0x3498db,
    hoist: false,
    position: 2,
    permissions: "8",
    managed: false,
    mentionable: true,
    icon: "roleicon",
  };

  it("mentions, prints and colours itself", () => {
    const role = deserializeRole(raw, null, GUILD_ID);
    expect(role.mention).toBe("<@&41771983423143936>");
    expect(String(role)).toBe("Mods");
    expect(role.hexColor).toBe("#3498DB");
    expect(colorToHex(0)).toBe("#000000");
    expect(role.iconUrl?.url).toBe(
      "https://cdn.discordapp.com/role-icons/41771983423143936/roleicon.png?size=4096",
    );
    expect(() => role.makeIconUrl({ ext: "gif" })).toThrow(TypeError);
    expect(deserializeRole({ ...raw, icon: null }, null, GUILD_ID).iconUrl).toBeNull();
  });

  it("equals a role with the same ID", () => {
    const role = deserializeRole(raw, null, GUILD_ID);
    expect(role.equals(deserializeRole({ ...raw, name: "x" }, null, "1"))).toBe(true);
    expect(role.equals(deserializeRole({ ...raw, id: "1" }, null, GUILD_ID))).toBe(false);
  });
});

describe("KnownCustomEmoji", () => {
  it("mentions itself as <:name:id> or <a:name:id>", () => {
    const still = deserializeKnownCustomEmoji({ id: "12345", name: "LUL" }, null, null);
    const moving = deserializeKnownCustomEmoji({ id: "12345", name: "LUL", animated: true }, null, null);
    expect(still.mention).toBe("<:LUL:12345>");
    expect(String(moving)).toBe("<a:LUL:12345>");
    expect(still.urlName).toBe("LUL:12345");
    expect(still.filename).toBe("12345.png");
    expect(moving.filename).toBe("12345.gif");
    expect(still.url.url).toBe("https://cdn.discordapp.com/emojis/12345.png?size=4096");
    expect(moving.url.url).toBe("https://cdn.discordapp.com/emojis/12345.gif?size=4096");
    expect(moving.makeUrl({ ext: "webp", size: 32 }).url).toBe(
      "https://cdn.discordapp.com/emojis/12345.webp?size=32",
    );
    expect(still.equals(moving)).toBe(true);
  });
});

describe("GuildSticker", () => {
  it("picks the file format from the sticker's format type", () => {
    const base = { id: "749054660769218631", name: "Wave", tags: "wave", description: null, format_type: 1 };
    expect(deserializeGuildSticker(base, null).imageUrl.url).toBe(
      "https://cdn.discordapp.com/stickers/749054660769218631.png",
    );
    expect(deserializeGuildSticker({ ...base, format_type: 2 }, null).imageUrl.url).toMatch(/\.png$/);
    expect(deserializeGuildSticker({ ...base, format_type: 4 }, null).imageUrl.url).toMatch(/\.gif$/);
    expect(String(deserializeGuildSticker(base, null))).toBe("Wave");
  });
});

describe("Member", () => {
  const member = deserializeMember(
    { ...sample("guild-member.json"), user: USER, avatar: "a_guildavatar", banner: "gbanner" },
    null,
    GUILD_ID,
  );
  const plain = deserializeMember({ ...sample("guild-member.json"), user: USER, nick: null }, null, GUILD_ID);

  it("shows the nickname, else the user's display name", () => {
    expect(member.displayName).toBe("NOT API SUPPORT");
    expect(plain.displayName).toBe("Nelly");
    const named = deserializeMember(
      { ...sample("guild-member.json"), user: { ...USER, global_name: "Nel" }, nick: null },
      null,
      GUILD_ID,
    );
    expect(named.displayName).toBe("Nel");
  });

  it("forwards ID, mention and text to the user", () => {
    expect(member.id).toBe("80351110224678912");
    expect(member.mention).toBe("<@80351110224678912>");
    expect(String(member)).toBe("Nelly#1337");
  });

  it("builds guild avatar and banner URLs and falls back to the user's", () => {
    expect(member.guildAvatarUrl?.url).toBe(
      `https://cdn.discordapp.com/guilds/${GUILD_ID}/users/80351110224678912/avatars/a_guildavatar.gif?size=4096`,
    );
    expect(member.guildBannerUrl?.url).toBe(
      `https://cdn.discordapp.com/guilds/${GUILD_ID}/users/80351110224678912/banners/gbanner.png?size=4096`,
    );
    expect(member.displayAvatarUrl.url).toBe(member.guildAvatarUrl?.url);
    expect(plain.guildAvatarUrl).toBeNull();
    expect(plain.displayAvatarUrl.url).toBe(
      "https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png?size=4096",
    );
    expect(plain.displayBannerUrl?.url).toBe(
      "https://cdn.discordapp.com/banners/80351110224678912/06c16474723fe537c283b8efa61a30c8.png?size=4096",
    );
    expect(plain.displayAvatarDecoration?.assetHash).toBe("a_fed43ab12698df65902ba06727e20c0e");
  });

  it("knows whether a timeout is running", () => {
    const timedOut = deserializeMember(
      {
        ...sample("guild-member.json"),
        user: USER,
        communication_disabled_until: "2030-01-01T00:00:00+00:00",
      },
      null,
      GUILD_ID,
    );
    expect(timedOut.isTimedOut(new Date("2029-12-31T00:00:00Z"))).toBe(true);
    expect(timedOut.isTimedOut(new Date("2030-01-02T00:00:00Z"))).toBe(false);
    expect(plain.isTimedOut()).toBe(false);
  });

  it("equals a member of the same guild for the same user", () => {
    expect(member.equals(plain)).toBe(true);
    expect(member.equals(deserializeMember({ ...sample("guild-member.json"), user: USER }, null, "1"))).toBe(
      false,
    );
    expect(member.equals(deserializeUser(USER, null))).toBe(false);
  });
});
