/**
 * Raw sticker payloads.
 *
 * @see https://discord.com/developers/docs/resources/sticker
 * @module
 */
import type { Snowflake } from "../snowflakes.js";
import type { RawUser } from "./users.js";

/**
 * A sticker uploaded to a guild (`GuildStickerResponse`).
 * @see https://discord.com/developers/docs/resources/sticker#sticker-object
 */
export interface RawGuildSticker {
  id: Snowflake;
  name: string;
  /** Autocomplete keywords, comma-separated. */
  tags: string;
  /** Always 2 (guild) for guild stickers. */
  type: number;
  format_type: number | null;
  description: string | null;
  available?: boolean;
  guild_id?: Snowflake;
  user?: RawUser;
}
