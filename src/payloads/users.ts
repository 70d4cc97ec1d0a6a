/**
 * Raw user payloads, as Discord sends them (snake_case).
 *
 * @see https://discord.com/developers/docs/resources/user
 * @module
 */
import type { Snowflake } from "../snowflakes.js";

/**
 * A user's avatar decoration (`avatar_decoration_data`).
 * @see https://discord.com/developers/docs/resources/user#avatar-decoration-data-object
 */
export interface RawAvatarDecorationData {
  /** The decoration's asset hash. */
  asset: string;
  /** The SKU the decoration belongs to. */
  sku_id?: Snowflake | null;
  /** When the decoration expires, in Unix seconds (sent by some clients; not in the docs). */
  expires_at?: number | null;
}

/**
 * A nameplate collectible.
 * @see https://discord.com/developers/docs/resources/user#nameplate-nameplate-structure
 */
export interface RawNameplate {
  /** The nameplate's SKU. */
  sku_id: Snowflake | null;
  /** Path of the nameplate asset. */
  asset: string;
  /** The nameplate's label (currently unused by Discord). */
  label: string;
  /** The nameplate's background palette, such as `cobalt`. */
  palette: string;
}

/**
 * A user's collectibles.
 * @see https://discord.com/developers/docs/resources/user#collectibles
 */
export interface RawCollectibles {
  /** The nameplate the user shows. */
  nameplate?: RawNameplate | null;
}

/**
 * The guild whose server tag a user shows.
 * @see https://discord.com/developers/docs/resources/user#user-object-user-primary-guild
 */
export interface RawPrimaryGuild {
  /** The guild's ID. */
  identity_guild_id: Snowflake | null;
  /** Whether the user shows the tag. */
  identity_enabled: boolean | null;
  /** The tag text, up to 4 characters. */
  tag: string | null;
  /** The tag badge's hash. */
  badge: string | null;
}

/**
 * A user (`UserResponse`).
 * @see https://discord.com/developers/docs/resources/user#user-object
 */
export interface RawUser {
  /** The user's ID. */
  id: Snowflake;
  /** The user's username. */
  username: string;
  /** The legacy tag; `"0"` for users on the new username system. */
  discriminator: string;
  /** The display name, if set. */
  global_name?: string | null;
  /** The avatar hash. */
  avatar: string | null;
  /** Whether the user belongs to an application. */
  bot?: boolean;
  /** Whether the user is an official Discord system user. */
  system?: boolean;
  /** The banner hash. */
  banner?: string | null;
  /** The banner color as an RGB integer. */
  accent_color?: number | null;
  /** The public flags. */
  public_flags?: number;
  /** Every flag on the account. */
  flags?: number;
  /** The avatar decoration. */
  avatar_decoration_data?: RawAvatarDecorationData | null;
  /** The user's collectibles. */
  collectibles?: RawCollectibles | null;
  /** The guild whose tag the user shows. */
  primary_guild?: RawPrimaryGuild | null;
}

/**
 * The current user, with the fields only `GET /users/@me` returns (`UserPIIResponse`).
 * @see https://discord.com/developers/docs/resources/user#get-current-user
 */
export interface RawOwnUser extends RawUser {
  /** Whether two-factor authentication is on. */
  mfa_enabled?: boolean;
  /** The chosen client language. */
  locale?: string;
  /** Whether the email address is verified (needs the `email` scope). */
  verified?: boolean;
  /** The email address (needs the `email` scope). */
  email?: string | null;
  /** The Nitro subscription type. */
  premium_type?: number;
}

/** A user of which only the ID is sure to be known. */
export type RawPartialUser = Partial<RawUser> & {
  /** The user's ID, always present. */
  id: Snowflake;
};
