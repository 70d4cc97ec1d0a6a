/**
 * Guild members: the current user's member object in a guild.
 *
 * @see https://discord.com/developers/docs/resources/guild#guild-member-object
 * @module
 */
import { type AssetUrl, CDN_MEMBER_AVATAR, CDN_MEMBER_BANNER, type ImageOptions } from "../cdn/index.js";
import { serializeMember } from "../factory/guilds.js";
import { BitFlags } from "../internal/flags.js";
import type { RawGuildMember } from "../payloads/guilds.js";
import type { Snowflake } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { Permissions } from "./permissions.js";
import type { AvatarDecoration, Collectibles, User } from "./users.js";

/**
 * Flags of a guild member.
 * @see https://discord.com/developers/docs/resources/guild#guild-member-object-guild-member-flags
 */
export class GuildMemberFlags extends BitFlags {
  /** No flag. */
  static readonly NONE = new GuildMemberFlags(0n);
  /** The member left and rejoined. */
  static readonly DID_REJOIN = new GuildMemberFlags(1n << 0n);
  /** The member finished onboarding. */
  static readonly COMPLETED_ONBOARDING = new GuildMemberFlags(1n << 1n);
  /** The member skips the guild's verification requirements. */
  static readonly BYPASSES_VERIFICATION = new GuildMemberFlags(1n << 2n);
  /** The member started onboarding. */
  static readonly STARTED_ONBOARDING = new GuildMemberFlags(1n << 3n);
  /** The member is a guest (temporary voice access). */
  static readonly IS_GUEST = new GuildMemberFlags(1n << 4n);
  /** The member started the server guide's new member actions. */
  static readonly STARTED_HOME_ACTIONS = new GuildMemberFlags(1n << 5n);
  /** The member completed the server guide's new member actions. */
  static readonly COMPLETED_HOME_ACTIONS = new GuildMemberFlags(1n << 6n);
  /** AutoMod quarantined the member's username or nickname. */
  static readonly AUTOMOD_QUARANTINED_USERNAME = new GuildMemberFlags(1n << 7n);
  /** The member dismissed the DM settings upsell. */
  static readonly DM_SETTINGS_UPSELL_ACKNOWLEDGED = new GuildMemberFlags(1n << 9n);
  /** AutoMod quarantined the member's guild tag. */
  static readonly AUTOMOD_QUARANTINED_GUILD_TAG = new GuildMemberFlags(1n << 10n);
}

/** What {@link Member}'s constructor takes. */
export interface MemberInit {
  readonly app: RESTAware | null;
  readonly guildId: Snowflake;
  readonly user: User;
  readonly nickname: string | null;
  readonly guildAvatarHash: string | null;
  readonly guildBannerHash: string | null;
  readonly roleIds: readonly Snowflake[];
  readonly joinedAt: Date;
  readonly premiumSince: Date | null;
  readonly isDeaf: boolean;
  readonly isMute: boolean;
  readonly isPending: boolean;
  readonly communicationDisabledUntil: Date | null;
  readonly flags: GuildMemberFlags;
  readonly permissions: Permissions | null;
  readonly guildAvatarDecoration: AvatarDecoration | null;
  readonly collectibles: Collectibles | null;
}

/**
 * A user's membership in a guild, as `GET /users/@me/guilds/{guild.id}/member` returns it for the
 * current user (`guilds.members.read` scope).
 * @see https://discord.com/developers/docs/resources/user#get-current-user-guild-member
 */
export class Member {
  readonly #app: RESTAware | null;
  /** The guild (not part of the payload: the caller supplies it). */
  declare readonly guildId: Snowflake;
  /** The user. */
  declare readonly user: User;
  /** The guild nickname (`nick`). */
  declare readonly nickname: string | null;
  /** The guild-specific avatar hash (`avatar`). */
  declare readonly guildAvatarHash: string | null;
  /** The guild-specific banner hash (`banner`). */
  declare readonly guildBannerHash: string | null;
  /** The member's role IDs (`roles`; `@everyone` is implied, not listed). */
  declare readonly roleIds: readonly Snowflake[];
  /** When the user joined the guild. */
  declare readonly joinedAt: Date;
  /** When the member started boosting the guild. */
  declare readonly premiumSince: Date | null;
  /** Whether the member is deafened in voice (`deaf`). */
  declare readonly isDeaf: boolean;
  /** Whether the member is muted in voice (`mute`). */
  declare readonly isMute: boolean;
  /** Whether the member has not passed membership screening yet (`pending`). */
  declare readonly isPending: boolean;
  /** When the member's timeout ends; `null` or a past time when not timed out. */
  declare readonly communicationDisabledUntil: Date | null;
  /** The member's flags. */
  declare readonly flags: GuildMemberFlags;
  /** The member's total permissions in the guild, when Discord includes them. */
  declare readonly permissions: Permissions | null;
  /** The guild-specific avatar decoration (`avatar_decoration_data`). */
  declare readonly guildAvatarDecoration: AvatarDecoration | null;
  /** The guild-specific collectibles. */
  declare readonly collectibles: Collectibles | null;

  /** @param init - the member's fields. */
  constructor(init: MemberInit) {
    this.#app = init.app;
    this.guildId = init.guildId;
    this.user = init.user;
    this.nickname = init.nickname;
    this.guildAvatarHash = init.guildAvatarHash;
    this.guildBannerHash = init.guildBannerHash;
    this.roleIds = init.roleIds;
    this.joinedAt = init.joinedAt;
    this.premiumSince = init.premiumSince;
    this.isDeaf = init.isDeaf;
    this.isMute = init.isMute;
    this.isPending = init.isPending;
    this.communicationDisabledUntil = init.communicationDisabledUntil;
    this.flags = init.flags;
    this.permissions = init.permissions;
    this.guildAvatarDecoration = init.guildAvatarDecoration;
    this.collectibles = init.collectibles;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** The user's ID. */
  get id(): Snowflake {
    return this.user.id;
  }

  /** The text that mentions the member: `<@id>`. */
  get mention(): string {
    return this.user.mention;
  }

  /** The name shown in the guild: the nickname, else the user's display name. */
  get displayName(): string {
    return this.nickname ?? this.user.displayName;
  }

  /** Whether a timeout is running at `now` (default: the current time). */
  isTimedOut(now: Date = new Date()): boolean {
    return (
      this.communicationDisabledUntil !== null && this.communicationDisabledUntil.getTime() > now.getTime()
    );
  }

  /** The guild-specific avatar at the default format and size, or `null` without one. */
  get guildAvatarUrl(): AssetUrl | null {
    return this.makeGuildAvatarUrl();
  }

  /** The guild-specific avatar, or `null` without one; GIF by default for animated hashes, else PNG. */
  makeGuildAvatarUrl(options?: ImageOptions): AssetUrl | null {
    if (this.guildAvatarHash === null) return null;
    return CDN_MEMBER_AVATAR.compile(
      { guild_id: this.guildId, user_id: this.user.id, hash: this.guildAvatarHash },
      options,
    );
  }

  /** The guild-specific banner at the default format and size, or `null` without one. */
  get guildBannerUrl(): AssetUrl | null {
    return this.makeGuildBannerUrl();
  }

  /** The guild-specific banner, or `null` without one; GIF by default for animated hashes, else PNG. */
  makeGuildBannerUrl(options?: ImageOptions): AssetUrl | null {
    if (this.guildBannerHash === null) return null;
    return CDN_MEMBER_BANNER.compile(
      { guild_id: this.guildId, user_id: this.user.id, hash: this.guildBannerHash },
      options,
    );
  }

  /** The avatar shown in the guild: the guild avatar, else the user's avatar, else the default avatar. */
  get displayAvatarUrl(): AssetUrl {
    return this.makeGuildAvatarUrl() ?? this.user.displayAvatarUrl;
  }

  /** The banner shown in the guild: the guild banner, else the user's banner, or `null`. */
  get displayBannerUrl(): AssetUrl | null {
    return this.makeGuildBannerUrl() ?? this.user.bannerUrl;
  }

  /** The avatar decoration shown in the guild: the guild one, else the user's, or `null`. */
  get displayAvatarDecoration(): AvatarDecoration | null {
    return this.guildAvatarDecoration ?? this.user.avatarDecoration;
  }

  /** Whether `other` is a member of the same guild for the same user. */
  equals(other: unknown): boolean {
    return (
      other instanceof Member &&
      other.constructor === this.constructor &&
      other.guildId === this.guildId &&
      other.user.id === this.user.id
    );
  }

  /** The user's text (`username`, or `username#discriminator` for legacy accounts). */
  toString(): string {
    return this.user.toString();
  }

  /** The Discord-shaped payload (`PrivateGuildMemberResponse`); `guildId` is not part of it. */
  toJSON(): RawGuildMember {
    return serializeMember(this);
  }
}
