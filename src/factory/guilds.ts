/**
 * Deserializers and serializers for guilds, roles, emojis, stickers, integrations and members. Only
 * function declarations live at the top level (the model modules import the serializers back).
 * @module
 */

import {
  arrayValue,
  asObject,
  boolValue,
  boolValueOr,
  colorValue,
  flagReader,
  intValue,
  knownStringsValue,
  nullableStringValue,
  objectValue,
  optColorValue,
  optIntValue,
  optObjectValue,
  optSnowflakeValue,
  optStringValue,
  optTimestampValue,
  type RawObject,
  StringTable,
  snowflakesValue,
  snowflakeValue,
  stringValue,
  timestampValue,
  toDiscordTimestamp,
} from "../internal/read.js";
import { KnownCustomEmoji } from "../models/emojis.js";
import {
  GuildFeature,
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
  deserializeUser,
  readAvatarDecoration,
  readCollectibles,
  serializeUser,
  writeAvatarDecoration,
  writeCollectibles,
} from "./users.js";

/** Reads a permission field; one reader (and one cache) for every payload that carries permissions. */
export const readPermissions = flagReader(() => Permissions);
const readRoleFlags = flagReader(() => RoleFlags);
const readMemberFlags = flagReader(() => GuildMemberFlags);
const readSystemChannelFlags = flagReader(() => GuildSystemChannelFlags);

let featureTable: StringTable | undefined;

/**
 * A guild's `features` under `key`: known features share the {@link GuildFeature} strings, so thousands
 * of guilds do not each keep their own copies of `"COMMUNITY"`.
 */
export function readFeatures(
  value: unknown,
  path: string,
  key: string,
  required: boolean,
): readonly string[] {
  featureTable ??= new StringTable(Object.values(GuildFeature));
  return knownStringsValue(value, path, key, featureTable, required);
}

function mapById<T extends { readonly id: Snowflake }>(
  value: unknown,
  path: string,
  key: string,
  read: (value: RawObject, path: string) => T,
  required: boolean,
): Map<Snowflake, T> {
  const list = arrayValue(value, path, key, required);
  const where = `${path}.${key}`;
  const out = new Map<Snowflake, T>();
  for (let i = 0; i < list.length; i++) {
    const itemPath = `${where}[${i}]`;
    const item = read(asObject(list[i], itemPath), itemPath);
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
    id: snowflakeValue(raw.id, path, "id"),
    name: stringValue(raw.name, path, "name"),
    iconHash: nullableStringValue(raw.icon, path, "icon"),
    features: readFeatures(raw.features, path, "features", true),
  };
}

/** Writes the keys every guild shape has. */
export function writePartialGuildFields(guild: PartialGuild): RawPartialGuildFields {
  return { id: guild.id, name: guild.name, icon: guild.iconHash, features: [...guild.features] };
}

function readRoleColors(raw: RawObject, path: string): RoleColors {
  return new RoleColors({
    primaryColor: colorValue(raw.primary_color, path, "primary_color"),
    secondaryColor: optColorValue(raw.secondary_color, path, "secondary_color"),
    tertiaryColor: optColorValue(raw.tertiary_color, path, "tertiary_color"),
  });
}

function readRole(raw: RawObject, app: RESTAware | null, guildId: Snowflake, path: string): Role {
  const tags = optObjectValue(raw.tags, path, "tags");
  return new Role({
    app,
    id: snowflakeValue(raw.id, path, "id"),
    guildId,
    name: stringValue(raw.name, path, "name"),
    color: colorValue(raw.color, path, "color"),
    colors:
      raw.colors == null ? null : readRoleColors(objectValue(raw.colors, path, "colors"), `${path}.colors`),
    isHoisted: boolValue(raw.hoist, path, "hoist"),
    iconHash: optStringValue(raw.icon, path, "icon"),
    unicodeEmoji: optStringValue(raw.unicode_emoji, path, "unicode_emoji"),
    isManaged: boolValue(raw.managed, path, "managed"),
    isMentionable: boolValue(raw.mentionable, path, "mentionable"),
    permissions: readPermissions(raw.permissions, path, "permissions"),
    position: intValue(raw.position, path, "position"),
    flags: raw.flags == null ? RoleFlags.NONE : readRoleFlags(raw.flags, path, "flags"),
    botId: tags === null ? null : optSnowflakeValue(tags.bot_id, path, "tags.bot_id"),
    integrationId: tags === null ? null : optSnowflakeValue(tags.integration_id, path, "tags.integration_id"),
    subscriptionListingId:
      tags === null
        ? null
        : optSnowflakeValue(tags.subscription_listing_id, path, "tags.subscription_listing_id"),
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
    id: snowflakeValue(raw.id, path, "id"),
    name: stringValue(raw.name, path, "name"),
    isAnimated: boolValueOr(raw.animated, path, "animated"),
    guildId,
    roleIds: snowflakesValue(raw.roles, path, "roles"),
    user: raw.user == null ? null : deserializeUser(raw.user, app, `${path}.user`),
    isColonsRequired: boolValueOr(raw.require_colons, path, "require_colons"),
    isManaged: boolValueOr(raw.managed, path, "managed"),
    isAvailable: boolValueOr(raw.available, path, "available", true),
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
    id: snowflakeValue(raw.id, path, "id"),
    name: stringValue(raw.name, path, "name"),
    description: optStringValue(raw.description, path, "description"),
    tag: stringValue(raw.tags, path, "tags"),
    type: optIntValue(raw.type, path, "type") ?? StickerType.GUILD,
    formatType: optIntValue(raw.format_type, path, "format_type"),
    isAvailable: boolValueOr(raw.available, path, "available", true),
    guildId: optSnowflakeValue(raw.guild_id, path, "guild_id"),
    user: raw.user == null ? null : deserializeUser(raw.user, app, `${path}.user`),
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
  const account = objectValue(object.account, path, "account");
  const guild = optObjectValue(object.guild, path, "guild");
  return new PartialIntegration({
    id: stringValue(object.id, path, "id"),
    name: optStringValue(object.name, path, "name"),
    type: stringValue(object.type, path, "type"),
    account: new IntegrationAccount({
      id: stringValue(account.id, path, "account.id"),
      name: optStringValue(account.name, path, "account.name"),
    }),
    guild:
      guild === null
        ? null
        : new PartialGuild({
            app,
            id: snowflakeValue(guild.id, path, "guild.id"),
            name: stringValue(guild.name, path, "guild.name"),
            iconHash: optStringValue(guild.icon, path, "guild.icon"),
            features: readFeatures(guild.features, path, "guild.features", false),
          }),
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
    nickname: optStringValue(object.nick, path, "nick"),
    guildAvatarHash: optStringValue(object.avatar, path, "avatar"),
    guildBannerHash: optStringValue(object.banner, path, "banner"),
    roleIds: snowflakesValue(object.roles, path, "roles", true),
    joinedAt: timestampValue(object.joined_at, path, "joined_at"),
    premiumSince: optTimestampValue(object.premium_since, path, "premium_since"),
    isDeaf: boolValueOr(object.deaf, path, "deaf"),
    isMute: boolValueOr(object.mute, path, "mute"),
    isPending: boolValueOr(object.pending, path, "pending"),
    communicationDisabledUntil: optTimestampValue(
      object.communication_disabled_until,
      path,
      "communication_disabled_until",
    ),
    flags: object.flags == null ? GuildMemberFlags.NONE : readMemberFlags(object.flags, path, "flags"),
    permissions: object.permissions == null ? null : readPermissions(object.permissions, path, "permissions"),
    guildAvatarDecoration: readAvatarDecoration(object.avatar_decoration_data, path),
    collectibles: readCollectibles(object.collectibles, path),
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
    invitesDisabledUntil: optTimestampValue(raw.invites_disabled_until, path, "invites_disabled_until"),
    dmsDisabledUntil: optTimestampValue(raw.dms_disabled_until, path, "dms_disabled_until"),
    dmSpamDetectedAt: optTimestampValue(raw.dm_spam_detected_at, path, "dm_spam_detected_at"),
    raidDetectedAt: optTimestampValue(raw.raid_detected_at, path, "raid_detected_at"),
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
    description: optStringValue(object.description, path, "description"),
    homeHeaderHash: optStringValue(object.home_header, path, "home_header"),
    splashHash: optStringValue(object.splash, path, "splash"),
    discoverySplashHash: optStringValue(object.discovery_splash, path, "discovery_splash"),
    bannerHash: optStringValue(object.banner, path, "banner"),
    ownerId: snowflakeValue(object.owner_id, path, "owner_id"),
    applicationId: optSnowflakeValue(object.application_id, path, "application_id"),
    afkChannelId: optSnowflakeValue(object.afk_channel_id, path, "afk_channel_id"),
    afkTimeout: intValue(object.afk_timeout, path, "afk_timeout"),
    systemChannelId: optSnowflakeValue(object.system_channel_id, path, "system_channel_id"),
    systemChannelFlags: readSystemChannelFlags(object.system_channel_flags, path, "system_channel_flags"),
    isWidgetEnabled: boolValueOr(object.widget_enabled, path, "widget_enabled"),
    widgetChannelId: optSnowflakeValue(object.widget_channel_id, path, "widget_channel_id"),
    verificationLevel: intValue(object.verification_level, path, "verification_level"),
    roles: mapById(object.roles, path, "roles", (role, where) => readRole(role, app, guildId, where), true),
    defaultMessageNotifications: intValue(
      object.default_message_notifications,
      path,
      "default_message_notifications",
    ),
    mfaLevel: intValue(object.mfa_level, path, "mfa_level"),
    explicitContentFilter: intValue(object.explicit_content_filter, path, "explicit_content_filter"),
    maxPresences: optIntValue(object.max_presences, path, "max_presences"),
    maxMembers: optIntValue(object.max_members, path, "max_members"),
    maxStageVideoChannelUsers: optIntValue(
      object.max_stage_video_channel_users,
      path,
      "max_stage_video_channel_users",
    ),
    maxVideoChannelUsers: optIntValue(object.max_video_channel_users, path, "max_video_channel_users"),
    vanityUrlCode: optStringValue(object.vanity_url_code, path, "vanity_url_code"),
    premiumTier: intValue(object.premium_tier, path, "premium_tier"),
    premiumSubscriptionCount: optIntValue(
      object.premium_subscription_count,
      path,
      "premium_subscription_count",
    ),
    preferredLocale: stringValue(object.preferred_locale, path, "preferred_locale"),
    rulesChannelId: optSnowflakeValue(object.rules_channel_id, path, "rules_channel_id"),
    safetyAlertsChannelId: optSnowflakeValue(
      object.safety_alerts_channel_id,
      path,
      "safety_alerts_channel_id",
    ),
    publicUpdatesChannelId: optSnowflakeValue(
      object.public_updates_channel_id,
      path,
      "public_updates_channel_id",
    ),
    isPremiumProgressBarEnabled: boolValueOr(
      object.premium_progress_bar_enabled,
      path,
      "premium_progress_bar_enabled",
    ),
    isNsfw: boolValueOr(object.nsfw, path, "nsfw"),
    nsfwLevel: optIntValue(object.nsfw_level, path, "nsfw_level"),
    emojis: mapById(
      object.emojis,
      path,
      "emojis",
      (emoji, where) => readEmoji(emoji, app, guildId, where),
      true,
    ),
    stickers: mapById(
      object.stickers,
      path,
      "stickers",
      (sticker, where) => readSticker(sticker, app, where),
      false,
    ),
    incidents:
      object.incidents_data == null
        ? null
        : readIncidents(objectValue(object.incidents_data, path, "incidents_data"), `${path}.incidents_data`),
    approximateMemberCount: optIntValue(object.approximate_member_count, path, "approximate_member_count"),
    approximateActiveMemberCount: optIntValue(
      object.approximate_presence_count,
      path,
      "approximate_presence_count",
    ),
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
