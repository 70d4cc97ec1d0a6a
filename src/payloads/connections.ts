/**
 * Wire types of the current user's connections and guilds (Discord's User resource page).
 *
 * @see https://discord.com/developers/docs/resources/user#connection-object
 * @module
 */
import type { RawPartialIntegration } from "./guilds.js";

/** A third-party account linked to the current user (`GET /users/@me/connections`). */
export interface RawConnection {
  /** The account's ID on the service (not a snowflake). */
  id: string;
  name: string | null;
  type: string;
  revoked?: boolean;
  integrations?: RawPartialIntegration[];
  verified: boolean;
  friend_sync: boolean;
  show_activity: boolean;
  two_way_link: boolean;
  /** 0 only the user, 1 everyone. */
  visibility: number;
}

/** One entry of `GET /users/@me/guilds` (`MyGuildResponse`). */
export interface RawOwnGuild {
  id: string;
  name: string;
  icon: string | null;
  banner: string | null;
  owner: boolean;
  /** The user's total permissions in the guild, decimal. */
  permissions: string;
  features: string[];
  /** Only with `with_counts=true`. */
  approximate_member_count?: number | null;
  approximate_presence_count?: number | null;
}
