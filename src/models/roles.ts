/**
 * Guild roles.
 *
 * @see https://discord.com/developers/docs/topics/permissions#role-object
 * @module
 */
import { type AssetUrl, CDN_ROLE_ICON, type ImageOptions } from "../cdn/index.js";
import { serializeRole } from "../factory/guilds.js";
import { BitFlags } from "../internal/flags.js";
import type { RawRole } from "../payloads/permissions.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { Permissions } from "./permissions.js";

/**
 * Flags of a role.
 * @see https://discord.com/developers/docs/topics/permissions#role-object-role-flags
 */
export class RoleFlags extends BitFlags {
  /** No flag. */
  static readonly NONE = new RoleFlags(0n);
  /** The role is offered as an onboarding prompt option. */
  static readonly IN_PROMPT = new RoleFlags(1n << 0n);
}

/** Formats an RGB integer as `#RRGGBB`. */
export function colorToHex(color: number): string {
  return `#${color.toString(16).toUpperCase().padStart(6, "0")}`;
}

/** What {@link RoleColors}'s constructor takes. */
export interface RoleColorsInit {
  readonly primaryColor: number;
  readonly secondaryColor: number | null;
  readonly tertiaryColor: number | null;
}

/**
 * A role's colors: the primary color, plus a second one for a gradient and a third for the holographic
 * style. Each is an RGB integer from 0 to 0xFFFFFF.
 * @see https://discord.com/developers/docs/topics/permissions#role-object-role-colors-object
 */
export class RoleColors {
  /** The main color (0 means "no color"). */
  declare readonly primaryColor: number;
  /** The gradient's second color. */
  declare readonly secondaryColor: number | null;
  /** The holographic style's third color. */
  declare readonly tertiaryColor: number | null;

  /** @param init - the colors. */
  constructor(init: RoleColorsInit) {
    this.primaryColor = init.primaryColor;
    this.secondaryColor = init.secondaryColor;
    this.tertiaryColor = init.tertiaryColor;
  }
}

/** What {@link Role}'s constructor takes. */
export interface RoleInit {
  readonly app: RESTAware | null;
  readonly id: Snowflake;
  readonly guildId: Snowflake;
  readonly name: string;
  readonly color: number;
  readonly colors: RoleColors | null;
  readonly isHoisted: boolean;
  readonly iconHash: string | null;
  readonly unicodeEmoji: string | null;
  readonly isManaged: boolean;
  readonly isMentionable: boolean;
  readonly permissions: Permissions;
  readonly position: number;
  readonly flags: RoleFlags;
  readonly botId: Snowflake | null;
  readonly integrationId: Snowflake | null;
  readonly subscriptionListingId: Snowflake | null;
  readonly isPremiumSubscriberRole: boolean;
  readonly isAvailableForPurchase: boolean;
  readonly isGuildLinkedRole: boolean;
}

/**
 * A role in a guild.
 * @see https://discord.com/developers/docs/topics/permissions#role-object
 */
export class Role {
  readonly #app: RESTAware | null;
  /** The role's ID (the guild's ID for `@everyone`). */
  declare readonly id: Snowflake;
  /** The guild the role belongs to (not part of the payload: the caller supplies it). */
  declare readonly guildId: Snowflake;
  /** The role's name. */
  declare readonly name: string;
  /** The role's color as an RGB integer (0 means none). Discord prefers {@link Role.colors} now. */
  declare readonly color: number;
  /** The role's colors, or `null` when the payload predates them. */
  declare readonly colors: RoleColors | null;
  /** Whether members with the role are listed apart (`hoist`). */
  declare readonly isHoisted: boolean;
  /** The role icon's hash (`icon`). */
  declare readonly iconHash: string | null;
  /** The role's unicode emoji. */
  declare readonly unicodeEmoji: string | null;
  /** Whether an integration manages the role (`managed`). */
  declare readonly isManaged: boolean;
  /** Whether anyone may mention the role (`mentionable`). */
  declare readonly isMentionable: boolean;
  /** The role's permissions. */
  declare readonly permissions: Permissions;
  /** Position in the role list (roles with equal positions sort by ID). */
  declare readonly position: number;
  /** The role's flags. */
  declare readonly flags: RoleFlags;
  /** The bot this role belongs to (`tags.bot_id`). */
  declare readonly botId: Snowflake | null;
  /** The integration this role belongs to (`tags.integration_id`). */
  declare readonly integrationId: Snowflake | null;
  /** The role subscription listing (`tags.subscription_listing_id`). */
  declare readonly subscriptionListingId: Snowflake | null;
  /** Whether this is the booster role (`tags.premium_subscriber` present). */
  declare readonly isPremiumSubscriberRole: boolean;
  /** Whether the role can be bought (`tags.available_for_purchase` present). */
  declare readonly isAvailableForPurchase: boolean;
  /** Whether this is a linked role (`tags.guild_connections` present). */
  declare readonly isGuildLinkedRole: boolean;

  /** @param init - the role's fields. */
  constructor(init: RoleInit) {
    this.#app = init.app;
    this.id = init.id;
    this.guildId = init.guildId;
    this.name = init.name;
    this.color = init.color;
    this.colors = init.colors;
    this.isHoisted = init.isHoisted;
    this.iconHash = init.iconHash;
    this.unicodeEmoji = init.unicodeEmoji;
    this.isManaged = init.isManaged;
    this.isMentionable = init.isMentionable;
    this.permissions = init.permissions;
    this.position = init.position;
    this.flags = init.flags;
    this.botId = init.botId;
    this.integrationId = init.integrationId;
    this.subscriptionListingId = init.subscriptionListingId;
    this.isPremiumSubscriberRole = init.isPremiumSubscriberRole;
    this.isAvailableForPurchase = init.isAvailableForPurchase;
    this.isGuildLinkedRole = init.isGuildLinkedRole;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** When the role was created, from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The text that mentions this role: `<@&id>`. */
  get mention(): string {
    return `<@&${this.id}>`;
  }

  /** The color as `#RRGGBB`. */
  get hexColor(): string {
    return colorToHex(this.color);
  }

  /** The role icon at the default format and size, or `null` without one. */
  get iconUrl(): AssetUrl | null {
    return this.makeIconUrl();
  }

  /** The role icon (PNG, JPEG or WebP), or `null` without one. */
  makeIconUrl(options?: ImageOptions): AssetUrl | null {
    if (this.iconHash === null) return null;
    return CDN_ROLE_ICON.compile({ role_id: this.id, hash: this.iconHash }, options);
  }

  /** Whether `other` is a role with the same ID. */
  equals(other: unknown): boolean {
    return other instanceof Role && other.constructor === this.constructor && other.id === this.id;
  }

  /** The role's name. */
  toString(): string {
    return this.name;
  }

  /** The Discord-shaped payload (`GuildRoleResponse`); `guildId` is not part of it. */
  toJSON(): RawRole {
    return serializeRole(this);
  }
}
