/**
 * Guild stickers.
 *
 * @see https://discord.com/developers/docs/resources/sticker
 * @module
 */
import { type AssetUrl, CDN_STICKER } from "../cdn/index.js";
import { serializeGuildSticker } from "../factory/guilds.js";
import type { Open } from "../internal/enums.js";
import type { RawGuildSticker } from "../payloads/stickers.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { User } from "./users.js";

/**
 * Where a sticker comes from.
 * @see https://discord.com/developers/docs/resources/sticker#sticker-object-sticker-types
 */
export const StickerType = {
  /** An official sticker from a pack. */
  STANDARD: 1,
  /** A sticker uploaded to a guild. */
  GUILD: 2,
} as const;

/** One of the values in {@link StickerType}. */
export type StickerType = (typeof StickerType)[keyof typeof StickerType];

/**
 * A sticker's file format.
 * @see https://discord.com/developers/docs/resources/sticker#sticker-object-sticker-format-types
 */
export const StickerFormatType = {
  /** A static PNG image. */
  PNG: 1,
  /** An animated PNG image. */
  APNG: 2,
  /** A Lottie (JSON vector) animation. */
  LOTTIE: 3,
  /** An animated GIF. */
  GIF: 4,
} as const;

/** One of the values in {@link StickerFormatType}. */
export type StickerFormatType = (typeof StickerFormatType)[keyof typeof StickerFormatType];

/** What {@link GuildSticker}'s constructor takes. */
export interface GuildStickerInit {
  readonly app: RESTAware | null;
  readonly id: Snowflake;
  readonly name: string;
  readonly description: string | null;
  readonly tag: string;
  readonly type: Open<StickerType>;
  readonly formatType: Open<StickerFormatType> | null;
  readonly isAvailable: boolean;
  readonly guildId: Snowflake | null;
  readonly user: User | null;
}

/**
 * A sticker uploaded to a guild.
 * @see https://discord.com/developers/docs/resources/sticker#sticker-object
 */
export class GuildSticker {
  readonly #app: RESTAware | null;
  /** The sticker's ID. */
  declare readonly id: Snowflake;
  /** The sticker's name. */
  declare readonly name: string;
  /** The sticker's description. */
  declare readonly description: string | null;
  /** Autocomplete keywords, comma-separated (`tags`). */
  declare readonly tag: string;
  /** The sticker's type (`GUILD` for guild stickers). */
  declare readonly type: Open<StickerType>;
  /** The file format. */
  declare readonly formatType: Open<StickerFormatType> | null;
  /** Whether the sticker can be used; `false` after a guild loses boosts (`true` when left out). */
  declare readonly isAvailable: boolean;
  /** The guild the sticker belongs to. */
  declare readonly guildId: Snowflake | null;
  /** Who uploaded the sticker, when Discord says. */
  declare readonly user: User | null;

  /** @param init - the sticker's fields. */
  constructor(init: GuildStickerInit) {
    this.#app = init.app;
    this.id = init.id;
    this.name = init.name;
    this.description = init.description;
    this.tag = init.tag;
    this.type = init.type;
    this.formatType = init.formatType;
    this.isAvailable = init.isAvailable;
    this.guildId = init.guildId;
    this.user = init.user;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** When the sticker was created, from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The sticker file: JSON for Lottie stickers, GIF for GIF stickers, else PNG (no size). */
  get imageUrl(): AssetUrl {
    const ext =
      this.formatType === StickerFormatType.LOTTIE
        ? "json"
        : this.formatType === StickerFormatType.GIF
          ? "gif"
          : "png";
    return CDN_STICKER.compile({ sticker_id: this.id }, { ext });
  }

  /** Whether `other` is a guild sticker with the same ID. */
  equals(other: unknown): boolean {
    return other instanceof GuildSticker && other.constructor === this.constructor && other.id === this.id;
  }

  /** The sticker's name. */
  toString(): string {
    return this.name;
  }

  /** The Discord-shaped payload (`GuildStickerResponse`). */
  toJSON(): RawGuildSticker {
    return serializeGuildSticker(this);
  }
}
