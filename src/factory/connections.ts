/**
 * Builds the current user's connections from Discord's payloads, and back.
 * @module
 */
import {
  asObject,
  boolValue,
  boolValueOr,
  fail,
  intValue,
  optStringValue,
  stringValue,
} from "../internal/read.js";
import { OwnConnection } from "../models/connections.js";
import type { PartialIntegration } from "../models/integrations.js";
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
    id: stringValue(obj.id, path, "id"),
    name: optStringValue(obj.name, path, "name"),
    type: stringValue(obj.type, path, "type"),
    isRevoked: boolValueOr(obj.revoked, path, "revoked"),
    integrations: readIntegrations(obj.integrations, app, path),
    isVerified: boolValue(obj.verified, path, "verified"),
    isFriendSyncEnabled: boolValue(obj.friend_sync, path, "friend_sync"),
    isActivityVisible: boolValue(obj.show_activity, path, "show_activity"),
    isTwoWayLinked: boolValue(obj.two_way_link, path, "two_way_link"),
    visibility: intValue(obj.visibility, path, "visibility"),
  });
}

function readIntegrations(value: unknown, app: RESTAware | null, path: string): PartialIntegration[] {
  if (value == null) return [];
  if (!Array.isArray(value)) fail(`${path}.integrations`, "array", value);
  const out: PartialIntegration[] = [];
  for (let i = 0; i < value.length; i++) {
    out.push(deserializePartialIntegration(value[i], app, `${path}.integrations[${i}]`));
  }
  return out;
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
