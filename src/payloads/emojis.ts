/**
 * Raw emoji payloads.
 *
 * @see https://discord.com/developers/docs/resources/emoji
 * @module
 */
import type { Snowflake } from "../snowflakes.js";
import type { RawUser } from "./users.js";

/**
 * A custom emoji of a guild or an application (`EmojiResponse`).
 * @see https://discord.com/developers/docs/resources/emoji#emoji-object
 */
export interface RawEmoji {
  /** The emoji's ID. */
  id: Snowflake;
  /** The emoji's name. */
  name: string;
  /** Roles allowed to use the emoji. */
  roles?: Snowflake[];
  /** Who uploaded it (needs the `MANAGE_GUILD_EXPRESSIONS` permission). */
  user?: RawUser;
  /** Whether the emoji must be wrapped in colons. */
  require_colons?: boolean;
  /** Whether an integration manages the emoji. */
  managed?: boolean;
  /** Whether the emoji is animated. */
  animated?: boolean;
  /** Whether the emoji can be used; false when boosts were lost. */
  available?: boolean;
}
