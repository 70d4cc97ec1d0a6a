/**
 * Raw webhook payloads.
 *
 * @see https://discord.com/developers/docs/resources/webhook
 * @module
 */
import type { Snowflake } from "../snowflakes.js";
import type { RawUser } from "./users.js";

/**
 * An incoming webhook (`GuildIncomingWebhookResponse`), as the `webhook.incoming` OAuth2 scope returns
 * it. `token` and `url` are secrets.
 * @see https://discord.com/developers/docs/resources/webhook#webhook-object
 */
export interface RawIncomingWebhook {
  /** The webhook's ID. */
  id: Snowflake;
  /** The webhook's type: 1 incoming, 2 channel follower, 3 application. */
  type: number;
  /** The webhook's default name, or null. */
  name: string | null;
  /** The webhook's default avatar hash, or null. */
  avatar: string | null;
  /** ID of the channel the webhook posts to, or null. */
  channel_id: Snowflake | null;
  /** ID of the guild the webhook belongs to, or null. */
  guild_id?: Snowflake | null;
  /** ID of the application that created the webhook, or null. */
  application_id: Snowflake | null;
  /** The user who created the webhook. */
  user?: RawUser;
  /** The webhook's secure token (a secret). */
  token?: string;
  /** The webhook's execution URL (a secret: it contains the token). */
  url?: string;
}
