/**
 * Builds the current user's connections from Discord's payloads, and back.
 * @module
 */
import { arrayOf, asObject, boolOr, optString, reqBool, reqInt, reqString } from "../internal/read.js";
import { OwnConnection } from "../models/connections.js";
import type { RawConnection } from "../payloads/connections.js";
import type { RESTAware } from "../traits.js";
import { deserializePartialIntegration, serializePartialIntegration } from "./guilds.js";

/**
 * Builds an {@link OwnConnection} from one entry of `GET /users/@me/connections`.
 * @param raw - the parsed JSON object.
 * @param app - the client the integration models carry, or `null`.
 * @param path - the JSON path of `raw`, for error messages.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeOwnConnection(raw: unknown, app: RESTAware | null, path = "$"): OwnConnection {
  const obj = asObject(raw, path);
  return new OwnConnection({
    id: reqString(obj, "id", path),
    name: optString(obj, "name", path),
    type: reqString(obj, "type", path),
    isRevoked: boolOr(obj, "revoked", path),
    integrations: arrayOf(obj, "integrations", path, (item, at) =>
      deserializePartialIntegration(item, app, at),
    ),
    isVerified: reqBool(obj, "verified", path),
    isFriendSyncEnabled: reqBool(obj, "friend_sync", path),
    isActivityVisible: reqBool(obj, "show_activity", path),
    isTwoWayLinked: reqBool(obj, "two_way_link", path),
    visibility: reqInt(obj, "visibility", path),
  });
}

/** Discord's connection object for `connection`. */
export function serializeOwnConnection(connection: OwnConnection): RawConnection {
  return {
    id: connection.id,
    name: connection.name,
    type: connection.type,
    revoked: connection.isRevoked,
    integrations: connection.integrations.map((integration) => serializePartialIntegration(integration)),
    verified: connection.isVerified,
    friend_sync: connection.isFriendSyncEnabled,
    show_activity: connection.isActivityVisible,
    two_way_link: connection.isTwoWayLinked,
    visibility: connection.visibility,
  };
}
