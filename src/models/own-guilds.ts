/**
 * The current user's guilds, as `GET /users/@me/guilds` lists them.
 *
 * @see https://discord.com/developers/docs/resources/user#get-current-user-guilds
 * @module
 */
import { type AssetUrl, CDN_GUILD_BANNER, type ImageOptions } from "../cdn/index.js";
import { serializeOwnGuild } from "../factory/own-guilds.js";
import type { RawOwnGuild } from "../payloads/connections.js";
import { PartialGuild, type PartialGuildInit } from "./guilds.js";
import type { Permissions } from "./permissions.js";

/** Everything an {@link OwnGuild} is built from. */
export interface OwnGuildInit extends PartialGuildInit {
  /** {@link OwnGuild.bannerHash}. */
  readonly bannerHash: string | null;
  /** {@link OwnGuild.isOwner}. */
  readonly isOwner: boolean;
  /** {@link OwnGuild.myPermissions}. */
  readonly myPermissions: Permissions;
  /** {@link OwnGuild.approximateMemberCount}. */
  readonly approximateMemberCount: number | null;
  /** {@link OwnGuild.approximateActiveMemberCount}. */
  readonly approximateActiveMemberCount: number | null;
}

/**
 * A guild the current user is in, with the user's standing in it.
 * @see https://discord.com/developers/docs/resources/user#get-current-user-guilds
 */
export class OwnGuild extends PartialGuild {
  /** Hash of the guild's banner, or `null`. */
  declare readonly bannerHash: string | null;
  /** Whether the current user owns the guild. */
  declare readonly isOwner: boolean;
  /** The current user's total permissions in the guild. */
  declare readonly myPermissions: Permissions;
  /** Approximate member count; `null` unless the list was fetched with counts. */
  declare readonly approximateMemberCount: number | null;
  /** Approximate online member count (`approximate_presence_count`); `null` unless fetched with counts. */
  declare readonly approximateActiveMemberCount: number | null;

  /** @param init - the field values. */
  constructor(init: OwnGuildInit) {
    super(init);
    this.bannerHash = init.bannerHash;
    this.isOwner = init.isOwner;
    this.myPermissions = init.myPermissions;
    this.approximateMemberCount = init.approximateMemberCount;
    this.approximateActiveMemberCount = init.approximateActiveMemberCount;
  }

  /** The banner at the default format and size, or `null` without a banner. */
  get bannerUrl(): AssetUrl | null {
    return this.makeBannerUrl();
  }

  /**
   * The banner, or `null` without one. The format defaults to GIF for animated (`a_`) hashes, else PNG.
   * @throws TypeError for an unsupported format; RangeError for a bad size.
   */
  makeBannerUrl(options?: ImageOptions): AssetUrl | null {
    if (this.bannerHash === null) return null;
    return CDN_GUILD_BANNER.compile({ guild_id: this.id, hash: this.bannerHash }, options);
  }

  /** Discord's `MyGuildResponse`. */
  override toJSON(): RawOwnGuild {
    return serializeOwnGuild(this);
  }
}
