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
  id: Snowflake;
  name: string;
  icon: string | null;
  features: string[];
}

/**
 * When a guild's safety measures (paused invites or DMs, detected raids) run out.
 * @see https://discord.com/developers/docs/resources/guild#incidents-data-object
 */
export interface RawGuildIncidentsData {
  invites_disabled_until: string | null;
  dms_disabled_until: string | null;
  dm_spam_detected_at?: string | null;
  raid_detected_at?: string | null;
}

/**
 * A full guild (`GuildResponse`, or `GuildWithCountsResponse` with `with_counts=true`), as `GET
 * /guilds/{id}` and the `bot` OAuth2 grant return it. The deprecated `region` is not modelled.
 * @see https://discord.com/developers/docs/resources/guild#guild-object
 */
export interface RawRESTGuild extends RawPartialGuildFields {
  description: string | null;
  home_header?: string | null;
  splash: string | null;
  discovery_splash?: string | null;
  banner: string | null;
  owner_id: Snowflake;
  application_id: Snowflake | null;
  afk_channel_id: Snowflake | null;
  afk_timeout: number;
  system_channel_id: Snowflake | null;
  system_channel_flags: number;
  widget_enabled?: boolean;
  widget_channel_id?: Snowflake | null;
  verification_level: number;
  roles: RawRole[];
  default_message_notifications: number;
  mfa_level: number;
  explicit_content_filter: number;
  max_presences?: number | null;
  max_members?: number;
  max_stage_video_channel_users?: number;
  max_video_channel_users?: number;
  vanity_url_code: string | null;
  premium_tier: number;
  premium_subscription_count?: number;
  preferred_locale: string;
  rules_channel_id: Snowflake | null;
  safety_alerts_channel_id?: Snowflake | null;
  public_updates_channel_id: Snowflake | null;
  premium_progress_bar_enabled?: boolean;
  nsfw?: boolean;
  nsfw_level?: number;
  emojis: RawEmoji[];
  stickers?: RawGuildSticker[];
  incidents_data?: RawGuildIncidentsData | null;
  approximate_member_count?: number | null;
  approximate_presence_count?: number | null;
}

/**
 * The current user's member object in a guild (`PrivateGuildMemberResponse`), from
 * `GET /users/@me/guilds/{guild.id}/member`.
 * @see https://discord.com/developers/docs/resources/guild#guild-member-object
 */
export interface RawGuildMember {
  user: RawUser;
  nick: string | null;
  avatar: string | null;
  banner: string | null;
  roles: Snowflake[];
  joined_at: string;
  premium_since: string | null;
  deaf: boolean;
  mute: boolean;
  flags: number;
  pending: boolean;
  communication_disabled_until: string | null;
  permissions?: string;
  avatar_decoration_data?: RawAvatarDecorationData | null;
  collectibles?: RawCollectibles | null;
}

/**
 * The third-party account behind an integration.
 * @see https://discord.com/developers/docs/resources/guild#integration-account-object
 */
export interface RawIntegrationAccount {
  id: string;
  name: string | null;
}

/** The guild an integration of a connection belongs to. */
export interface RawIntegrationGuild {
  id: Snowflake;
  name: string;
  icon: string | null;
}

/**
 * An integration as a connection lists it (`ConnectedAccountIntegrationResponse`), or the common part of
 * a guild integration.
 * @see https://discord.com/developers/docs/resources/guild#integration-object
 */
export interface RawPartialIntegration {
  id: string;
  name?: string;
  type: string;
  account: RawIntegrationAccount;
  guild?: RawIntegrationGuild;
}
