/**
 * Developer teams that own applications, and their members.
 *
 * @see https://discord.com/developers/docs/topics/teams
 * @module
 */
import { type AssetUrl, CDN_TEAM_ICON, type ImageOptions } from "../cdn/index.js";
import { serializeTeam, serializeTeamMember } from "../factory/teams.js";
import type { Open } from "../internal/enums.js";
import type { RawTeam, RawTeamMember } from "../payloads/teams.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { AvatarDecoration, Collectibles, PrimaryGuild, User, UserFlags } from "./users.js";

/**
 * Whether a user has joined a team yet.
 * @see https://discord.com/developers/docs/topics/teams#data-models-membership-state-enum
 */
export const TeamMembershipState = {
  /** Invited, not yet joined. */
  INVITED: 1,
  /** Joined. */
  ACCEPTED: 2,
} as const;
/** A value of {@link TeamMembershipState}. */
export type TeamMembershipState = (typeof TeamMembershipState)[keyof typeof TeamMembershipState];

/**
 * A team member's role. The owner has none of these: {@link Team.ownerId} names the owner.
 * @see https://discord.com/developers/docs/topics/teams#team-member-roles
 */
export const TeamMemberRole = {
  /** Everything the owner can do except destructive actions on the team and its applications. */
  ADMIN: "admin",
  /** Reads secrets and configures applications; cannot manage the team. */
  DEVELOPER: "developer",
  /** Reads team and application information. */
  READ_ONLY: "read_only",
} as const;
/** A value of {@link TeamMemberRole}. */
export type TeamMemberRole = (typeof TeamMemberRole)[keyof typeof TeamMemberRole];

/** Everything a {@link TeamMember} is built from. */
export interface TeamMemberInit {
  /** {@link TeamMember.membershipState}. */
  readonly membershipState: Open<TeamMembershipState>;
  /** {@link TeamMember.permissions}. */
  readonly permissions: readonly string[];
  /** {@link TeamMember.teamId}. */
  readonly teamId: Snowflake;
  /** {@link TeamMember.user}. */
  readonly user: User;
  /** {@link TeamMember.role}. */
  readonly role: Open<TeamMemberRole> | null;
}

/**
 * One member of a {@link Team}. Reads like the {@link User} it wraps: the user's fields are forwarded.
 * @see https://discord.com/developers/docs/topics/teams#data-models-team-member-object
 */
export class TeamMember {
  /** Whether the user has joined the team. */
  declare readonly membershipState: Open<TeamMembershipState>;
  /** Legacy permissions, always `["*"]` when sent; `[]` when Discord leaves them out. */
  declare readonly permissions: readonly string[];
  /** ID of the team. */
  declare readonly teamId: Snowflake;
  /** The member's user. */
  declare readonly user: User;
  /** The member's role, or `null` when Discord leaves it out (as its own docs example does). */
  declare readonly role: Open<TeamMemberRole> | null;

  /** @param init - the field values. */
  constructor(init: TeamMemberInit) {
    this.membershipState = init.membershipState;
    this.permissions = init.permissions;
    this.teamId = init.teamId;
    this.user = init.user;
    this.role = init.role;
  }

  /** The user's client (`user.app`). */
  get app(): RESTAware | null {
    return this.user.app;
  }
  /** The user's ID. */
  get id(): Snowflake {
    return this.user.id;
  }
  /** The user's username. */
  get username(): string {
    return this.user.username;
  }
  /** The user's discriminator (`"0"` on the new username system). */
  get discriminator(): string {
    return this.user.discriminator;
  }
  /** The user's display name, or `null`. */
  get globalName(): string | null {
    return this.user.globalName;
  }
  /** The name Discord shows for the user. */
  get displayName(): string {
    return this.user.displayName;
  }
  /** The user's avatar hash, or `null`. */
  get avatarHash(): string | null {
    return this.user.avatarHash;
  }
  /** The user's banner hash, or `null`. */
  get bannerHash(): string | null {
    return this.user.bannerHash;
  }
  /** The user's banner color, or `null`. */
  get accentColor(): number | null {
    return this.user.accentColor;
  }
  /** Whether the user is a bot. */
  get isBot(): boolean {
    return this.user.isBot;
  }
  /** Whether the user is a Discord system user. */
  get isSystem(): boolean {
    return this.user.isSystem;
  }
  /** The user's flags. */
  get flags(): UserFlags {
    return this.user.flags;
  }
  /** The user's public flags. */
  get publicFlags(): UserFlags {
    return this.user.publicFlags;
  }
  /** The user's avatar decoration, or `null`. */
  get avatarDecoration(): AvatarDecoration | null {
    return this.user.avatarDecoration;
  }
  /** The user's collectibles, or `null`. */
  get collectibles(): Collectibles | null {
    return this.user.collectibles;
  }
  /** The guild whose tag the user shows, or `null`. */
  get primaryGuild(): PrimaryGuild | null {
    return this.user.primaryGuild;
  }
  /** When the user's account was created. */
  get createdAt(): Date {
    return this.user.createdAt;
  }
  /** The user's mention, `<@id>`. */
  get mention(): string {
    return this.user.mention;
  }
  /** The user's avatar URL, or `null`. */
  get avatarUrl(): AssetUrl | null {
    return this.user.avatarUrl;
  }
  /** The user's banner URL, or `null`. */
  get bannerUrl(): AssetUrl | null {
    return this.user.bannerUrl;
  }
  /** The user's default avatar URL. */
  get defaultAvatarUrl(): AssetUrl {
    return this.user.defaultAvatarUrl;
  }
  /** The user's avatar, else the default avatar. */
  get displayAvatarUrl(): AssetUrl {
    return this.user.displayAvatarUrl;
  }

  /** The user's avatar URL with the given format and size; see `User.makeAvatarUrl`. */
  makeAvatarUrl(options?: ImageOptions): AssetUrl | null {
    return this.user.makeAvatarUrl(options);
  }

  /** The user's banner URL with the given format and size; see `User.makeBannerUrl`. */
  makeBannerUrl(options?: ImageOptions): AssetUrl | null {
    return this.user.makeBannerUrl(options);
  }

  /**
   * Whether `other` is the same user: a {@link TeamMember} whose user equals this member's user, or a
   * user equal to it (hikari compares team members by their user).
   */
  equals(other: unknown): boolean {
    return this.user.equals(other instanceof TeamMember ? other.user : other);
  }

  /** The user's text form (`name` or `name#1234`). */
  toString(): string {
    return this.user.toString();
  }

  /** Discord's team member object. */
  toJSON(): RawTeamMember {
    return serializeTeamMember(this);
  }
}

/** Everything a {@link Team} is built from. */
export interface TeamInit {
  /** The client that built the model, or `null`. */
  readonly app: RESTAware | null;
  /** {@link Team.id}. */
  readonly id: Snowflake;
  /** {@link Team.name}. */
  readonly name: string;
  /** {@link Team.iconHash}. */
  readonly iconHash: string | null;
  /** {@link Team.members}. */
  readonly members: ReadonlyMap<Snowflake, TeamMember>;
  /** {@link Team.ownerId}. */
  readonly ownerId: Snowflake;
}

/**
 * A developer team that owns applications.
 * @see https://discord.com/developers/docs/topics/teams#data-models-team-object
 */
export class Team {
  readonly #app: RESTAware | null;
  /** The team's ID. */
  declare readonly id: Snowflake;
  /** The team's name. */
  declare readonly name: string;
  /** Hash of the team's icon, or `null`. */
  declare readonly iconHash: string | null;
  /** The members, keyed by user ID (a later duplicate replaces an earlier one). */
  declare readonly members: ReadonlyMap<Snowflake, TeamMember>;
  /** The owner's user ID (`owner_user_id`). */
  declare readonly ownerId: Snowflake;

  /** @param init - the field values. */
  constructor(init: TeamInit) {
    this.#app = init.app;
    this.id = init.id;
    this.name = init.name;
    this.iconHash = init.iconHash;
    this.members = init.members;
    this.ownerId = init.ownerId;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** When the team was created, read from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The member whose user ID is {@link Team.ownerId}, or `null` when the owner is not listed. */
  get owner(): TeamMember | null {
    return this.members.get(this.ownerId) ?? null;
  }

  /** The icon as a PNG at 4096 px, or `null` without an icon. */
  get iconUrl(): AssetUrl | null {
    return this.makeIconUrl();
  }

  /**
   * The icon's URL, or `null` without an icon.
   * @param options - `ext` (png, jpeg, jpg or webp; default png) and `size` (default 4096).
   * @throws TypeError for a format team icons do not come in; RangeError for a bad size.
   */
  makeIconUrl(options?: ImageOptions): AssetUrl | null {
    if (this.iconHash === null) return null;
    return CDN_TEAM_ICON.compile({ team_id: this.id, hash: this.iconHash }, options);
  }

  /** Whether `other` is a team with the same ID. */
  equals(other: unknown): boolean {
    return other instanceof Team && other.id === this.id;
  }

  /** `Team <name> (<id>)`. */
  toString(): string {
    return `Team ${this.name} (${this.id})`;
  }

  /** Discord's team object. */
  toJSON(): RawTeam {
    return serializeTeam(this);
  }
}
