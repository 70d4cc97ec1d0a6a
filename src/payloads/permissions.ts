/**
 * Raw role payloads (Discord documents roles on its permissions page).
 *
 * @see https://discord.com/developers/docs/topics/permissions#role-object
 * @module
 */
import type { Snowflake } from "../snowflakes.js";

/**
 * Tags of a role. A `null`-valued key is a "true" tag: its presence is the information.
 * @see https://discord.com/developers/docs/topics/permissions#role-object-role-tags-structure
 */
export interface RawRoleTags {
  /** The bot the role belongs to. */
  bot_id?: Snowflake;
  /** The integration the role belongs to. */
  integration_id?: Snowflake;
  /** Present (as `null`) on the guild's booster role. */
  premium_subscriber?: null;
  /** The role subscription listing. */
  subscription_listing_id?: Snowflake;
  /** Present (as `null`) when the role can be bought. */
  available_for_purchase?: null;
  /** Present (as `null`) on a linked role. */
  guild_connections?: null;
}

/**
 * A role's colors: one primary color, plus a second (gradient) and third (holographic) one.
 * @see https://discord.com/developers/docs/topics/permissions#role-object-role-colors-object
 */
export interface RawRoleColors {
  /** The main color as an RGB integer (0 means no color). */
  primary_color: number;
  /** The second gradient color, or null. */
  secondary_color: number | null;
  /** The third color of a holographic role, or null. */
  tertiary_color: number | null;
}

/**
 * A guild role (`GuildRoleResponse`).
 * @see https://discord.com/developers/docs/topics/permissions#role-object
 */
export interface RawRole {
  /** The role's ID. */
  id: Snowflake;
  /** The role's name. */
  name: string;
  /** Permission bits as a decimal string (old payloads: an integer). */
  permissions: string | number;
  /** The role's position in the role list. */
  position: number;
  /** Deprecated by Discord in favour of `colors.primary_color`, still sent. */
  color: number;
  /** The role's colors. */
  colors?: RawRoleColors;
  /** Whether members with the role are listed apart from online members. */
  hoist: boolean;
  /** Whether an integration manages the role. */
  managed: boolean;
  /** Whether anyone can mention the role. */
  mentionable: boolean;
  /** The role icon's hash, or null. */
  icon?: string | null;
  /** The role's Unicode emoji, or null. */
  unicode_emoji?: string | null;
  /** The role's tags. */
  tags?: RawRoleTags;
  /** Role flag bits. */
  flags?: number;
}
