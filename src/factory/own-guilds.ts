/**
 * Builds the current user's guild list entries from Discord's payloads, and back.
 * @module
 */
import { asBits, asObject, optInt, optString, reqBool } from "../internal/read.js";
import { OwnGuild } from "../models/own-guilds.js";
import { Permissions } from "../models/permissions.js";
import type { RawOwnGuild } from "../payloads/connections.js";
import type { RESTAware } from "../traits.js";
import { readPartialGuildFields } from "./guilds.js";

/**
 * Builds an {@link OwnGuild} from one entry of `GET /users/@me/guilds`.
 * @param raw - the parsed JSON object.
 * @param app - the client models carry, or `null`.
 * @param path - the JSON path of `raw`, for error messages.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeOwnGuild(raw: unknown, app: RESTAware | null, path = "$"): OwnGuild {
  const obj = asObject(raw, path);
  const fields = readPartialGuildFields(obj, path);
  return new OwnGuild({
    app,
    id: fields.id,
    name: fields.name,
    iconHash: fields.iconHash,
    features: fields.features,
    bannerHash: optString(obj, "banner", path),
    isOwner: reqBool(obj, "owner", path),
    myPermissions: Permissions.from(asBits(obj.permissions, `${path}.permissions`)),
    approximateMemberCount: optInt(obj, "approximate_member_count", path),
    approximateActiveMemberCount: optInt(obj, "approximate_presence_count", path),
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
