/**
 * Builds the current user's guild list entries from Discord's payloads, and back.
 * @module
 */
import {
  asObject,
  boolValue,
  nullableStringValue,
  optIntValue,
  optStringValue,
  snowflakeValue,
  stringValue,
} from "../internal/read.js";
import { OwnGuild } from "../models/own-guilds.js";
import type { RawOwnGuild } from "../payloads/connections.js";
import type { RESTAware } from "../traits.js";
import { readFeatures, readPermissions } from "./guilds.js";

/**
 * Builds an {@link OwnGuild} from one entry of `GET /users/@me/guilds`.
 * @param raw - the parsed JSON object.
 * @param app - the client models carry, or `null`.
 * @param path - the JSON path of `raw`, for error messages.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeOwnGuild(raw: unknown, app: RESTAware | null, path = "$"): OwnGuild {
  const obj = asObject(raw, path);
  return new OwnGuild({
    app,
    id: snowflakeValue(obj.id, path, "id"),
    name: stringValue(obj.name, path, "name"),
    iconHash: nullableStringValue(obj.icon, path, "icon"),
    features: readFeatures(obj.features, path, "features", true),
    bannerHash: optStringValue(obj.banner, path, "banner"),
    isOwner: boolValue(obj.owner, path, "owner"),
    myPermissions: readPermissions(obj.permissions, path, "permissions"),
    approximateMemberCount: optIntValue(obj.approximate_member_count, path, "approximate_member_count"),
    approximateActiveMemberCount: optIntValue(
      obj.approximate_presence_count,
      path,
      "approximate_presence_count",
    ),
  });
}

/** Discord's `MyGuildResponse` for `guild`; the counts only when known. */
export function serializeOwnGuild(guild: OwnGuild): RawOwnGuild {
  const out: RawOwnGuild = {
    id: guild.id,
    name: guild.name,
    icon: guild.iconHash,
    banner: guild.bannerHash,
    owner: guild.isOwner,
    permissions: guild.myPermissions.toJSON(),
    features: [...guild.features],
  };
  if (guild.approximateMemberCount !== null) out.approximate_member_count = guild.approximateMemberCount;
  if (guild.approximateActiveMemberCount !== null) {
    out.approximate_presence_count = guild.approximateActiveMemberCount;
  }
  return out;
}
