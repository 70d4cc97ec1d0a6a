/**
 * Custom emojis.
 *
 * @see https://discord.com/developers/docs/resources/emoji
 * @module
 */
import { type AssetUrl, CDN_CUSTOM_EMOJI, type ImageOptions } from "../cdn/index.js";
import { serializeKnownCustomEmoji } from "../factory/guilds.js";
import type { RawEmoji } from "../payloads/emojis.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { User } from "./users.js";

/** What {@link KnownCustomEmoji}'s constructor takes. */
export interface KnownCustomEmojiInit {
  readonly app: RESTAware | null;
  readonly id: Snowflake;
  readonly name: string;
  readonly isAnimated: boolean;
  readonly guildId: Snowflake | null;
  readonly roleIds: readonly Snowflake[];
  readonly user: User | null;
  readonly isColonsRequired: boolean;
  readonly isManaged: boolean;
  readonly isAvailable: boolean;
}

/**
 * A custom emoji whose details are known: a guild's (or an application's) emoji.
 * @see https://discord.com/developers/docs/resources/emoji#emoji-object
 */
export class KnownCustomEmoji {
  readonly #app: RESTAware | null;
  /** The emoji's ID. */
  declare readonly id: Snowflake;
  /** The emoji's name. */
  declare readonly name: string;
  /** Whether the emoji is animated (`animated`). */
  declare readonly isAnimated: boolean;
  /** The guild the emoji belongs to; `null` for an application's emoji or when unknown. */
  declare readonly guildId: Snowflake | null;
  /** The roles allowed to use the emoji (`roles`; empty means everyone). */
  declare readonly roleIds: readonly Snowflake[];
  /** Who uploaded the emoji, when Discord says. */
  declare readonly user: User | null;
  /** Whether the emoji needs colons around its name (`require_colons`). */
  declare readonly isColonsRequired: boolean;
  /** Whether an integration manages the emoji (`managed`). */
  declare readonly isManaged: boolean;
  /** Whether the emoji can be used; `false` after a guild loses boosts (`true` when left out). */
  declare readonly isAvailable: boolean;

  /** @param init - the emoji's fields. */
  constructor(init: KnownCustomEmojiInit) {
    this.#app = init.app;
    this.id = init.id;
    this.name = init.name;
    this.isAnimated = init.isAnimated;
    this.guildId = init.guildId;
    this.roleIds = init.roleIds;
    this.user = init.user;
    this.isColonsRequired = init.isColonsRequired;
    this.isManaged = init.isManaged;
    this.isAvailable = init.isAvailable;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** When the emoji was created, from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The text that shows the emoji in a message: `<:name:id>`, or `<a:name:id>` when animated. */
  get mention(): string {
    return `<${this.isAnimated ? "a" : ""}:${this.name}:${this.id}>`;
  }

  /** The form reaction routes take: `name:id`. */
  get urlName(): string {
    return `${this.name}:${this.id}`;
  }

  /** The image's file name: `id.gif` when animated, else `id.png`. */
  get filename(): string {
    return `${this.id}.${this.isAnimated ? "gif" : "png"}`;
  }

  /** The emoji image (GIF when animated, else PNG) at the default size. */
  get url(): AssetUrl {
    return this.makeUrl();
  }

  /** The emoji image; the format defaults to GIF when animated, else PNG. */
  makeUrl(options: ImageOptions = {}): AssetUrl {
    return CDN_CUSTOM_EMOJI.compile(
      { emoji_id: this.id },
      options.ext === undefined ? { ...options, ext: this.isAnimated ? "gif" : "png" } : options,
    );
  }

  /** Whether `other` is a known custom emoji with the same ID. */
  equals(other: unknown): boolean {
    return (
      other instanceof KnownCustomEmoji && other.constructor === this.constructor && other.id === this.id
    );
  }

  /** The emoji's {@link KnownCustomEmoji.mention}. */
  toString(): string {
    return this.mention;
  }

  /** The Discord-shaped payload (`EmojiResponse`); `guildId` is not part of it. */
  toJSON(): RawEmoji {
    return serializeKnownCustomEmoji(this);
  }
}
