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
  /** The sticker's ID. */
  id: Snowflake;
  /** The sticker's name. */
  name: string;
  /** Autocomplete keywords, comma-separated. */
  tags: string;
  /** Always 2 (guild) for guild stickers. */
  type: number;
  /** The file format: 1 PNG, 2 APNG, 3 Lottie, 4 GIF; or null. */
  format_type: number | null;
  /** The sticker's description, or null. */
  description: string | null;
  /** Whether the sticker can be used; false when boosts were lost. */
  available?: boolean;
  /** ID of the guild the sticker belongs to. */
  guild_id?: Snowflake;
  /** Who uploaded it (needs the `MANAGE_GUILD_EXPRESSIONS` permission). */
  user?: RawUser;
}
