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
  id: Snowflake;
  type: number;
  name: string | null;
  avatar: string | null;
  channel_id: Snowflake | null;
  guild_id?: Snowflake | null;
  application_id: Snowflake | null;
  user?: RawUser;
  token?: string;
  url?: string;
}
