/**
 * Raw guild payloads: guilds, members and integrations.
 *
 * @see https://discord.com/developers/docs/resources/guild
 * @module
 */
import type { Snowflake } from "../snowflakes.js";
import type { RawEmoji } from "./emojis.js";
import type { RawRole } from "./permissions.js";
import type { RawGuildSticker } from "./stickers.js";
import type { RawAvatarDecorationData, RawCollectibles, RawUser } from "./users.js";

/** The keys every guild shape shares (`PartialGuild`). */
export interface RawPartialGuildFields {
  /** The guild's ID. */
  id: Snowflake;
  /** The guild's name (2 to 100 characters). */
  name: string;
  /** The guild's icon hash, or null without an icon. */
  icon: string | null;
  /** The guild's feature flags, such as `COMMUNITY` (see {@link GuildFeature}). */
  features: string[];
}

/**
 * When a guild's safety measures (paused invites or DMs, detected raids) run out.
 * @see https://discord.com/developers/docs/resources/guild#incidents-data-object
 */
export interface RawGuildIncidentsData {
  /** ISO 8601 time until which invites stay paused, or null. */
  invites_disabled_until: string | null;
  /** ISO 8601 time until which direct messages between members stay paused, or null. */
  dms_disabled_until: string | null;
  /** ISO 8601 time Discord noticed DM spam, or null. */
  dm_spam_detected_at?: string | null;
  /** ISO 8601 time Discord noticed a raid, or null. */
  raid_detected_at?: string | null;
}

/**
 * A full guild (`GuildResponse`, or `GuildWithCountsResponse` with `with_counts=true`), as `GET
 * /guilds/{id}` and the `bot` OAuth2 grant return it. The deprecated `region` is not modelled.
 * @see https://discord.com/developers/docs/resources/guild#guild-object
 */
export interface RawRESTGuild extends RawPartialGuildFields {
  /** The guild's description, or null. */
  description: string | null;
  /** Hash of the guild's home header image, or null. */
  home_header?: string | null;
  /** The invite splash image hash, or null. */
  splash: string | null;
  /** The discovery splash image hash (discoverable guilds only), or null. */
  discovery_splash?: string | null;
  /** The banner image hash, or null. */
  banner: string | null;
  /** ID of the user who owns the guild. */
  owner_id: Snowflake;
  /** ID of the application that created the guild, when a bot did; otherwise null. */
  application_id: Snowflake | null;
  /** ID of the AFK voice channel, or null. */
  afk_channel_id: Snowflake | null;
  /** Seconds of inactivity before a member is moved to the AFK channel. */
  afk_timeout: number;
  /** ID of the channel that receives system messages (joins, boosts), or null. */
  system_channel_id: Snowflake | null;
  /** System channel flag bits (which system messages are suppressed). */
  system_channel_flags: number;
  /** Whether the server widget is turned on. */
  widget_enabled?: boolean;
  /** ID of the channel the widget invite points to, or null. */
  widget_channel_id?: Snowflake | null;
  /** Verification level members must meet before talking (0 none to 4 very high). */
  verification_level: number;
  /** Every role in the guild. */
  roles: RawRole[];
  /** Default notification setting: 0 all messages, 1 mentions only. */
  default_message_notifications: number;
  /** Whether moderators need two-factor authentication: 0 no, 1 yes. */
  mfa_level: number;
  /** Which members' media is scanned for explicit content: 0 nobody, 1 members without roles, 2 everyone. */
  explicit_content_filter: number;
  /** Maximum number of presences, or null (only the largest guilds have a limit). */
  max_presences?: number | null;
  /** Maximum number of members. */
  max_members?: number;
  /** Maximum number of users in a stage channel's video. */
  max_stage_video_channel_users?: number;
  /** Maximum number of users in a voice channel's video. */
  max_video_channel_users?: number;
  /** The vanity invite code, or null. */
  vanity_url_code: string | null;
  /** Server boost level, 0 to 3. */
  premium_tier: number;
  /** How many boosts the guild has. */
  premium_subscription_count?: number;
  /** Locale of a community guild, used for discovery and Discord notices (defaults to `en-US`). */
  preferred_locale: string;
  /** ID of a community guild's rules channel, or null. */
  rules_channel_id: Snowflake | null;
  /** ID of the channel that receives safety alerts from Discord, or null. */
  safety_alerts_channel_id?: Snowflake | null;
  /** ID of the channel where a community guild's admins receive Discord notices, or null. */
  public_updates_channel_id: Snowflake | null;
  /** Whether the boost progress bar is shown. */
  premium_progress_bar_enabled?: boolean;
  /** Whether the guild is marked NSFW. */
  nsfw?: boolean;
  /** The guild's NSFW level: 0 default, 1 explicit, 2 safe, 3 age restricted. */
  nsfw_level?: number;
  /** The guild's custom emojis. */
  emojis: RawEmoji[];
  /** The guild's custom stickers. */
  stickers?: RawGuildSticker[];
  /** The guild's active safety measures, or null. */
  incidents_data?: RawGuildIncidentsData | null;
  /** Estimated member count (only with `with_counts=true`). */
  approximate_member_count?: number | null;
  /** Estimated online member count (only with `with_counts=true`). */
  approximate_presence_count?: number | null;
}

/**
 * The current user's member object in a guild (`PrivateGuildMemberResponse`), from
 * `GET /users/@me/guilds/{guild.id}/member`.
 * @see https://discord.com/developers/docs/resources/guild#guild-member-object
 */
export interface RawGuildMember {
  /** The member's user. */
  user: RawUser;
  /** The member's nickname in this guild, or null. */
  nick: string | null;
  /** The member's guild-specific avatar hash, or null. */
  avatar: string | null;
  /** The member's guild-specific banner hash, or null. */
  banner: string | null;
  /** IDs of the member's roles. */
  roles: Snowflake[];
  /** ISO 8601 time the user joined the guild. */
  joined_at: string;
  /** ISO 8601 time the member started boosting, or null. */
  premium_since: string | null;
  /** Whether the member is server-deafened in voice. */
  deaf: boolean;
  /** Whether the member is server-muted in voice. */
  mute: boolean;
  /** Guild member flag bits. */
  flags: number;
  /** Whether the member has yet to pass membership screening. */
  pending: boolean;
  /** ISO 8601 time the member's timeout ends, or null when not timed out. */
  communication_disabled_until: string | null;
  /** The member's total permissions as a decimal string, when Discord includes them. */
  permissions?: string;
  /** The member's guild-specific avatar decoration, or null. */
  avatar_decoration_data?: RawAvatarDecorationData | null;
  /** The member's collectibles, or null. */
  collectibles?: RawCollectibles | null;
}

/**
 * The third-party account behind an integration.
 * @see https://discord.com/developers/docs/resources/guild#integration-account-object
 */
export interface RawIntegrationAccount {
  /** The account's ID on the third-party service. */
  id: string;
  /** The account's name, or null. */
  name: string | null;
}

/** The guild an integration of a connection belongs to. */
export interface RawIntegrationGuild {
  /** The guild's ID. */
  id: Snowflake;
  /** The guild's name. */
  name: string;
  /** The guild's icon hash, or null. */
  icon: string | null;
}

/**
 * An integration as a connection lists it (`ConnectedAccountIntegrationResponse`), or the common part of
 * a guild integration.
 * @see https://discord.com/developers/docs/resources/guild#integration-object
 */
export interface RawPartialIntegration {
  /** The integration's ID. */
  id: string;
  /** The integration's name. */
  name?: string;
  /** The integration's kind: `twitch`, `youtube`, `discord` or `guild_subscription`. */
  type: string;
  /** The third-party account the integration is tied to. */
  account: RawIntegrationAccount;
  /** The guild the integration belongs to. */
  guild?: RawIntegrationGuild;
}
