/**
 * Deserializer and serializer for webhooks. Only function declarations live at the top level (the
 * model module imports the serializer back).
 * @module
 */
import {
  asObject,
  intValue,
  nullableStringValue,
  optSnowflakeValue,
  optStringValue,
  snowflakeValue,
} from "../internal/read.js";
import { IncomingWebhook } from "../models/webhooks.js";
import type { RawIncomingWebhook } from "../payloads/webhooks.js";
import type { RESTAware } from "../traits.js";
import { deserializeUser, serializeUser } from "./users.js";

/**
 * Builds an {@link IncomingWebhook} (the `webhook` of a `webhook.incoming` OAuth2 grant). Errors name
 * the offending key and its type, never the token's value.
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/webhook#webhook-object
 */
export function deserializeIncomingWebhook(raw: unknown, app: RESTAware | null, path = "$"): IncomingWebhook {
  const object = asObject(raw, path);
  const user = object.user;
  return new IncomingWebhook({
    app,
    id: snowflakeValue(object.id, path, "id"),
    type: intValue(object.type, path, "type"),
    name: optStringValue(object.name, path, "name"),
    avatarHash: nullableStringValue(object.avatar, path, "avatar"),
    applicationId: optSnowflakeValue(object.application_id, path, "application_id"),
    channelId: optSnowflakeValue(object.channel_id, path, "channel_id"),
    guildId: optSnowflakeValue(object.guild_id, path, "guild_id"),
    author: user == null ? null : deserializeUser(user, app, `${path}.user`),
    token: optStringValue(object.token, path, "token"),
    url: optStringValue(object.url, path, "url"),
  });
}

/**
 * Writes an {@link IncomingWebhook} as Discord's `GuildIncomingWebhookResponse`, token and URL included
 * (for storage: treat the result as a secret).
 */
export function serializeIncomingWebhook(webhook: IncomingWebhook): RawIncomingWebhook {
  const out: RawIncomingWebhook = {
    id: webhook.id,
    type: webhook.type,
    name: webhook.name,
    avatar: webhook.avatarHash,
    channel_id: webhook.channelId,
    guild_id: webhook.guildId,
    application_id: webhook.applicationId,
  };
  if (webhook.author !== null) out.user = serializeUser(webhook.author);
  if (webhook.token !== null) out.token = webhook.token;
  if (webhook.url !== null) out.url = webhook.url;
  return out;
}
