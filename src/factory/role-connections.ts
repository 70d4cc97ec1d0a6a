/**
 * Builds linked-role models from Discord's payloads, and back.
 * @module
 */
import { asObject, fail, intValue, optStringValue, stringValue } from "../internal/read.js";
import { ApplicationRoleConnection, ApplicationRoleConnectionMetadata } from "../models/role-connections.js";
import type {
  RawApplicationRoleConnection,
  RawApplicationRoleConnectionMetadata,
} from "../payloads/applications.js";

/** A JSON object of strings under `key` as a `Map`; empty when missing or null. */
function readStringMap(value: unknown, path: string, key: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value == null) return out;
  const where = `${path}.${key}`;
  const obj = asObject(value, where);
  for (const name of Object.keys(obj)) {
    const item = obj[name];
    if (typeof item !== "string") fail(`${where}[${JSON.stringify(name)}]`, "string", item);
    out.set(name, item);
  }
  return out;
}

function writeStringMap(map: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of map) out[key] = value;
  return out;
}

/**
 * Builds an {@link ApplicationRoleConnection} from Discord's application role connection object.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeApplicationRoleConnection(raw: unknown, path = "$"): ApplicationRoleConnection {
  const obj = asObject(raw, path);
  return new ApplicationRoleConnection({
    platformName: optStringValue(obj.platform_name, path, "platform_name"),
    platformUsername: optStringValue(obj.platform_username, path, "platform_username"),
    metadata: readStringMap(obj.metadata, path, "metadata"),
  });
}

/** Discord's application role connection object (also the body of the PUT request). */
export function serializeApplicationRoleConnection(
  connection: ApplicationRoleConnection,
): RawApplicationRoleConnection {
  const out: RawApplicationRoleConnection = {};
  if (connection.platformName !== null) out.platform_name = connection.platformName;
  out.platform_username = connection.platformUsername;
  out.metadata = writeStringMap(connection.metadata);
  return out;
}

/**
 * Builds an {@link ApplicationRoleConnectionMetadata} from one metadata record.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeApplicationRoleConnectionMetadata(
  raw: unknown,
  path = "$",
): ApplicationRoleConnectionMetadata {
  const obj = asObject(raw, path);
  return new ApplicationRoleConnectionMetadata({
    type: intValue(obj.type, path, "type"),
    key: stringValue(obj.key, path, "key"),
    name: stringValue(obj.name, path, "name"),
    nameLocalizations: readStringMap(obj.name_localizations, path, "name_localizations"),
    description: stringValue(obj.description, path, "description"),
    descriptionLocalizations: readStringMap(obj.description_localizations, path, "description_localizations"),
  });
}

/** Discord's metadata object (also an element of the PUT request's body). */
export function serializeApplicationRoleConnectionMetadata(
  record: ApplicationRoleConnectionMetadata,
): RawApplicationRoleConnectionMetadata {
  return {
    type: record.type,
    key: record.key,
    name: record.name,
    name_localizations: writeStringMap(record.nameLocalizations),
    description: record.description,
    description_localizations: writeStringMap(record.descriptionLocalizations),
  };
}
