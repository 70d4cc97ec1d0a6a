/**
 * Helpers for bot tokens.
 * @module
 */
import { decodeBase64 } from "./internal/base64.js";
import { isSnowflake, type Snowflake } from "./snowflakes.js";

/**
 * The ID of the bot user a bot token belongs to.
 *
 * A bot token's first `.`-separated segment is, by convention, the base64 (or base64url) encoding of the
 * bot user's ID, usually without padding. Discord does not guarantee this format, and for old bots the bot
 * user's ID may differ from the application's ID: read the application ID from `fetchApplication()`.
 *
 * @example `getTokenId("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs")` → `"198622483471925248"`
 * @throws TypeError if `token` is not a string; RangeError("Unexpected token format") if the first segment
 * is not valid base64 of a decimal ID. The token itself never appears in the error.
 * @see https://discord.com/developers/docs/reference#authentication
 */
export function getTokenId(token: string): Snowflake {
  if (typeof token !== "string") throw new TypeError("A token must be a string");
  const dot = token.indexOf(".");
  const bytes = decodeBase64(dot === -1 ? token : token.slice(0, dot));
  // A snowflake has at most 19 digits; the bound keeps a long junk segment from becoming a long string.
  const id = bytes !== null && bytes.length <= 19 ? String.fromCharCode(...bytes) : "";
  if (isSnowflake(id)) return id;
  throw new RangeError("Unexpected token format");
}
