/**
 * Deserializers and serializers for guilds, roles, emojis, stickers, integrations and members. Only
 * function declarations live at the top level (the model modules import the serializers back).
 * @module
 */

import {
  arrayOf,
  asObject,
  asSnowflake,
  boolOr,
  fail,
  itemString,
  optInt,
  optObject,
  optSnowflake,
  optString,
  optTimestamp,
  type RawObject,
  reqBool,
  reqInt,
  reqObject,
  reqSnowflake,
  reqString,
  reqTimestamp,
} from "../internal/read.js";
import { KnownCustomEmoji } from "../models/emojis.js";
import {
  GuildIncidents,
  GuildSystemChannelFlags,
  PartialGuild,
  type PartialGuildFields,
  RESTGuild,
} from "../models/guilds.js";
import { IntegrationAccount, PartialIntegration } from "../models/integrations.js";
import { GuildMemberFlags, Member } from "../models/members.js";
import { Permissions } from "../models/permissions.js";
import { Role, RoleColors, RoleFlags } from "../models/roles.js";
import { GuildSticker, StickerType } from "../models/stickers.js";
import type { RawEmoji } from "../payloads/emojis.js";
import type {
  RawGuildIncidentsData,
  RawGuildMember,
  RawPartialGuildFields,
  RawPartialIntegration,
  RawRESTGuild,
} from "../payloads/guilds.js";
import type { RawRole, RawRoleTags } from "../payloads/permissions.js";
import type { RawGuildSticker } from "../payloads/stickers.js";
import type { Snowflake } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import {
  flagsOr,
  optColor,
  optFlags,
  reqColor,
  reqFlags,
  reqNullableString,
  toDiscordTimestamp,
} from "./readers.js";
import {
  deserializeUser,
  readAvatarDecoration,
  readCollectibles,
  serializeUser,
  writeAvatarDecoration,
  writeCollectibles,
} from "./users.js";

function mapById<T extends { readonly id: Snowflake }>(
  raw: RawObject,
  key: string,
  path: string,
  read: (value: RawObject, path: string) => T,
  required: boolean,
): Map<Snowflake, T> {
  const value = raw[key];
  const where = `${path}.${key}`;
  const out = new Map<Snowflake, T>();
  if (value == null) {
    if (required) fail(where, "array", value);
    return out;
  }
  if (!Array.isArray(value)) fail(where, "array", value);
  for (let i = 0; i < value.length; i++) {
    const itemPath = `${where}[${i}]`;
    const item = read(asObject(value[i], itemPath), itemPath);
    out.set(item.id, item);
  }
  return out;
}

/**
 * Reads the keys every guild shape has (`id`, `name`, `icon`, `features`) from the guild object at
 * `path`: what `PartialGuild`'s constructor takes, minus `app`.
 * @throws DeserializationError when a key does not fit.
 */
export function readPartialGuildFields(raw: RawObject, path: string): PartialGuildFields {
  return {
    id: reqSnowflake(raw, "id", path),
    name: reqString(raw, "name", path),
    iconHash: reqNullableString(raw, "icon", path),
    features: arrayOf(raw, "features", path, itemString, true),
  };
}

/** Writes the keys every guild shape has. */
export function writePartialGuildFields(guild: PartialGuild): RawPartialGuildFields {
  return { id: guild.id, name: guild.name, icon: guild.iconHash, features: [...guild.features] };
}

function readRoleColors(raw: RawObject, path: string): RoleColors {
  return new RoleColors({
    primaryColor: reqColor(raw, "primary_color", path),
    secondaryColor: optColor(raw, "secondary_color", path),
    tertiaryColor: optColor(raw, "tertiary_color", path),
  });
}

function readRole(raw: RawObject, app: RESTAware | null, guildId: Snowflake, path: string): Role {
  const tags = optObject(raw, "tags", path, (value) => value);
  const tagsPath = `${path}.tags`;
  return new Role({
    app,
    id: reqSnowflake(raw, "id", path),
    guildId,
    name: reqString(raw, "name", path),
    color: reqColor(raw, "color", path),
    colors: optObject(raw, "colors", path, readRoleColors),
    isHoisted: reqBool(raw, "hoist", path),
    iconHash: optString(raw, "icon", path),
    unicodeEmoji: optString(raw, "unicode_emoji", path),
    isManaged: reqBool(raw, "managed", path),
    isMentionable: reqBool(raw, "mentionable", path),
    permissions: reqFlags(Permissions, raw, "permissions", path),
    position: reqInt(raw, "position", path),
    flags: flagsOr(RoleFlags, raw, "flags", path, RoleFlags.NONE),
    botId: tags === null ? null : optSnowflake(tags, "bot_id", tagsPath),
    integrationId: tags === null ? null : optSnowflake(tags, "integration_id", tagsPath),
    subscriptionListingId: tags === null ? null : optSnowflake(tags, "subscription_listing_id", tagsPath),
    isPremiumSubscriberRole: tags !== null && tags.premium_subscriber !== undefined,
    isAvailableForPurchase: tags !== null && tags.available_for_purchase !== undefined,
    isGuildLinkedRole: tags !== null && tags.guild_connections !== undefined,
  });
}

/**
 * Builds a {@link Role}. A role payload does not name its guild, so the caller passes `guildId`.
 * Tags that Discord sends as `null` (`premium_subscriber`, `available_for_purchase`,
 * `guild_connections`) are true when present.
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/topics/permissions#role-object
 */
export function deserializeRole(raw: unknown, app: RESTAware | null, guildId: Snowflake, path = "$"): Role {
  return readRole(asObject(raw, path), app, guildId, path);
}

/** Writes a {@link Role} as Discord's `GuildRoleResponse`. */
export function serializeRole(role: Role): RawRole {
  const out: RawRole = {
    id: role.id,
    name: role.name,
    permissions: role.permissions.value.toString(),
    position: role.position,
    color: role.color,
    hoist: role.isHoisted,
    managed: role.isManaged,
    mentionable: role.isMentionable,
    icon: role.iconHash,
    unicode_emoji: role.unicodeEmoji,
    flags: Number(role.flags.value),
  };
  if (role.colors !== null) {
    out.colors = {
      primary_color: role.colors.primaryColor,
      secondary_color: role.colors.secondaryColor,
      tertiary_color: role.colors.tertiaryColor,
    };
  }
  const tags: RawRoleTags = {};
  let hasTags = false;
  if (role.botId !== null) {
    tags.bot_id = role.botId;
    hasTags = true;
  }
  if (role.integrationId !== null) {
    tags.integration_id = role.integrationId;
    hasTags = true;
  }
  if (role.isPremiumSubscriberRole) {
    tags.premium_subscriber = null;
    hasTags = true;
  }
  if (role.subscriptionListingId !== null) {
    tags.subscription_listing_id = role.subscriptionListingId;
    hasTags = true;
  }
  if (role.isAvailableForPurchase) {
    tags.available_for_purchase = null;
    hasTags = true;
  }
  if (role.isGuildLinkedRole) {
    tags.guild_connections = null;
    hasTags = true;
  }
  if (hasTags) out.tags = tags;
  return out;
}

function readEmoji(
  raw: RawObject,
  app: RESTAware | null,
  guildId: Snowflake | null,
  path: string,
): KnownCustomEmoji {
  return new KnownCustomEmoji({
    app,
    id: reqSnowflake(raw, "id", path),
    name: reqString(raw, "name", path),
    isAnimated: boolOr(raw, "animated", path),
    guildId,
    roleIds: arrayOf(raw, "roles", path, asSnowflake),
    user: optObject(raw, "user", path, (user, where) => deserializeUser(user, app, where)),
    isColonsRequired: boolOr(raw, "require_colons", path),
    isManaged: boolOr(raw, "managed", path),
    isAvailable: boolOr(raw, "available", path, true),
  });
}

/**
 * Builds a {@link KnownCustomEmoji}. An emoji payload does not name its guild, so the caller passes
 * `guildId` (`null` for an application's emoji). `available` defaults to `true`, the other booleans to
 * `false`.
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/emoji#emoji-object
 */
export function deserializeKnownCustomEmoji(
  raw: unknown,
  app: RESTAware | null,
  guildId: Snowflake | null,
  path = "$",
): KnownCustomEmoji {
  return readEmoji(asObject(raw, path), app, guildId, path);
}

/** Writes a {@link KnownCustomEmoji} as Discord's `EmojiResponse`. */
export function serializeKnownCustomEmoji(emoji: KnownCustomEmoji): RawEmoji {
  const out: RawEmoji = {
    id: emoji.id,
    name: emoji.name,
    roles: [...emoji.roleIds],
    require_colons: emoji.isColonsRequired,
    managed: emoji.isManaged,
    animated: emoji.isAnimated,
    available: emoji.isAvailable,
  };
  if (emoji.user !== null) out.user = serializeUser(emoji.user);
  return out;
}

function readSticker(raw: RawObject, app: RESTAware | null, path: string): GuildSticker {
  return new GuildSticker({
    app,
    id: reqSnowflake(raw, "id", path),
    name: reqString(raw, "name", path),
    description: optString(raw, "description", path),
    tag: reqString(raw, "tags", path),
    type: optInt(raw, "type", path) ?? StickerType.GUILD,
    formatType: optInt(raw, "format_type", path),
    isAvailable: boolOr(raw, "available", path, true),
    guildId: optSnowflake(raw, "guild_id", path),
    user: optObject(raw, "user", path, (user, where) => deserializeUser(user, app, where)),
  });
}

/**
 * Builds a {@link GuildSticker}. `tags` becomes `tag`; `available` defaults to `true`.
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/sticker#sticker-object
 */
export function deserializeGuildSticker(raw: unknown, app: RESTAware | null, path = "$"): GuildSticker {
  return readSticker(asObject(raw, path), app, path);
}

/** Writes a {@link GuildSticker} as Discord's `GuildStickerResponse`. */
export function serializeGuildSticker(sticker: GuildSticker): RawGuildSticker {
  const out: RawGuildSticker = {
    id: sticker.id,
    name: sticker.name,
    tags: sticker.tag,
    type: sticker.type,
    format_type: sticker.formatType,
    description: sticker.description,
    available: sticker.isAvailable,
  };
  if (sticker.guildId !== null) out.guild_id = sticker.guildId;
  if (sticker.user !== null) out.user = serializeUser(sticker.user);
  return out;
}

/**
 * Builds a {@link PartialIntegration}, as a connection lists it (`ConnectedAccountIntegrationResponse`):
 * `id`, `type` and `account` are required; `name` and `guild` may be left out.
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/guild#integration-object
 */
export function deserializePartialIntegration(
  raw: unknown,
  app: RESTAware | null,
  path = "$",
): PartialIntegration {
  const object = asObject(raw, path);
  const account = reqObject(object, "account", path);
  const accountPath = `${path}.account`;
  return new PartialIntegration({
    id: reqString(object, "id", path),
    name: optString(object, "name", path),
    type: reqString(object, "type", path),
    account: new IntegrationAccount({
      id: reqString(account, "id", accountPath),
      name: optString(account, "name", accountPath),
    }),
    guild: optObject(
      object,
      "guild",
      path,
      (guild, where) =>
        new PartialGuild({
          app,
          id: reqSnowflake(guild, "id", where),
          name: reqString(guild, "name", where),
          iconHash: optString(guild, "icon", where),
          features: arrayOf(guild, "features", where, itemString),
        }),
    ),
  });
}

/** Writes a {@link PartialIntegration} as Discord's `ConnectedAccountIntegrationResponse`. */
export function serializePartialIntegration(integration: PartialIntegration): RawPartialIntegration {
  const out: RawPartialIntegration = {
    id: integration.id,
    type: integration.type,
    account: { id: integration.account.id, name: integration.account.name },
  };
  if (integration.name !== null) out.name = integration.name;
  const guild = integration.guild;
  if (guild !== null) out.guild = { id: guild.id, name: guild.name, icon: guild.iconHash };
  return out;
}

/**
 * Builds the {@link Member} of `GET /users/@me/guilds/{guild.id}/member`. A member payload does not
 * name its guild, so the caller passes `guildId`. `pending`, `deaf` and `mute` default to `false`,
 * `flags` to none.
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/guild#guild-member-object
 */
export function deserializeMember(
  raw: unknown,
  app: RESTAware | null,
  guildId: Snowflake,
  path = "$",
): Member {
  const object = asObject(raw, path);
  return new Member({
    app,
    guildId,
    user: deserializeUser(object.user, app, `${path}.user`),
    nickname: optString(object, "nick", path),
    guildAvatarHash: optString(object, "avatar", path),
    guildBannerHash: optString(object, "banner", path),
    roleIds: arrayOf(object, "roles", path, asSnowflake, true),
    joinedAt: reqTimestamp(object, "joined_at", path),
    premiumSince: optTimestamp(object, "premium_since", path),
    isDeaf: boolOr(object, "deaf", path),
    isMute: boolOr(object, "mute", path),
    isPending: boolOr(object, "pending", path),
    communicationDisabledUntil: optTimestamp(object, "communication_disabled_until", path),
    flags: flagsOr(GuildMemberFlags, object, "flags", path, GuildMemberFlags.NONE),
    permissions: optFlags(Permissions, object, "permissions", path),
    guildAvatarDecoration: optObject(object, "avatar_decoration_data", path, readAvatarDecoration),
    collectibles: optObject(object, "collectibles", path, readCollectibles),
  });
}

function timestampOrNull(date: Date | null): string | null {
  return date === null ? null : toDiscordTimestamp(date);
}

/** Writes a {@link Member} as Discord's `PrivateGuildMemberResponse`. */
export function serializeMember(member: Member): RawGuildMember {
  const out: RawGuildMember = {
    user: serializeUser(member.user),
    nick: member.nickname,
    avatar: member.guildAvatarHash,
    banner: member.guildBannerHash,
    roles: [...member.roleIds],
    joined_at: toDiscordTimestamp(member.joinedAt),
    premium_since: timestampOrNull(member.premiumSince),
    deaf: member.isDeaf,
    mute: member.isMute,
    flags: Number(member.flags.value),
    pending: member.isPending,
    communication_disabled_until: timestampOrNull(member.communicationDisabledUntil),
    avatar_decoration_data:
      member.guildAvatarDecoration === null ? null : writeAvatarDecoration(member.guildAvatarDecoration),
    collectibles: member.collectibles === null ? null : writeCollectibles(member.collectibles),
  };
  if (member.permissions !== null) out.permissions = member.permissions.value.toString();
  return out;
}

function readIncidents(raw: RawObject, path: string): GuildIncidents {
  return new GuildIncidents({
    invitesDisabledUntil: optTimestamp(raw, "invites_disabled_until", path),
    dmsDisabledUntil: optTimestamp(raw, "dms_disabled_until", path),
    dmSpamDetectedAt: optTimestamp(raw, "dm_spam_detected_at", path),
    raidDetectedAt: optTimestamp(raw, "raid_detected_at", path),
  });
}

function writeIncidents(incidents: GuildIncidents): RawGuildIncidentsData {
  const out: RawGuildIncidentsData = {
    invites_disabled_until: timestampOrNull(incidents.invitesDisabledUntil),
    dms_disabled_until: timestampOrNull(incidents.dmsDisabledUntil),
  };
  if (incidents.dmSpamDetectedAt !== null)
    out.dm_spam_detected_at = toDiscordTimestamp(incidents.dmSpamDetectedAt);
  if (incidents.raidDetectedAt !== null) out.raid_detected_at = toDiscordTimestamp(incidents.raidDetectedAt);
  return out;
}

/**
 * Builds a {@link RESTGuild} from a full guild payload (`GET /guilds/{id}`, or the `guild` of a `bot`
 * OAuth2 grant). Required: `id`, `name`, `icon`, `features`, `owner_id`, `afk_timeout`,
 * `verification_level`, `default_message_notifications`, `explicit_content_filter`, `mfa_level`,
 * `system_channel_flags`, `premium_tier`, `preferred_locale`, `roles` and `emojis`; everything else may
 * be left out (old payloads lack `nsfw_level` and `stickers`, and send role permissions as integers).
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/guild#guild-object
 */
export function deserializeRestGuild(raw: unknown, app: RESTAware | null, path = "$"): RESTGuild {
  const object = asObject(raw, path);
  const base = readPartialGuildFields(object, path);
  const guildId = base.id;
  return new RESTGuild({
    app,
    id: guildId,
    name: base.name,
    iconHash: base.iconHash,
    features: base.features,
    description: optString(object, "description", path),
    homeHeaderHash: optString(object, "home_header", path),
    splashHash: optString(object, "splash", path),
    discoverySplashHash: optString(object, "discovery_splash", path),
    bannerHash: optString(object, "banner", path),
    ownerId: reqSnowflake(object, "owner_id", path),
    applicationId: optSnowflake(object, "application_id", path),
    afkChannelId: optSnowflake(object, "afk_channel_id", path),
    afkTimeout: reqInt(object, "afk_timeout", path),
    systemChannelId: optSnowflake(object, "system_channel_id", path),
    systemChannelFlags: reqFlags(GuildSystemChannelFlags, object, "system_channel_flags", path),
    isWidgetEnabled: boolOr(object, "widget_enabled", path),
    widgetChannelId: optSnowflake(object, "widget_channel_id", path),
    verificationLevel: reqInt(object, "verification_level", path),
    roles: mapById(object, "roles", path, (role, where) => readRole(role, app, guildId, where), true),
    defaultMessageNotifications: reqInt(object, "default_message_notifications", path),
    mfaLevel: reqInt(object, "mfa_level", path),
    explicitContentFilter: reqInt(object, "explicit_content_filter", path),
    maxPresences: optInt(object, "max_presences", path),
    maxMembers: optInt(object, "max_members", path),
    maxStageVideoChannelUsers: optInt(object, "max_stage_video_channel_users", path),
    maxVideoChannelUsers: optInt(object, "max_video_channel_users", path),
    vanityUrlCode: optString(object, "vanity_url_code", path),
    premiumTier: reqInt(object, "premium_tier", path),
    premiumSubscriptionCount: optInt(object, "premium_subscription_count", path),
    preferredLocale: reqString(object, "preferred_locale", path),
    rulesChannelId: optSnowflake(object, "rules_channel_id", path),
    safetyAlertsChannelId: optSnowflake(object, "safety_alerts_channel_id", path),
    publicUpdatesChannelId: optSnowflake(object, "public_updates_channel_id", path),
    isPremiumProgressBarEnabled: boolOr(object, "premium_progress_bar_enabled", path),
    isNsfw: boolOr(object, "nsfw", path),
    nsfwLevel: optInt(object, "nsfw_level", path),
    emojis: mapById(object, "emojis", path, (emoji, where) => readEmoji(emoji, app, guildId, where), true),
    stickers: mapById(object, "stickers", path, (sticker, where) => readSticker(sticker, app, where), false),
    incidents: optObject(object, "incidents_data", path, readIncidents),
    approximateMemberCount: optInt(object, "approximate_member_count", path),
    approximateActiveMemberCount: optInt(object, "approximate_presence_count", path),
  });
}

/**
 * Writes a {@link RESTGuild} as Discord's `GuildWithCountsResponse` (the counts are `null` when unknown).
 * Nullable keys are written as `null`; keys Discord never sends as null are left out when unknown.
 */
export function serializeRestGuild(guild: RESTGuild): RawRESTGuild {
  const out: RawRESTGuild = {
    id: guild.id,
    name: guild.name,
    icon: guild.iconHash,
    description: guild.description,
    home_header: guild.homeHeaderHash,
    splash: guild.splashHash,
    discovery_splash: guild.discoverySplashHash,
    features: [...guild.features],
    banner: guild.bannerHash,
    owner_id: guild.ownerId,
    application_id: guild.applicationId,
    afk_channel_id: guild.afkChannelId,
    afk_timeout: guild.afkTimeout,
    system_channel_id: guild.systemChannelId,
    system_channel_flags: Number(guild.systemChannelFlags.value),
    widget_enabled: guild.isWidgetEnabled,
    widget_channel_id: guild.widgetChannelId,
    verification_level: guild.verificationLevel,
    roles: Array.from(guild.roles.values(), serializeRole),
    default_message_notifications: guild.defaultMessageNotifications,
    mfa_level: guild.mfaLevel,
    explicit_content_filter: guild.explicitContentFilter,
    max_presences: guild.maxPresences,
    vanity_url_code: guild.vanityUrlCode,
    premium_tier: guild.premiumTier,
    preferred_locale: guild.preferredLocale,
    rules_channel_id: guild.rulesChannelId,
    safety_alerts_channel_id: guild.safetyAlertsChannelId,
    public_updates_channel_id: guild.publicUpdatesChannelId,
    premium_progress_bar_enabled: guild.isPremiumProgressBarEnabled,
    nsfw: guild.isNsfw,
    emojis: Array.from(guild.emojis.values(), serializeKnownCustomEmoji),
    stickers: Array.from(guild.stickers.values(), serializeGuildSticker),
    incidents_data: guild.incidents === null ? null : writeIncidents(guild.incidents),
    approximate_member_count: guild.approximateMemberCount,
    approximate_presence_count: guild.approximateActiveMemberCount,
  };
  if (guild.maxMembers !== null) out.max_members = guild.maxMembers;
  if (guild.maxStageVideoChannelUsers !== null)
    out.max_stage_video_channel_users = guild.maxStageVideoChannelUsers;
  if (guild.maxVideoChannelUsers !== null) out.max_video_channel_users = guild.maxVideoChannelUsers;
  if (guild.premiumSubscriptionCount !== null)
    out.premium_subscription_count = guild.premiumSubscriptionCount;
  if (guild.nsfwLevel !== null) out.nsfw_level = guild.nsfwLevel;
  if (guild.approximateMemberCount !== null) out.approximate_member_count = guild.approximateMemberCount;
  if (guild.approximateActiveMemberCount !== null)
    out.approximate_presence_count = guild.approximateActiveMemberCount;
  return out;
}
