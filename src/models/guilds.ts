/**
 * Guilds: the partial guild every guild shape shares, the full guild (`RESTGuild`), their enums and
 * flags. Roles, emojis, stickers, members and integrations live in their own modules.
 *
 * @see https://discord.com/developers/docs/resources/guild
 * @module
 */
import {
  type AssetUrl,
  CDN_GUILD_BANNER,
  CDN_GUILD_DISCOVERY_SPLASH,
  CDN_GUILD_ICON,
  CDN_GUILD_SPLASH,
  type ImageOptions,
} from "../cdn/index.js";
import { serializeRestGuild, writePartialGuildFields } from "../factory/guilds.js";
import type { Open } from "../internal/enums.js";
import { BitFlags } from "../internal/flags.js";
import type { RawPartialGuildFields, RawRESTGuild } from "../payloads/guilds.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { KnownCustomEmoji } from "./emojis.js";
import type { LocaleLike } from "./locales.js";
import type { Role } from "./roles.js";
import type { GuildSticker } from "./stickers.js";

/**
 * A guild feature. hikari's names first, then Discord's newer ones; `CREATOR_MONETIZABLE` is hikari's
 * name for `CREATOR_MONETIZABLE_PROVISIONAL` (same value). Fields typed `Open<GuildFeature>` keep features
 * Discord adds later as plain strings.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-guild-features
 */
export const GuildFeature = {
  /** The guild may use an animated icon. */
  ANIMATED_ICON: "ANIMATED_ICON",
  /** The guild may set a banner image. */
  BANNER: "BANNER",
  /** Legacy: the guild once had store channels. */
  COMMERCE: "COMMERCE",
  /** The guild is a community guild (welcome screen, rules channel, discovery eligibility). */
  COMMUNITY: "COMMUNITY",
  /** The guild is listed in server discovery. */
  DISCOVERABLE: "DISCOVERABLE",
  /** The guild may be featured in server discovery. */
  FEATURABLE: "FEATURABLE",
  /** The guild may set an invite splash background. */
  INVITE_SPLASH: "INVITE_SPLASH",
  /** The guild has extra emoji slots. */
  MORE_EMOJI: "MORE_EMOJI",
  /** The guild may create announcement channels. */
  NEWS: "NEWS",
  /** The guild is a Discord partner. */
  PARTNERED: "PARTNERED",
  /** The guild runs on Discord's relay system for very large guilds. */
  RELAY_ENABLED: "RELAY_ENABLED",
  /** The guild may set a vanity invite URL. */
  VANITY_URL: "VANITY_URL",
  /** The guild is verified by Discord. */
  VERIFIED: "VERIFIED",
  /** The guild may use higher-bitrate voice (legacy VIP regions). */
  VIP_REGIONS: "VIP_REGIONS",
  /** The guild shows a welcome screen to new members. */
  WELCOME_SCREEN_ENABLED: "WELCOME_SCREEN_ENABLED",
  /** The guild has membership screening turned on. */
  MEMBER_VERIFICATION_GATE_ENABLED: "MEMBER_VERIFICATION_GATE_ENABLED",
  /** Non-members can preview the guild before joining. */
  PREVIEW_ENABLED: "PREVIEW_ENABLED",
  /** The guild may hold ticketed events. */
  TICKETED_EVENTS_ENABLED: "TICKETED_EVENTS_ENABLED",
  /** Legacy monetization flag. */
  MONETIZATION_ENABLED: "MONETIZATION_ENABLED",
  /** The guild has extra sticker slots. */
  MORE_STICKERS: "MORE_STICKERS",
  /** hikari's name for {@link GuildFeature.CREATOR_MONETIZABLE_PROVISIONAL} (same value). */
  CREATOR_MONETIZABLE: "CREATOR_MONETIZABLE_PROVISIONAL",
  /** The guild has a server shop page for its subscriptions. */
  CREATOR_STORE_PAGE: "CREATOR_STORE_PAGE",
  /** The guild offers role subscriptions. */
  ROLE_SUBSCRIPTIONS_ENABLED: "ROLE_SUBSCRIPTIONS_ENABLED",
  /** The guild's role subscriptions can be bought. */
  ROLE_SUBSCRIPTIONS_AVAILABLE_FOR_PURCHASE: "ROLE_SUBSCRIPTIONS_AVAILABLE_FOR_PURCHASE",
  /** Invites to the guild are paused. */
  INVITES_DISABLED: "INVITES_DISABLED",
  /** The guild has turned off alerts for unusual join activity. */
  RAID_ALERTS_DISABLED: "RAID_ALERTS_DISABLED",
  /** The guild may give roles gradient or holographic colors. */
  ENHANCED_ROLE_COLORS: "ENHANCED_ROLE_COLORS",
  /** The guild may use an animated banner. */
  ANIMATED_BANNER: "ANIMATED_BANNER",
  /** Despite the name, the guild still uses the old application command permission behaviour. */
  APPLICATION_COMMAND_PERMISSIONS_V2: "APPLICATION_COMMAND_PERMISSIONS_V2",
  /** The guild has set up AutoMod rules. */
  AUTO_MODERATION: "AUTO_MODERATION",
  /** The guild has enabled monetization. */
  CREATOR_MONETIZABLE_PROVISIONAL: "CREATOR_MONETIZABLE_PROVISIONAL",
  /** The guild is an application's developer support server. */
  DEVELOPER_SUPPORT_SERVER: "DEVELOPER_SUPPORT_SERVER",
  /** The guild accepts guest (temporary) members. */
  GUESTS_ENABLED: "GUESTS_ENABLED",
  /** The guild may offer a server tag for members to show. */
  GUILD_TAGS: "GUILD_TAGS",
  /** The guild has extra soundboard slots. */
  MORE_SOUNDBOARD: "MORE_SOUNDBOARD",
  /** The guild is the official server of a game. */
  OFFICIAL_GAME_GUILD: "OFFICIAL_GAME_GUILD",
  /** Only administrators may prune members. */
  PRUNE_REQUIRES_ADMIN: "PRUNE_REQUIRES_ADMIN",
  /** The guild may give roles icons. */
  ROLE_ICONS: "ROLE_ICONS",
  /** The guild has created soundboard sounds. */
  SOUNDBOARD: "SOUNDBOARD",
} as const;

/** One of the values in {@link GuildFeature}. */
export type GuildFeature = (typeof GuildFeature)[keyof typeof GuildFeature];

/**
 * What members must satisfy before they can talk in the guild.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-verification-level
 */
export const GuildVerificationLevel = {
  /** Unrestricted. */
  NONE: 0,
  /** A verified email address. */
  LOW: 1,
  /** Registered on Discord for more than 5 minutes. */
  MEDIUM: 2,
  /** A member of the guild for more than 10 minutes. */
  HIGH: 3,
  /** A verified phone number. */
  VERY_HIGH: 4,
} as const;

/** One of the values in {@link GuildVerificationLevel}. */
export type GuildVerificationLevel = (typeof GuildVerificationLevel)[keyof typeof GuildVerificationLevel];

/**
 * Which messages notify members by default.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-default-message-notification-level
 */
export const GuildMessageNotificationsLevel = {
  /** Every message. */
  ALL_MESSAGES: 0,
  /** Only messages that mention the member. */
  ONLY_MENTIONS: 1,
} as const;

/** One of the values in {@link GuildMessageNotificationsLevel}. */
export type GuildMessageNotificationsLevel =
  (typeof GuildMessageNotificationsLevel)[keyof typeof GuildMessageNotificationsLevel];

/**
 * Whose media Discord scans for explicit content.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-explicit-content-filter-level
 */
export const GuildExplicitContentFilterLevel = {
  /** Nobody's. */
  DISABLED: 0,
  /** Members without roles. */
  MEMBERS_WITHOUT_ROLES: 1,
  /** Every member. */
  ALL_MEMBERS: 2,
} as const;

/** One of the values in {@link GuildExplicitContentFilterLevel}. */
export type GuildExplicitContentFilterLevel =
  (typeof GuildExplicitContentFilterLevel)[keyof typeof GuildExplicitContentFilterLevel];

/**
 * Whether moderators need two-factor authentication.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-mfa-level
 */
export const GuildMFALevel = {
  /** No requirement. */
  NONE: 0,
  /** Moderation actions need 2FA. */
  ELEVATED: 1,
} as const;

/** One of the values in {@link GuildMFALevel}. */
export type GuildMFALevel = (typeof GuildMFALevel)[keyof typeof GuildMFALevel];

/**
 * The guild's Server Boost level.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-premium-tier
 */
export const GuildPremiumTier = {
  /** No boost level perks. */
  NONE: 0,
  /** Boost level 1. */
  TIER_1: 1,
  /** Boost level 2. */
  TIER_2: 2,
  /** Boost level 3. */
  TIER_3: 3,
} as const;

/** One of the values in {@link GuildPremiumTier}. */
export type GuildPremiumTier = (typeof GuildPremiumTier)[keyof typeof GuildPremiumTier];

/**
 * The guild's age-restriction rating.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-guild-nsfw-level
 */
export const GuildNSFWLevel = {
  /** Not rated. */
  DEFAULT: 0,
  /** Rated as explicit. */
  EXPLICIT: 1,
  /** Rated as safe. */
  SAFE: 2,
  /** Age-restricted content. */
  AGE_RESTRICTED: 3,
} as const;

/** One of the values in {@link GuildNSFWLevel}. */
export type GuildNSFWLevel = (typeof GuildNSFWLevel)[keyof typeof GuildNSFWLevel];

/**
 * Messages the guild's system channel does not post.
 * @see https://discord.com/developers/docs/resources/guild#guild-object-system-channel-flags
 */
export class GuildSystemChannelFlags extends BitFlags {
  /** Every system message is posted. */
  static readonly NONE = new GuildSystemChannelFlags(0n);
  /** No welcome message when a member joins. */
  static readonly SUPPRESS_USER_JOIN = new GuildSystemChannelFlags(1n << 0n);
  /** No message when someone boosts the guild. */
  static readonly SUPPRESS_PREMIUM_SUBSCRIPTION = new GuildSystemChannelFlags(1n << 1n);
  /** No guild setup tips. */
  static readonly SUPPRESS_GUILD_REMINDER = new GuildSystemChannelFlags(1n << 2n);
  /** No sticker reply button on join messages. */
  static readonly SUPPRESS_USER_JOIN_REPLIES = new GuildSystemChannelFlags(1n << 3n);
  /** No role subscription purchase and renewal messages. */
  static readonly SUPPRESS_ROLE_SUBSCRIPTION_PURCHASE_NOTIFICATIONS = new GuildSystemChannelFlags(1n << 4n);
  /** No sticker reply buttons on role subscription messages. */
  static readonly SUPPRESS_ROLE_SUBSCRIPTION_PURCHASE_NOTIFICATION_REPLIES = new GuildSystemChannelFlags(
    1n << 5n,
  );
}

/** The fields every guild shape has; what `readPartialGuildFields` returns. */
export interface PartialGuildFields {
  /** {@link PartialGuild.id}. */
  readonly id: Snowflake;
  /** {@link PartialGuild.name}. */
  readonly name: string;
  /** {@link PartialGuild.iconHash}. */
  readonly iconHash: string | null;
  /** {@link PartialGuild.features}. */
  readonly features: readonly Open<GuildFeature>[];
}

/** What {@link PartialGuild}'s constructor takes. */
export interface PartialGuildInit extends PartialGuildFields {
  readonly app: RESTAware | null;
}

/**
 * What every guild shape shares: ID, name, icon and features. Base of `OwnGuild` and {@link RESTGuild}.
 * @see https://discord.com/developers/docs/resources/guild#guild-object
 */
export class PartialGuild {
  readonly #app: RESTAware | null;
  /** The guild's ID. */
  declare readonly id: Snowflake;
  /** The guild's name. */
  declare readonly name: string;
  /** The icon hash (`icon`). */
  declare readonly iconHash: string | null;
  /** The guild's features; unknown ones are kept as strings. */
  declare readonly features: readonly Open<GuildFeature>[];

  /** @param init - the guild's fields. */
  constructor(init: PartialGuildInit) {
    this.#app = init.app;
    this.id = init.id;
    this.name = init.name;
    this.iconHash = init.iconHash;
    this.features = init.features;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** When the guild was created, from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The icon at the default format and size, or `null` without an icon. */
  get iconUrl(): AssetUrl | null {
    return this.makeIconUrl();
  }

  /**
   * The icon, or `null` without one. The format defaults to GIF for animated (`a_`) hashes, else PNG.
   * @throws TypeError for an unsupported format; RangeError for a bad size.
   */
  makeIconUrl(options?: ImageOptions): AssetUrl | null {
    if (this.iconHash === null) return null;
    return CDN_GUILD_ICON.compile({ guild_id: this.id, hash: this.iconHash }, options);
  }

  /**
   * The gateway shard that receives this guild's events: `(id >> 22) % shardCount`.
   * @throws RangeError unless `shardCount` is a positive safe integer.
   */
  shardIdFor(shardCount: number): number {
    if (!Number.isSafeInteger(shardCount) || shardCount < 1) {
      throw new RangeError("shardCount must be a positive integer");
    }
    return Number((BigInt(this.id) >> 22n) % BigInt(shardCount));
  }

  /** Whether `other` is the same kind of guild model with the same ID. */
  equals(other: unknown): boolean {
    return other instanceof PartialGuild && other.constructor === this.constructor && other.id === this.id;
  }

  /** The guild's name. */
  toString(): string {
    return this.name;
  }

  /** The Discord-shaped keys of this guild (`id`, `name`, `icon`, `features`). */
  toJSON(): RawPartialGuildFields {
    return writePartialGuildFields(this);
  }
}

/** What {@link GuildIncidents}'s constructor takes. */
export interface GuildIncidentsInit {
  readonly invitesDisabledUntil: Date | null;
  readonly dmsDisabledUntil: Date | null;
  readonly dmSpamDetectedAt: Date | null;
  readonly raidDetectedAt: Date | null;
}

/**
 * The guild's active safety measures.
 * @see https://discord.com/developers/docs/resources/guild#incidents-data-object
 */
export class GuildIncidents {
  /** When invites are allowed again. */
  declare readonly invitesDisabledUntil: Date | null;
  /** When direct messages between members are allowed again. */
  declare readonly dmsDisabledUntil: Date | null;
  /** When Discord detected DM spam. */
  declare readonly dmSpamDetectedAt: Date | null;
  /** When Discord detected a raid. */
  declare readonly raidDetectedAt: Date | null;

  /** @param init - the incident times. */
  constructor(init: GuildIncidentsInit) {
    this.invitesDisabledUntil = init.invitesDisabledUntil;
    this.dmsDisabledUntil = init.dmsDisabledUntil;
    this.dmSpamDetectedAt = init.dmSpamDetectedAt;
    this.raidDetectedAt = init.raidDetectedAt;
  }
}

/** What {@link RESTGuild}'s constructor takes. */
export interface RESTGuildInit extends PartialGuildInit {
  readonly description: string | null;
  readonly homeHeaderHash: string | null;
  readonly splashHash: string | null;
  readonly discoverySplashHash: string | null;
  readonly bannerHash: string | null;
  readonly ownerId: Snowflake;
  readonly applicationId: Snowflake | null;
  readonly afkChannelId: Snowflake | null;
  readonly afkTimeout: number;
  readonly systemChannelId: Snowflake | null;
  readonly systemChannelFlags: GuildSystemChannelFlags;
  readonly isWidgetEnabled: boolean;
  readonly widgetChannelId: Snowflake | null;
  readonly verificationLevel: Open<GuildVerificationLevel>;
  readonly roles: ReadonlyMap<Snowflake, Role>;
  readonly defaultMessageNotifications: Open<GuildMessageNotificationsLevel>;
  readonly mfaLevel: Open<GuildMFALevel>;
  readonly explicitContentFilter: Open<GuildExplicitContentFilterLevel>;
  readonly maxPresences: number | null;
  readonly maxMembers: number | null;
  readonly maxStageVideoChannelUsers: number | null;
  readonly maxVideoChannelUsers: number | null;
  readonly vanityUrlCode: string | null;
  readonly premiumTier: Open<GuildPremiumTier>;
  readonly premiumSubscriptionCount: number | null;
  readonly preferredLocale: LocaleLike;
  readonly rulesChannelId: Snowflake | null;
  readonly safetyAlertsChannelId: Snowflake | null;
  readonly publicUpdatesChannelId: Snowflake | null;
  readonly isPremiumProgressBarEnabled: boolean;
  readonly isNsfw: boolean;
  readonly nsfwLevel: Open<GuildNSFWLevel> | null;
  readonly emojis: ReadonlyMap<Snowflake, KnownCustomEmoji>;
  readonly stickers: ReadonlyMap<Snowflake, GuildSticker>;
  readonly incidents: GuildIncidents | null;
  readonly approximateMemberCount: number | null;
  readonly approximateActiveMemberCount: number | null;
}

/**
 * A full guild as the REST API returns it (`GET /guilds/{id}`, or the `guild` of a `bot` OAuth2 grant).
 * @see https://discord.com/developers/docs/resources/guild#guild-object
 */
export class RESTGuild extends PartialGuild {
  /** The guild's description (community guilds). */
  declare readonly description: string | null;
  /** The home header image hash (`home_header`). */
  declare readonly homeHeaderHash: string | null;
  /** The invite splash hash (`splash`). */
  declare readonly splashHash: string | null;
  /** The discovery splash hash (`discovery_splash`). */
  declare readonly discoverySplashHash: string | null;
  /** The banner hash (`banner`). */
  declare readonly bannerHash: string | null;
  /** The owner's user ID. */
  declare readonly ownerId: Snowflake;
  /** The application that created the guild, if one did. */
  declare readonly applicationId: Snowflake | null;
  /** The AFK voice channel. */
  declare readonly afkChannelId: Snowflake | null;
  /** Seconds of silence before a member is moved to the AFK channel. */
  declare readonly afkTimeout: number;
  /** The channel for system messages (joins, boosts). */
  declare readonly systemChannelId: Snowflake | null;
  /** Which system messages are turned off. */
  declare readonly systemChannelFlags: GuildSystemChannelFlags;
  /** Whether the server widget is on (`widget_enabled`; `false` when left out). */
  declare readonly isWidgetEnabled: boolean;
  /** The channel the widget invites to. */
  declare readonly widgetChannelId: Snowflake | null;
  /** What members must satisfy before talking. */
  declare readonly verificationLevel: Open<GuildVerificationLevel>;
  /** The guild's roles by ID. */
  declare readonly roles: ReadonlyMap<Snowflake, Role>;
  /** Default notification setting. */
  declare readonly defaultMessageNotifications: Open<GuildMessageNotificationsLevel>;
  /** Whether moderators need 2FA. */
  declare readonly mfaLevel: Open<GuildMFALevel>;
  /** Whose media is scanned. */
  declare readonly explicitContentFilter: Open<GuildExplicitContentFilterLevel>;
  /** Maximum presences (`null` except for the largest guilds). */
  declare readonly maxPresences: number | null;
  /** Maximum members. */
  declare readonly maxMembers: number | null;
  /** Maximum users in a stage video channel. */
  declare readonly maxStageVideoChannelUsers: number | null;
  /** Maximum users in a video channel. */
  declare readonly maxVideoChannelUsers: number | null;
  /** The vanity invite code. */
  declare readonly vanityUrlCode: string | null;
  /** The Server Boost level. */
  declare readonly premiumTier: Open<GuildPremiumTier>;
  /** The number of boosts. */
  declare readonly premiumSubscriptionCount: number | null;
  /** The community guild's language. */
  declare readonly preferredLocale: LocaleLike;
  /** The rules channel (community guilds). */
  declare readonly rulesChannelId: Snowflake | null;
  /** The channel for safety alerts (community guilds). */
  declare readonly safetyAlertsChannelId: Snowflake | null;
  /** The channel for notices from Discord (community guilds). */
  declare readonly publicUpdatesChannelId: Snowflake | null;
  /** Whether the boost progress bar is shown (`premium_progress_bar_enabled`). */
  declare readonly isPremiumProgressBarEnabled: boolean;
  /** Whether the guild is age-restricted (`nsfw`). */
  declare readonly isNsfw: boolean;
  /** The guild's NSFW level. */
  declare readonly nsfwLevel: Open<GuildNSFWLevel> | null;
  /** The guild's custom emojis by ID. */
  declare readonly emojis: ReadonlyMap<Snowflake, KnownCustomEmoji>;
  /** The guild's stickers by ID. */
  declare readonly stickers: ReadonlyMap<Snowflake, GuildSticker>;
  /** Active safety measures (`incidents_data`). */
  declare readonly incidents: GuildIncidents | null;
  /** Approximate member count (only with `with_counts=true`). */
  declare readonly approximateMemberCount: number | null;
  /** Approximate online member count (`approximate_presence_count`, only with `with_counts=true`). */
  declare readonly approximateActiveMemberCount: number | null;

  /** @param init - the guild's fields. */
  constructor(init: RESTGuildInit) {
    super(init);
    this.description = init.description;
    this.homeHeaderHash = init.homeHeaderHash;
    this.splashHash = init.splashHash;
    this.discoverySplashHash = init.discoverySplashHash;
    this.bannerHash = init.bannerHash;
    this.ownerId = init.ownerId;
    this.applicationId = init.applicationId;
    this.afkChannelId = init.afkChannelId;
    this.afkTimeout = init.afkTimeout;
    this.systemChannelId = init.systemChannelId;
    this.systemChannelFlags = init.systemChannelFlags;
    this.isWidgetEnabled = init.isWidgetEnabled;
    this.widgetChannelId = init.widgetChannelId;
    this.verificationLevel = init.verificationLevel;
    this.roles = init.roles;
    this.defaultMessageNotifications = init.defaultMessageNotifications;
    this.mfaLevel = init.mfaLevel;
    this.explicitContentFilter = init.explicitContentFilter;
    this.maxPresences = init.maxPresences;
    this.maxMembers = init.maxMembers;
    this.maxStageVideoChannelUsers = init.maxStageVideoChannelUsers;
    this.maxVideoChannelUsers = init.maxVideoChannelUsers;
    this.vanityUrlCode = init.vanityUrlCode;
    this.premiumTier = init.premiumTier;
    this.premiumSubscriptionCount = init.premiumSubscriptionCount;
    this.preferredLocale = init.preferredLocale;
    this.rulesChannelId = init.rulesChannelId;
    this.safetyAlertsChannelId = init.safetyAlertsChannelId;
    this.publicUpdatesChannelId = init.publicUpdatesChannelId;
    this.isPremiumProgressBarEnabled = init.isPremiumProgressBarEnabled;
    this.isNsfw = init.isNsfw;
    this.nsfwLevel = init.nsfwLevel;
    this.emojis = init.emojis;
    this.stickers = init.stickers;
    this.incidents = init.incidents;
    this.approximateMemberCount = init.approximateMemberCount;
    this.approximateActiveMemberCount = init.approximateActiveMemberCount;
  }

  /** The banner at the default format and size, or `null` without one. */
  get bannerUrl(): AssetUrl | null {
    return this.makeBannerUrl();
  }

  /** The banner, or `null` without one; GIF by default for animated hashes, else PNG. */
  makeBannerUrl(options?: ImageOptions): AssetUrl | null {
    if (this.bannerHash === null) return null;
    return CDN_GUILD_BANNER.compile({ guild_id: this.id, hash: this.bannerHash }, options);
  }

  /** The invite splash at the default format and size, or `null` without one. */
  get splashUrl(): AssetUrl | null {
    return this.makeSplashUrl();
  }

  /** The invite splash (no GIF), or `null` without one. */
  makeSplashUrl(options?: ImageOptions): AssetUrl | null {
    if (this.splashHash === null) return null;
    return CDN_GUILD_SPLASH.compile({ guild_id: this.id, hash: this.splashHash }, options);
  }

  /** The discovery splash at the default format and size, or `null` without one. */
  get discoverySplashUrl(): AssetUrl | null {
    return this.makeDiscoverySplashUrl();
  }

  /** The discovery splash (no GIF), or `null` without one. */
  makeDiscoverySplashUrl(options?: ImageOptions): AssetUrl | null {
    if (this.discoverySplashHash === null) return null;
    return CDN_GUILD_DISCOVERY_SPLASH.compile({ guild_id: this.id, hash: this.discoverySplashHash }, options);
  }

  /** The `@everyone` role (its ID is the guild's), or `null` when the payload did not list it. */
  get everyoneRole(): Role | null {
    return this.roles.get(this.id) ?? null;
  }

  /** The Discord-shaped payload (`GuildResponse`). */
  override toJSON(): RawRESTGuild {
    return serializeRestGuild(this);
  }
}
