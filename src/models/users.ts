/**
 * Users: the partial and full user models, the current user, their flags and their cosmetics.
 *
 * @see https://discord.com/developers/docs/resources/user
 * @module
 */
import {
  type AssetUrl,
  CDN_AVATAR_DECORATION,
  CDN_DEFAULT_USER_AVATAR,
  CDN_GUILD_TAG_BADGE,
  CDN_USER_AVATAR,
  CDN_USER_BANNER,
  type ImageOptions,
} from "../cdn/index.js";
import { serializeMyUser, serializePartialUser, serializeUser } from "../factory/users.js";
import type { Open } from "../internal/enums.js";
import { BitFlags } from "../internal/flags.js";
import type { RawOwnUser, RawPartialUser, RawUser } from "../payloads/users.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { LocaleLike } from "./locales.js";

/**
 * Flags on a user's account (badges and account states). Members carry hikari's names; Discord's
 * names for the same bits are aliases (`STAFF` is `DISCORD_EMPLOYEE`, `TEAM_PSEUDO_USER` is `TEAM_USER`).
 * @see https://discord.com/developers/docs/resources/user#user-object-user-flags
 */
export class UserFlags extends BitFlags {
  /** No flag. */
  static readonly NONE = new UserFlags(0n);
  /** Discord employee. */
  static readonly DISCORD_EMPLOYEE = new UserFlags(1n << 0n);
  /** Owner of a partnered server. */
  static readonly PARTNERED_SERVER_OWNER = new UserFlags(1n << 1n);
  /** HypeSquad events member. */
  static readonly HYPESQUAD_EVENTS = new UserFlags(1n << 2n);
  /** Bug hunter, level 1. */
  static readonly BUG_HUNTER_LEVEL_1 = new UserFlags(1n << 3n);
  /** HypeSquad house Bravery. */
  static readonly HYPESQUAD_BRAVERY = new UserFlags(1n << 6n);
  /** HypeSquad house Brilliance. */
  static readonly HYPESQUAD_BRILLIANCE = new UserFlags(1n << 7n);
  /** HypeSquad house Balance. */
  static readonly HYPESQUAD_BALANCE = new UserFlags(1n << 8n);
  /** Early Nitro supporter. */
  static readonly EARLY_SUPPORTER = new UserFlags(1n << 9n);
  /** The pseudo-user that stands for a team. */
  static readonly TEAM_USER = new UserFlags(1n << 10n);
  /** Bug hunter, level 2. */
  static readonly BUG_HUNTER_LEVEL_2 = new UserFlags(1n << 14n);
  /** Verified bot. */
  static readonly VERIFIED_BOT = new UserFlags(1n << 16n);
  /** Early verified bot developer. */
  static readonly EARLY_VERIFIED_DEVELOPER = new UserFlags(1n << 17n);
  /** Moderator Programs alumnus. */
  static readonly DISCORD_CERTIFIED_MODERATOR = new UserFlags(1n << 18n);
  /** A bot that only uses HTTP interactions. */
  static readonly BOT_HTTP_INTERACTIONS = new UserFlags(1n << 19n);
  /** Flagged as a spammer. */
  static readonly SPAMMER = new UserFlags(1n << 20n);
  /** Active developer. */
  static readonly ACTIVE_DEVELOPER = new UserFlags(1n << 22n);
  /** A provisional account made through the Social SDK. */
  static readonly PROVISIONAL_ACCOUNT = new UserFlags(1n << 23n);
  /** Quarantined account. */
  static readonly QUARANTINED = new UserFlags(1n << 44n);
  /** Collaborator. */
  static readonly COLLABORATOR = new UserFlags(1n << 50n);
  /** Restricted collaborator. */
  static readonly RESTRICTED_COLLABORATOR = new UserFlags(1n << 51n);

  /** Discord's name for {@link UserFlags.DISCORD_EMPLOYEE}. */
  static readonly STAFF = UserFlags.DISCORD_EMPLOYEE;
  /** Discord's name for {@link UserFlags.PARTNERED_SERVER_OWNER}. */
  static readonly PARTNER = UserFlags.PARTNERED_SERVER_OWNER;
  /** Discord's name for {@link UserFlags.HYPESQUAD_EVENTS}. */
  static readonly HYPESQUAD = UserFlags.HYPESQUAD_EVENTS;
  /** Discord's name for {@link UserFlags.HYPESQUAD_BRAVERY}. */
  static readonly HYPESQUAD_ONLINE_HOUSE_1 = UserFlags.HYPESQUAD_BRAVERY;
  /** Discord's name for {@link UserFlags.HYPESQUAD_BRILLIANCE}. */
  static readonly HYPESQUAD_ONLINE_HOUSE_2 = UserFlags.HYPESQUAD_BRILLIANCE;
  /** Discord's name for {@link UserFlags.HYPESQUAD_BALANCE}. */
  static readonly HYPESQUAD_ONLINE_HOUSE_3 = UserFlags.HYPESQUAD_BALANCE;
  /** Discord's name for {@link UserFlags.EARLY_SUPPORTER}. */
  static readonly PREMIUM_EARLY_SUPPORTER = UserFlags.EARLY_SUPPORTER;
  /** Discord's name for {@link UserFlags.TEAM_USER}. */
  static readonly TEAM_PSEUDO_USER = UserFlags.TEAM_USER;
  /** Discord's name for {@link UserFlags.EARLY_VERIFIED_DEVELOPER}. */
  static readonly VERIFIED_DEVELOPER = UserFlags.EARLY_VERIFIED_DEVELOPER;
  /** Discord's name for {@link UserFlags.DISCORD_CERTIFIED_MODERATOR}. */
  static readonly CERTIFIED_MODERATOR = UserFlags.DISCORD_CERTIFIED_MODERATOR;
}

/**
 * The Nitro subscription a user has. Since 2026-05 Discord reports `NONE` unless the application may
 * use the `identify.premium` scope.
 * @see https://discord.com/developers/docs/resources/user#user-object-premium-types
 */
export const PremiumType = {
  /** No Nitro. */
  NONE: 0,
  /** Nitro Classic. */
  NITRO_CLASSIC: 1,
  /** Nitro. */
  NITRO: 2,
  /** Nitro Basic. */
  NITRO_BASIC: 3,
} as const;

/** One of the values in {@link PremiumType}. */
export type PremiumType = (typeof PremiumType)[keyof typeof PremiumType];

/**
 * Background palette of a nameplate.
 * @see https://discord.com/developers/docs/resources/user#nameplate-nameplate-structure
 */
export const NameplatePalette = {
  /** The crimson background palette. */
  CRIMSON: "crimson",
  /** The berry background palette. */
  BERRY: "berry",
  /** The sky background palette. */
  SKY: "sky",
  /** The teal background palette. */
  TEAL: "teal",
  /** The forest background palette. */
  FOREST: "forest",
  /** The bubble gum background palette. */
  BUBBLE_GUM: "bubble_gum",
  /** The violet background palette. */
  VIOLET: "violet",
  /** The cobalt background palette. */
  COBALT: "cobalt",
  /** The clover background palette. */
  CLOVER: "clover",
  /** The lemon background palette. */
  LEMON: "lemon",
  /** The white background palette. */
  WHITE: "white",
  /** The black background palette. */
  BLACK: "black",
} as const;

/** One of the values in {@link NameplatePalette}. */
export type NameplatePalette = (typeof NameplatePalette)[keyof typeof NameplatePalette];

/** What {@link AvatarDecoration}'s constructor takes. */
export interface AvatarDecorationInit {
  readonly assetHash: string;
  readonly skuId: Snowflake | null;
  readonly expiresAt: Date | null;
}

/**
 * The decoration drawn around a user's (or a member's) avatar.
 * @see https://discord.com/developers/docs/resources/user#avatar-decoration-data-object
 */
export class AvatarDecoration {
  /** The decoration's asset hash (`asset`). */
  declare readonly assetHash: string;
  /** The SKU the decoration belongs to. */
  declare readonly skuId: Snowflake | null;
  /** When the decoration expires, or `null` when it does not (or Discord did not say). */
  declare readonly expiresAt: Date | null;

  /** @param init - the decoration's fields. */
  constructor(init: AvatarDecorationInit) {
    this.assetHash = init.assetHash;
    this.skuId = init.skuId;
    this.expiresAt = init.expiresAt;
  }

  /** The decoration image as PNG at the default size. */
  get url(): AssetUrl {
    return this.makeUrl();
  }

  /** The decoration image (PNG only). */
  makeUrl(options?: ImageOptions): AssetUrl {
    return CDN_AVATAR_DECORATION.compile({ asset: this.assetHash }, options);
  }
}

/** What {@link Nameplate}'s constructor takes. */
export interface NameplateInit {
  readonly skuId: Snowflake | null;
  readonly asset: string;
  readonly label: string;
  readonly palette: Open<NameplatePalette>;
}

/**
 * A nameplate shown behind a user's name in the member list.
 * @see https://discord.com/developers/docs/resources/user#nameplate-nameplate-structure
 */
export class Nameplate {
  /** The nameplate's SKU. */
  declare readonly skuId: Snowflake | null;
  /** Path of the nameplate asset. */
  declare readonly asset: string;
  /** The nameplate's label (unused by Discord today). */
  declare readonly label: string;
  /** The background palette. */
  declare readonly palette: Open<NameplatePalette>;

  /** @param init - the nameplate's fields. */
  constructor(init: NameplateInit) {
    this.skuId = init.skuId;
    this.asset = init.asset;
    this.label = init.label;
    this.palette = init.palette;
  }
}

/**
 * A user's collectibles.
 * @see https://discord.com/developers/docs/resources/user#collectibles
 */
export class Collectibles {
  /** The nameplate the user shows, or `null`. */
  declare readonly nameplate: Nameplate | null;

  /** @param init - the collectibles. */
  constructor(init: { readonly nameplate: Nameplate | null }) {
    this.nameplate = init.nameplate;
  }
}

/** What {@link PrimaryGuild}'s constructor takes. */
export interface PrimaryGuildInit {
  readonly identityGuildId: Snowflake | null;
  readonly identityEnabled: boolean | null;
  readonly tag: string | null;
  readonly badgeHash: string | null;
}

/**
 * The guild whose server tag a user shows next to their name.
 * @see https://discord.com/developers/docs/resources/user#user-object-user-primary-guild
 */
export class PrimaryGuild {
  /** The guild's ID, or `null` when the user cleared it. */
  declare readonly identityGuildId: Snowflake | null;
  /** Whether the user shows the tag; `null` when the tag was cleared by the system. */
  declare readonly identityEnabled: boolean | null;
  /** The tag text (up to 4 characters). */
  declare readonly tag: string | null;
  /** The tag badge's hash (`badge`). */
  declare readonly badgeHash: string | null;

  /** @param init - the primary guild's fields. */
  constructor(init: PrimaryGuildInit) {
    this.identityGuildId = init.identityGuildId;
    this.identityEnabled = init.identityEnabled;
    this.tag = init.tag;
    this.badgeHash = init.badgeHash;
  }

  /** The tag badge at the default format and size, or `null` without a badge or guild. */
  get badgeUrl(): AssetUrl | null {
    return this.makeBadgeUrl();
  }

  /** The tag badge (PNG, JPEG or WebP), or `null` without a badge or guild. */
  makeBadgeUrl(options?: ImageOptions): AssetUrl | null {
    if (this.badgeHash === null || this.identityGuildId === null) return null;
    return CDN_GUILD_TAG_BADGE.compile({ guild_id: this.identityGuildId, badge: this.badgeHash }, options);
  }
}

/**
 * What {@link PartialUser}'s constructor takes. `undefined` marks a key Discord left out; `null` a value
 * Discord sent as null.
 */
export interface PartialUserInit {
  readonly app: RESTAware | null;
  readonly id: Snowflake;
  readonly username: string | undefined;
  readonly discriminator: string | undefined;
  readonly globalName: string | null | undefined;
  readonly avatarHash: string | null | undefined;
  readonly bannerHash: string | null | undefined;
  readonly accentColor: number | null | undefined;
  readonly isBot: boolean | undefined;
  readonly isSystem: boolean | undefined;
  readonly flags: UserFlags | undefined;
  readonly publicFlags: UserFlags | undefined;
  readonly avatarDecoration: AvatarDecoration | null | undefined;
  readonly collectibles: Collectibles | null | undefined;
  readonly primaryGuild: PrimaryGuild | null | undefined;
}

/**
 * A user of which only the ID is sure to be known, as in update events. A field is `undefined` when
 * Discord left its key out, and `null` when Discord sent `null`. {@link User} narrows every field.
 * @see https://discord.com/developers/docs/resources/user#user-object
 */
export class PartialUser {
  readonly #app: RESTAware | null;
  /** The user's ID. */
  declare readonly id: Snowflake;
  /** The username. */
  declare readonly username: string | undefined;
  /** The legacy four-digit tag; `"0"` for accounts on the new username system. */
  declare readonly discriminator: string | undefined;
  /** The display name the user chose (`global_name`). */
  declare readonly globalName: string | null | undefined;
  /** The avatar hash (`avatar`). */
  declare readonly avatarHash: string | null | undefined;
  /** The profile banner hash (`banner`). */
  declare readonly bannerHash: string | null | undefined;
  /** The banner color, an RGB integer from 0 to 0xFFFFFF (`accent_color`). */
  declare readonly accentColor: number | null | undefined;
  /** Whether the user belongs to an application (`bot`). */
  declare readonly isBot: boolean | undefined;
  /** Whether this is an official Discord system user (`system`). */
  declare readonly isSystem: boolean | undefined;
  /** The account's flags (`flags`, else `public_flags`). */
  declare readonly flags: UserFlags | undefined;
  /** The flags shown on the profile (`public_flags`). */
  declare readonly publicFlags: UserFlags | undefined;
  /** The avatar decoration (`avatar_decoration_data`). */
  declare readonly avatarDecoration: AvatarDecoration | null | undefined;
  /** The user's collectibles. */
  declare readonly collectibles: Collectibles | null | undefined;
  /** The guild whose tag the user shows (`primary_guild`). */
  declare readonly primaryGuild: PrimaryGuild | null | undefined;

  /** @param init - the user's fields; see {@link PartialUserInit}. */
  constructor(init: PartialUserInit) {
    this.#app = init.app;
    this.id = init.id;
    this.username = init.username;
    this.discriminator = init.discriminator;
    this.globalName = init.globalName;
    this.avatarHash = init.avatarHash;
    this.bannerHash = init.bannerHash;
    this.accentColor = init.accentColor;
    this.isBot = init.isBot;
    this.isSystem = init.isSystem;
    this.flags = init.flags;
    this.publicFlags = init.publicFlags;
    this.avatarDecoration = init.avatarDecoration;
    this.collectibles = init.collectibles;
    this.primaryGuild = init.primaryGuild;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** When the account was created, from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The text that mentions this user in a message: `<@id>`. */
  get mention(): string {
    return `<@${this.id}>`;
  }

  /** The avatar at the default format and size, or `null` without a (known) avatar. */
  get avatarUrl(): AssetUrl | null {
    return this.makeAvatarUrl();
  }

  /**
   * The avatar, or `null` without a (known) avatar. The format defaults to GIF for animated (`a_`)
   * hashes, else PNG.
   * @throws TypeError for an unsupported format; RangeError for a bad size.
   */
  makeAvatarUrl(options?: ImageOptions): AssetUrl | null {
    const hash = this.avatarHash;
    if (hash == null) return null;
    return CDN_USER_AVATAR.compile({ user_id: this.id, hash }, options);
  }

  /** The profile banner at the default format and size, or `null` without a (known) banner. */
  get bannerUrl(): AssetUrl | null {
    return this.makeBannerUrl();
  }

  /**
   * The profile banner, or `null` without a (known) banner. The format defaults to GIF for animated
   * hashes, else PNG.
   */
  makeBannerUrl(options?: ImageOptions): AssetUrl | null {
    const hash = this.bannerHash;
    if (hash == null) return null;
    return CDN_USER_BANNER.compile({ user_id: this.id, hash }, options);
  }

  /** The avatar decoration image, or `null` without a (known) decoration. */
  get avatarDecorationUrl(): AssetUrl | null {
    return this.avatarDecoration?.url ?? null;
  }

  /**
   * Whether `other` is the same kind of user model with the same ID. For a model that wraps a user (an
   * object with a `user` field, such as a team member), the answer is that model's own `equals(this)`,
   * so both directions agree.
   */
  equals(other: unknown): boolean {
    if (other instanceof PartialUser) return other.constructor === this.constructor && other.id === this.id;
    if (typeof other !== "object" || other === null) return false;
    const wrapper = other as { readonly user?: unknown; readonly equals?: unknown };
    return (
      wrapper.user instanceof PartialUser &&
      typeof wrapper.equals === "function" &&
      wrapper.equals(this) === true
    );
  }

  /**
   * `username#discriminator`, just the username for accounts on the new username system
   * (discriminator `"0"`), or `Partial user ID <id>` when the username or discriminator is unknown.
   */
  toString(): string {
    if (this.username === undefined || this.discriminator === undefined) return `Partial user ID ${this.id}`;
    return this.discriminator === "0" ? this.username : `${this.username}#${this.discriminator}`;
  }

  /** The Discord-shaped payload, with only the keys that are known. */
  toJSON(): RawPartialUser {
    return serializePartialUser(this);
  }
}

/** What {@link User}'s constructor takes. */
export interface UserInit extends PartialUserInit {
  readonly username: string;
  readonly discriminator: string;
  readonly globalName: string | null;
  readonly avatarHash: string | null;
  readonly bannerHash: string | null;
  readonly accentColor: number | null;
  readonly isBot: boolean;
  readonly isSystem: boolean;
  readonly flags: UserFlags;
  readonly publicFlags: UserFlags;
  readonly avatarDecoration: AvatarDecoration | null;
  readonly collectibles: Collectibles | null;
  readonly primaryGuild: PrimaryGuild | null;
}

/**
 * A Discord user whose fields are all known.
 * @see https://discord.com/developers/docs/resources/user#user-object
 */
export class User extends PartialUser {
  declare readonly username: string;
  declare readonly discriminator: string;
  declare readonly globalName: string | null;
  declare readonly avatarHash: string | null;
  declare readonly bannerHash: string | null;
  declare readonly accentColor: number | null;
  declare readonly isBot: boolean;
  declare readonly isSystem: boolean;
  declare readonly flags: UserFlags;
  declare readonly publicFlags: UserFlags;
  declare readonly avatarDecoration: AvatarDecoration | null;
  declare readonly collectibles: Collectibles | null;
  declare readonly primaryGuild: PrimaryGuild | null;

  /** @param init - the user's fields. */
  constructor(init: UserInit) {
    super(init);
  }

  /** The name Discord shows: the display name when set, else the username. */
  get displayName(): string {
    return this.globalName ?? this.username;
  }

  /**
   * The index (0–5) of the default avatar Discord shows for this user: `(id >> 22) % 6` on the new
   * username system (discriminator `"0"`), else `discriminator % 5`.
   */
  get defaultAvatarIndex(): number {
    const discriminator = this.discriminator;
    if (discriminator !== "0" && /^\d+$/.test(discriminator)) return Number(discriminator) % 5;
    return Number((BigInt(this.id) >> 22n) % 6n);
  }

  /** The default avatar Discord shows when the user has none (PNG, no size). */
  get defaultAvatarUrl(): AssetUrl {
    return CDN_DEFAULT_USER_AVATAR.compile({ index: this.defaultAvatarIndex });
  }

  /** The avatar if the user has one, else the default avatar. */
  get displayAvatarUrl(): AssetUrl {
    return this.makeAvatarUrl() ?? this.defaultAvatarUrl;
  }

  /** The Discord-shaped payload (`UserResponse`). */
  override toJSON(): RawUser {
    return serializeUser(this);
  }
}

/** What {@link OwnUser}'s constructor takes. */
export interface OwnUserInit extends UserInit {
  readonly isMfaEnabled: boolean;
  readonly locale: LocaleLike | null;
  readonly isVerified: boolean | null;
  readonly email: string | null;
  readonly premiumType: Open<PremiumType> | null;
}

/**
 * The user a token belongs to, as `GET /users/@me` returns it.
 * @see https://discord.com/developers/docs/resources/user#get-current-user
 */
export class OwnUser extends User {
  /** Whether two-factor authentication is on (`mfa_enabled`; `false` when left out). */
  declare readonly isMfaEnabled: boolean;
  /** The chosen client language, or `null` when left out. */
  declare readonly locale: LocaleLike | null;
  /** Whether the email address is verified; `null` without the `email` scope. */
  declare readonly isVerified: boolean | null;
  /** The email address; `null` without the `email` scope or when the account has none. */
  declare readonly email: string | null;
  /** The Nitro subscription type, or `null` when left out. */
  declare readonly premiumType: Open<PremiumType> | null;

  /** @param init - the current user's fields. */
  constructor(init: OwnUserInit) {
    super(init);
    this.isMfaEnabled = init.isMfaEnabled;
    this.locale = init.locale;
    this.isVerified = init.isVerified;
    this.email = init.email;
    this.premiumType = init.premiumType;
  }

  /** The Discord-shaped payload (`UserPIIResponse`). */
  override toJSON(): RawOwnUser {
    return serializeMyUser(this);
  }
}
