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
  id: Snowflake;
  name: string;
  /** Roles allowed to use the emoji. */
  roles?: Snowflake[];
  /** Who uploaded it (needs the `MANAGE_GUILD_EXPRESSIONS` permission). */
  user?: RawUser;
  require_colons?: boolean;
  managed?: boolean;
  animated?: boolean;
  available?: boolean;
}
