/**
 * Wire types of the current user's connections and guilds (Discord's User resource page).
 *
 * @see https://discord.com/developers/docs/resources/user#connection-object
 * @module
 */
import type { RawPartialGuildFields, RawPartialIntegration } from "./guilds.js";

/** A third-party account linked to the current user (`GET /users/@me/connections`). */
export interface RawConnection {
  /** The account's ID on the service (not a snowflake). */
  id: string;
  /** The account's name on the service, or null. */
  name: string | null;
  /** The service, such as `github` or `twitch`. */
  type: string;
  /** Whether the connection has been revoked. */
  revoked?: boolean;
  /** Guild integrations tied to this connection. */
  integrations?: RawPartialIntegration[];
  /** Whether the connection is verified. */
  verified: boolean;
  /** Whether friend sync is on. */
  friend_sync: boolean;
  /** Whether activity from this connection appears in presence updates. */
  show_activity: boolean;
  /** Whether the connection has a matching third-party OAuth2 token. */
  two_way_link: boolean;
  /** 0 only the user, 1 everyone. */
  visibility: number;
}

/** One entry of `GET /users/@me/guilds` (`MyGuildResponse`). */
export interface RawOwnGuild extends RawPartialGuildFields {
  /** The guild's banner hash, or null. */
  banner: string | null;
  /** Whether the current user owns the guild. */
  owner: boolean;
  /** The user's total permissions in the guild, decimal. */
  permissions: string;
  /** Only with `with_counts=true`. */
  approximate_member_count?: number | null;
  /** Estimated online member count (only with `with_counts=true`). */
  approximate_presence_count?: number | null;
}
