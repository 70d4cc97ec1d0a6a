import { describe, expect, it } from "vitest";
import {
  deserializeGuildSticker,
  deserializeKnownCustomEmoji,
  deserializeMember,
  deserializePartialIntegration,
  deserializeRestGuild,
  deserializeRole,
  readPartialGuildFields,
  serializeGuildSticker,
  serializeKnownCustomEmoji,
  serializeMember,
  serializePartialIntegration,
  serializeRestGuild,
  serializeRole,
} from "../../src/factory/guilds.js";
import { GuildNSFWLevel, GuildSystemChannelFlags, RESTGuild } from "../../src/models/guilds.js";
import { GuildMemberFlags, Member } from "../../src/models/members.js";
import { Permissions } from "../../src/models/permissions.js";
import { RoleFlags } from "../../src/models/roles.js";
import { StickerFormatType, StickerType } from "../../src/models/stickers.js";
import { clone, deserializationError, nulled, sample, viaJson, without } from "../models/support.js";
import { SERIALIZED_USER_DEFAULTS } from "./helpers.js";

const BOT_GRANT_GUILD = sample("token-bot-authorization-with-guild.json").guild as Record<string, unknown>;
const USER = without(sample("user.json"), "verified", "email", "premium_type");
const GUILD_ID = "290926798626357250";

const ROLE = {
  id: "41771983423143936",
  name: "WE DEM BOYZZ!!!!!!",
  color: 3447003,
  colors: { primary_color: 3447003, secondary_color: 15277667, tertiary_color: null },
  hoist: true,
  icon: "cf3ced8600b777c9486c7c5a1c1d3b2a",
  unicode_emoji: null,
  position: 1,
  permissions: "66321471",
  managed: false,
  mentionable: false,
  flags: 1,
  tags: { bot_id: "1", integration_id: "2", subscription_listing_id: "3", premium_subscriber: null },
};

const EMOJI = {
  id: "41771983429993937",
  name: "LUL",
  roles: ["41771983429993000", "41771983429993111"],
  user: {
    id: "96008815106887111",
    username: "Luigi",
    discriminator: "0002",
    avatar: "5500909a3274e1812beb4e8de6631111",
  },
  require_colons: true,
  managed: false,
  animated: false,
  available: true,
};

const STICKER = {
  id: "749054660769218631",
  name: "Wave",
  tags: "wumpus, hello, sup, hi, oi, heyo, heya, yo, wave",
  type: 2,
  format_type: 3,
  description: "Wumpus waves hello",
  available: true,
  guild_id: GUILD_ID,
  user: USER,
};

const FULL_GUILD = {
  ...clone(BOT_GRANT_GUILD),
  id: GUILD_ID,
  roles: [ROLE, { ...clone(ROLE), id: GUILD_ID, name: "@everyone", tags: undefined }],
  emojis: [EMOJI],
  stickers: [STICKER],
  icon: "a_1269e74af4df7417b13759eae50c83dc",
  banner: "9b6439a7de04f1d26af92f84ac9e1e4a",
  splash: "abc",
  discovery_splash: "def",
  home_header: "ghi",
  application_id: "5",
  afk_channel_id: "6",
  system_channel_id: "7",
  widget_channel_id: "8",
  rules_channel_id: "9",
  safety_alerts_channel_id: "10",
  public_updates_channel_id: "11",
  description: "",
  vanity_url_code: "krew",
  max_stage_video_channel_users: 50,
  premium_progress_bar_enabled: true,
  nsfw: false,
  nsfw_level: 2,
  system_channel_flags: 9,
  features: ["COMMUNITY", "NEWS", "SOMETHING_NEW"],
  incidents_data: {
    invites_disabled_until: "2026-11-25T12:00:00.000000+00:00",
    dms_disabled_until: null,
    raid_detected_at: "2026-11-24T12:00:00.000000+00:00",
  },
  approximate_member_count: 3268,
  approximate_presence_count: 784,
};
delete (FULL_GUILD as Record<string, unknown>).region;
(FULL_GUILD.roles[1] as Record<string, unknown>).tags = undefined;
const EVERYONE = FULL_GUILD.roles[1] as Record<string, unknown>;
delete EVERYONE.tags;

describe("deserializeRestGuild", () => {
  it("reads a full guild", () => {
    const guild = deserializeRestGuild(FULL_GUILD, null);
    expect(guild).toBeInstanceOf(RESTGuild);
    expect(guild.id).toBe(GUILD_ID);
    expect(guild.name).toBe("SomeTest");
    expect(guild.iconHash).toBe("a_1269e74af4df7417b13759eae50c83dc");
    expect(guild.features).toEqual(["COMMUNITY", "NEWS", "SOMETHING_NEW"]);
    expect(guild.description).toBe("");
    expect(guild.homeHeaderHash).toBe("ghi");
    expect(guild.splashHash).toBe("abc");
    expect(guild.discoverySplashHash).toBe("def");
    expect(guild.bannerHash).toBe("9b6439a7de04f1d26af92f84ac9e1e4a");
    expect(guild.ownerId).toBe("53908232999183680");
    expect(guild.applicationId).toBe("5");
    expect(guild.afkChannelId).toBe("6");
    expect(guild.afkTimeout).toBe(300);
    expect(guild.systemChannelId).toBe("7");
    expect(guild.systemChannelFlags.toString()).toBe("SUPPRESS_USER_JOIN|SUPPRESS_USER_JOIN_REPLIES");
    expect(guild.isWidgetEnabled).toBe(false);
    expect(guild.widgetChannelId).toBe("8");
    expect(guild.verificationLevel).toBe(0);
    expect(guild.defaultMessageNotifications).toBe(1);
    expect(guild.mfaLevel).toBe(0);
    expect(guild.explicitContentFilter).toBe(0);
    expect(guild.maxPresences).toBeNull();
    expect(guild.maxMembers).toBe(100000);
    expect(guild.maxStageVideoChannelUsers).toBe(50);
    expect(guild.maxVideoChannelUsers).toBe(25);
    expect(guild.vanityUrlCode).toBe("krew");
    expect(guild.premiumTier).toBe(0);
    expect(guild.premiumSubscriptionCount).toBe(0);
    expect(guild.preferredLocale).toBe("en-US");
    expect(guild.rulesChannelId).toBe("9");
    expect(guild.safetyAlertsChannelId).toBe("10");
    expect(guild.publicUpdatesChannelId).toBe("11");
    expect(guild.isPremiumProgressBarEnabled).toBe(true);
    expect(guild.isNsfw).toBe(false);
    expect(guild.nsfwLevel).toBe(GuildNSFWLevel.SAFE);
    expect(guild.incidents?.invitesDisabledUntil?.toISOString()).toBe("2026-11-25T12:00:00.000Z");
    expect(guild.incidents?.dmsDisabledUntil).toBeNull();
    expect(guild.incidents?.raidDetectedAt?.toISOString()).toBe("2026-11-24T12:00:00.000Z");
    expect(guild.incidents?.dmSpamDetectedAt).toBeNull();
    expect(guild.approximateMemberCount).toBe(3268);
    expect(guild.approximateActiveMemberCount).toBe(784);
    expect([...guild.roles.keys()]).toEqual(["41771983423143936", GUILD_ID]);
    expect(guild.roles.get(ROLE.id)?.guildId).toBe(GUILD_ID);
    expect(guild.everyoneRole?.name).toBe("@everyone");
    expect(guild.emojis.get(EMOJI.id)?.guildId).toBe(GUILD_ID);
    expect(guild.stickers.get(STICKER.id)?.name).toBe("Wave");
  });

  it("reads the old guild of the bot-grant sample: integer role permissions, no stickers or NSFW level", () => {
    const guild = deserializeRestGuild(BOT_GRANT_GUILD, null);
    expect(guild.nsfwLevel).toBeNull();
    expect(guild.stickers.size).toBe(0);
    expect(guild.emojis.size).toBe(0);
    expect(guild.incidents).toBeNull();
    expect(guild.homeHeaderHash).toBeNull();
    expect(guild.isNsfw).toBe(false);
    expect(guild.approximateMemberCount).toBeNull();
    const everyone = guild.roles.get("290926798626357250");
    expect(everyone?.permissions.value).toBe(49794241n);
    expect(everyone?.colors).toBeNull();
    expect(everyone?.flags).toBe(RoleFlags.NONE);
    expect(everyone?.iconHash).toBeNull();
  });

  it("fills every optional key left out with null, false or empty", () => {
    const required = {
      id: "1",
      name: "g",
      icon: null,
      features: [],
      owner_id: "2",
      afk_timeout: 60,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: "en-US",
      roles: [],
      emojis: [],
    };
    const guild = deserializeRestGuild(required, null);
    expect(guild.description).toBeNull();
    expect(guild.splashHash).toBeNull();
    expect(guild.bannerHash).toBeNull();
    expect(guild.applicationId).toBeNull();
    expect(guild.maxMembers).toBeNull();
    expect(guild.maxVideoChannelUsers).toBeNull();
    expect(guild.premiumSubscriptionCount).toBeNull();
    expect(guild.isWidgetEnabled).toBe(false);
    expect(guild.isPremiumProgressBarEnabled).toBe(false);
    expect(guild.stickers.size).toBe(0);
    expect(guild.systemChannelFlags).toBe(GuildSystemChannelFlags.NONE);
  });

  it("treats nullable keys sent as null as unset", () => {
    const raw = nulled(
      FULL_GUILD,
      "description",
      "home_header",
      "splash",
      "discovery_splash",
      "banner",
      "application_id",
      "afk_channel_id",
      "system_channel_id",
      "widget_channel_id",
      "vanity_url_code",
      "rules_channel_id",
      "safety_alerts_channel_id",
      "public_updates_channel_id",
      "max_presences",
      "incidents_data",
      "approximate_member_count",
      "approximate_presence_count",
      "stickers",
    );
    const guild = deserializeRestGuild(raw, null);
    expect(guild.description).toBeNull();
    expect(guild.afkChannelId).toBeNull();
    expect(guild.incidents).toBeNull();
    expect(guild.approximateMemberCount).toBeNull();
    expect(guild.stickers.size).toBe(0);
  });

  it("keeps enum values and features Discord adds later", () => {
    const guild = deserializeRestGuild(
      { ...FULL_GUILD, verification_level: 9, nsfw_level: 7, premium_tier: 5 },
      null,
    );
    expect(guild.verificationLevel).toBe(9);
    expect(guild.nsfwLevel).toBe(7);
    expect(guild.premiumTier).toBe(5);
    expect(guild.features).toContain("SOMETHING_NEW");
  });

  it("keeps the last of two roles with the same ID", () => {
    const guild = deserializeRestGuild({ ...FULL_GUILD, roles: [ROLE, { ...ROLE, name: "second" }] }, null);
    expect(guild.roles.size).toBe(1);
    expect(guild.roles.get(ROLE.id)?.name).toBe("second");
  });

  it.each([
    [without(FULL_GUILD, "owner_id"), "$.owner_id"],
    [without(FULL_GUILD, "icon"), "$.icon"],
    [without(FULL_GUILD, "roles"), "$.roles"],
    [without(FULL_GUILD, "features"), "$.features"],
    [without(FULL_GUILD, "preferred_locale"), "$.preferred_locale"],
    [{ ...FULL_GUILD, features: ["A", 1] }, "$.features[1]"],
    [{ ...FULL_GUILD, roles: [ROLE, { ...ROLE, id: "x" }] }, "$.roles[1].id"],
    [{ ...FULL_GUILD, roles: [{ ...ROLE, color: 0x1000000 }] }, "$.roles[0].color"],
    [{ ...FULL_GUILD, roles: [{ ...ROLE, tags: { bot_id: true } }] }, "$.roles[0].tags.bot_id"],
    [
      { ...FULL_GUILD, roles: [{ ...ROLE, colors: { primary_color: -1 } }] },
      "$.roles[0].colors.primary_color",
    ],
    [{ ...FULL_GUILD, emojis: [{ ...EMOJI, user: { ...EMOJI.user, id: null } }] }, "$.emojis[0].user.id"],
    [{ ...FULL_GUILD, stickers: [null] }, "$.stickers[0]"],
    [{ ...FULL_GUILD, system_channel_flags: "x" }, "$.system_channel_flags"],
    [
      { ...FULL_GUILD, incidents_data: { invites_disabled_until: "yesterday" } },
      "$.incidents_data.invites_disabled_until",
    ],
    [{ ...FULL_GUILD, afk_timeout: 1.5 }, "$.afk_timeout"],
  ])("rejects a bad guild with a precise path (%#)", (raw, path) => {
    expect(deserializationError(() => deserializeRestGuild(raw, null)).path).toBe(path);
  });

  it("serializes every modelled key back", () => {
    const guild = deserializeRestGuild(FULL_GUILD, null);
    const out = serializeRestGuild(guild);
    expect(out).toMatchObject({ ...FULL_GUILD, widget_enabled: false });
    expect(Object.keys(out).sort()).toEqual(Object.keys({ ...FULL_GUILD, widget_enabled: false }).sort());
    expect(guild.toJSON()).toEqual(out);
  });

  it("serializes the old sample back without its deprecated region, adding only what it lacks", () => {
    const out = serializeRestGuild(deserializeRestGuild(BOT_GRANT_GUILD, null)) as unknown as Record<
      string,
      unknown
    >;
    const { region: _region, roles, ...rest } = clone(BOT_GRANT_GUILD);
    expect(out).toMatchObject(rest);
    expect(out.region).toBeUndefined();
    expect(out).not.toHaveProperty("nsfw_level");
    expect(out.stickers).toEqual([]);
    expect((out.roles as Record<string, unknown>[])[0]?.permissions).toBe("49794241");
    expect(roles).toHaveLength(1);
  });

  it("round-trips through JSON to an equal model", () => {
    const guild = deserializeRestGuild(FULL_GUILD, null);
    const again = deserializeRestGuild(viaJson(guild), null);
    expect(again).toEqual(guild);
    expect(again.equals(guild)).toBe(true);
  });
});

describe("readPartialGuildFields", () => {
  it("reads what a PartialGuild takes, minus app", () => {
    const fields = readPartialGuildFields(sample("partial-guild.json"), "$");
    expect(fields).toEqual({
      id: "80351110224678912",
      name: "1337 Krew",
      iconHash: "8342729096ea3675442027381ff50dfe",
      features: ["COMMUNITY", "NEWS", "ANIMATED_ICON", "INVITE_SPLASH", "BANNER", "ROLE_ICONS"],
    });
  });

  it("reports the caller's path", () => {
    const error = deserializationError(() =>
      readPartialGuildFields({ id: "1", name: "x", features: [] }, "$[3]"),
    );
    expect(error.path).toBe("$[3].icon");
    expect(error.expected).toBe("string or null");
  });
});

describe("deserializeRole", () => {
  it("reads a role with tags, colors and flags", () => {
    const role = deserializeRole(ROLE, null, GUILD_ID);
    expect(role.guildId).toBe(GUILD_ID);
    expect(role.color).toBe(3447003);
    expect(role.colors?.primaryColor).toBe(3447003);
    expect(role.colors?.secondaryColor).toBe(15277667);
    expect(role.colors?.tertiaryColor).toBeNull();
    expect(role.isHoisted).toBe(true);
    expect(role.iconHash).toBe("cf3ced8600b777c9486c7c5a1c1d3b2a");
    expect(role.unicodeEmoji).toBeNull();
    expect(role.position).toBe(1);
    expect(role.permissions).toBe(Permissions.from("66321471"));
    expect(role.flags).toBe(RoleFlags.IN_PROMPT);
    expect(role.botId).toBe("1");
    expect(role.integrationId).toBe("2");
    expect(role.subscriptionListingId).toBe("3");
    expect(role.isPremiumSubscriberRole).toBe(true);
    expect(role.isAvailableForPurchase).toBe(false);
    expect(role.isGuildLinkedRole).toBe(false);
  });

  it("reads the null-valued tags as present", () => {
    const role = deserializeRole(
      { ...ROLE, tags: { available_for_purchase: null, guild_connections: null } },
      null,
      "1",
    );
    expect(role.isAvailableForPurchase).toBe(true);
    expect(role.isGuildLinkedRole).toBe(true);
    expect(role.isPremiumSubscriberRole).toBe(false);
    expect(role.botId).toBeNull();
  });

  it("serializes back every key, tags included", () => {
    const role = deserializeRole(ROLE, null, GUILD_ID);
    expect(serializeRole(role)).toEqual(ROLE);
    expect(role.toJSON()).toEqual(ROLE);
    const bare = without(ROLE, "tags", "colors", "flags", "icon", "unicode_emoji");
    const out = serializeRole(deserializeRole(bare, null, GUILD_ID));
    expect(out).not.toHaveProperty("tags");
    expect(out).not.toHaveProperty("colors");
    expect(out.icon).toBeNull();
    expect(out.flags).toBe(0);
  });
});

describe("deserializeKnownCustomEmoji", () => {
  it("reads an emoji with its uploader", () => {
    const emoji = deserializeKnownCustomEmoji(EMOJI, null, GUILD_ID);
    expect(emoji.name).toBe("LUL");
    expect(emoji.roleIds).toEqual(["41771983429993000", "41771983429993111"]);
    expect(emoji.user?.username).toBe("Luigi");
    expect(emoji.isColonsRequired).toBe(true);
    expect(emoji.isManaged).toBe(false);
    expect(emoji.isAnimated).toBe(false);
    expect(emoji.isAvailable).toBe(true);
    expect(emoji.guildId).toBe(GUILD_ID);
  });

  it("defaults unset keys (available to true, the rest to false or empty)", () => {
    const emoji = deserializeKnownCustomEmoji({ id: "1", name: "x" }, null, null);
    expect(emoji.roleIds).toEqual([]);
    expect(emoji.user).toBeNull();
    expect(emoji.isAnimated).toBe(false);
    expect(emoji.isAvailable).toBe(true);
    expect(emoji.guildId).toBeNull();
    const nulls = deserializeKnownCustomEmoji(
      nulled(EMOJI, "roles", "user", "animated", "available"),
      null,
      null,
    );
    expect(nulls.roleIds).toEqual([]);
    expect(nulls.isAvailable).toBe(true);
  });

  it("serializes back and rejects a bad role ID with its path", () => {
    const emoji = deserializeKnownCustomEmoji(EMOJI, null, GUILD_ID);
    expect(serializeKnownCustomEmoji(emoji)).toEqual({
      ...EMOJI,
      user: { ...EMOJI.user, ...SERIALIZED_USER_DEFAULTS },
    });
    expect(
      deserializationError(() => deserializeKnownCustomEmoji({ ...EMOJI, roles: ["1", 2.5] }, null, null))
        .path,
    ).toBe("$.roles[1]");
  });
});

describe("deserializeGuildSticker", () => {
  it("reads a Lottie sticker", () => {
    const sticker = deserializeGuildSticker(STICKER, null);
    expect(sticker.tag).toBe(STICKER.tags);
    expect(sticker.type).toBe(StickerType.GUILD);
    expect(sticker.formatType).toBe(StickerFormatType.LOTTIE);
    expect(sticker.description).toBe("Wumpus waves hello");
    expect(sticker.guildId).toBe(GUILD_ID);
    expect(sticker.user?.username).toBe("Nelly");
    expect(sticker.imageUrl.url).toBe("https://cdn.discordapp.com/stickers/749054660769218631.json");
  });

  it("handles unset and null optional keys", () => {
    const unset = deserializeGuildSticker(without(STICKER, "user", "available", "guild_id", "type"), null);
    expect(unset.user).toBeNull();
    expect(unset.isAvailable).toBe(true);
    expect(unset.guildId).toBeNull();
    expect(unset.type).toBe(StickerType.GUILD);
    const nulls = deserializeGuildSticker(nulled(STICKER, "description", "format_type", "user"), null);
    expect(nulls.description).toBeNull();
    expect(nulls.formatType).toBeNull();
    expect(nulls.imageUrl.url).toBe("https://cdn.discordapp.com/stickers/749054660769218631.png");
  });

  it("serializes back and rejects missing tags", () => {
    const raw = without(STICKER, "user");
    expect(serializeGuildSticker(deserializeGuildSticker(raw, null))).toEqual(raw);
    expect(deserializationError(() => deserializeGuildSticker(without(STICKER, "tags"), null)).path).toBe(
      "$.tags",
    );
  });
});

describe("deserializePartialIntegration", () => {
  const RAW = sample("connection-integration-userdoccers.json");

  it("reads a connection's integration with a non-numeric ID", () => {
    const integration = deserializePartialIntegration(RAW, null);
    expect(integration.id).toBe("twitch-partners");
    expect(integration.name).toBeNull();
    expect(integration.type).toBe("twitch");
    expect(integration.account.id).toBe("92473777");
    expect(integration.account.name).toBe("discordapp");
    expect(integration.guild?.id).toBe("107939014299901952");
    expect(integration.guild?.name).toBe("Twitch Partners");
    expect(integration.guild?.iconHash).toBe("62450d21b75478191962d9c4b81831ae");
    expect(integration.guild?.features).toEqual([]);
    expect(String(integration)).toBe("twitch-partners");
  });

  it("handles unset and null optional keys", () => {
    const integration = deserializePartialIntegration(
      { ...without(RAW, "guild"), account: { id: "1", name: null } },
      null,
    );
    expect(integration.guild).toBeNull();
    expect(integration.account.name).toBeNull();
    expect(String(integration.account)).toBe("1");
    expect(deserializePartialIntegration(nulled(RAW, "guild", "name"), null).guild).toBeNull();
  });

  it("serializes back and rejects a missing account", () => {
    expect(serializePartialIntegration(deserializePartialIntegration(RAW, null))).toEqual(RAW);
    const named = { ...clone(RAW), name: "Twitch" };
    expect(serializePartialIntegration(deserializePartialIntegration(named, null))).toEqual(named);
    expect(
      deserializationError(() => deserializePartialIntegration(without(RAW, "account"), null)).path,
    ).toBe("$.account");
    expect(
      deserializationError(() => deserializePartialIntegration({ ...RAW, account: { name: "x" } }, null))
        .path,
    ).toBe("$.account.id");
  });
});

describe("deserializeMember", () => {
  const SAMPLE = sample("guild-member.json");
  const MEMBER = {
    ...clone(SAMPLE),
    user: USER,
    roles: ["41771983423143936"],
    premium_since: "2020-01-01T00:00:00.000000+00:00",
    pending: true,
    flags: 3,
    communication_disabled_until: "2030-01-01T00:00:00.000000+00:00",
    permissions: "8",
    avatar: "a_member",
    banner: "memberbanner",
    avatar_decoration_data: { asset: "deco", sku_id: "12" },
    collectibles: { nameplate: null },
  };

  it("rejects Discord's sample as printed, whose user is an empty object", () => {
    expect(deserializationError(() => deserializeMember(SAMPLE, null, GUILD_ID)).path).toBe("$.user.id");
  });

  it("reads the sample with a real user, filling the keys it leaves out", () => {
    const member = deserializeMember({ ...SAMPLE, user: USER }, null, GUILD_ID);
    expect(member).toBeInstanceOf(Member);
    expect(member.guildId).toBe(GUILD_ID);
    expect(member.nickname).toBe("NOT API SUPPORT");
    expect(member.guildAvatarHash).toBeNull();
    expect(member.guildBannerHash).toBeNull();
    expect(member.roleIds).toEqual([]);
    expect(member.joinedAt.toISOString()).toBe("2015-04-26T06:26:56.936Z");
    expect(member.premiumSince).toBeNull();
    expect(member.isDeaf).toBe(false);
    expect(member.isMute).toBe(false);
    expect(member.isPending).toBe(false);
    expect(member.communicationDisabledUntil).toBeNull();
    expect(member.flags).toBe(GuildMemberFlags.NONE);
    expect(member.permissions).toBeNull();
    expect(member.guildAvatarDecoration).toBeNull();
    expect(member.collectibles).toBeNull();
  });

  it("reads every key", () => {
    const member = deserializeMember(MEMBER, null, GUILD_ID);
    expect(member.user.username).toBe("Nelly");
    expect(member.roleIds).toEqual(["41771983423143936"]);
    expect(member.premiumSince?.toISOString()).toBe("2020-01-01T00:00:00.000Z");
    expect(member.isPending).toBe(true);
    expect(member.flags.toString()).toBe("DID_REJOIN|COMPLETED_ONBOARDING");
    expect(member.communicationDisabledUntil?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(member.permissions).toBe(Permissions.ADMINISTRATOR);
    expect(member.guildAvatarDecoration?.assetHash).toBe("deco");
    expect(member.collectibles?.nameplate).toBeNull();
  });

  it("treats nullable keys sent as null as unset", () => {
    const member = deserializeMember(
      nulled(
        MEMBER,
        "nick",
        "avatar",
        "banner",
        "premium_since",
        "communication_disabled_until",
        "avatar_decoration_data",
        "collectibles",
        "flags",
        "pending",
      ),
      null,
      GUILD_ID,
    );
    expect(member.nickname).toBeNull();
    expect(member.flags).toBe(GuildMemberFlags.NONE);
    expect(member.isPending).toBe(false);
    expect(member.guildAvatarDecoration).toBeNull();
  });

  it.each([
    [without(MEMBER, "joined_at"), "$.joined_at"],
    [{ ...MEMBER, joined_at: "2015-04-26" }, "$.joined_at"],
    [without(MEMBER, "roles"), "$.roles"],
    [{ ...MEMBER, roles: [5.5] }, "$.roles[0]"],
    [without(MEMBER, "user"), "$.user"],
    [{ ...MEMBER, permissions: "-8" }, "$.permissions"],
  ])("rejects a bad member with a precise path (%#)", (raw, path) => {
    expect(deserializationError(() => deserializeMember(raw, null, GUILD_ID)).path).toBe(path);
  });

  it("serializes every key back in Discord's timestamp format", () => {
    const member = deserializeMember(MEMBER, null, GUILD_ID);
    const out = serializeMember(member);
    expect(out).toEqual({ ...MEMBER, user: serializeUser(USER), deaf: false, mute: false });
    expect(out.joined_at).toBe("2015-04-26T06:26:56.936000+00:00");
    expect(member.toJSON()).toEqual(out);
    expect(deserializeMember(viaJson(member), null, GUILD_ID)).toEqual(member);
  });
});

function serializeUser(raw: Record<string, unknown>): Record<string, unknown> {
  return { ...raw, bot: false, system: false };
}
