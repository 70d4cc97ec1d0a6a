import { describe, expect, it } from "vitest";
import {
  deserializeApplicationRoleConnection,
  deserializeApplicationRoleConnectionMetadata,
  serializeApplicationRoleConnection,
  serializeApplicationRoleConnectionMetadata,
} from "../../src/factory/role-connections.js";
import {
  ApplicationRoleConnection,
  ApplicationRoleConnectionMetadata,
  ApplicationRoleConnectionMetadataType,
} from "../../src/models/role-connections.js";
import { deserializationError, expectOnlyDeserializationErrors, nulled, without } from "./helpers.js";

/** hikari's serialized record (HEAD test). */
const RECORD = {
  type: 7,
  key: "some_key",
  name: "Testing this out",
  name_localizations: { some_language: "Its name localization" },
  description: "Describing this out",
  description_localizations: { some_other_language: "Its description localization" },
};

const CONNECTION = {
  platform_name: "Lucky Game",
  platform_username: "player1",
  metadata: { level: "12", verified: "1", joined: "2024-05-01T00:00:00Z" },
};

describe("application role connection metadata", () => {
  it("reads and writes hikari's record", () => {
    const record = deserializeApplicationRoleConnectionMetadata(RECORD);
    expect(record).toBeInstanceOf(ApplicationRoleConnectionMetadata);
    expect(record.type).toBe(ApplicationRoleConnectionMetadataType.BOOLEAN_EQUAL);
    expect(record.key).toBe("some_key");
    expect(record.nameLocalizations.get("some_language")).toBe("Its name localization");
    expect(record.descriptionLocalizations.get("some_other_language")).toBe("Its description localization");
    expect(serializeApplicationRoleConnectionMetadata(record)).toEqual(RECORD);
    expect(JSON.parse(JSON.stringify(record))).toEqual(RECORD);
  });

  it("reads localizations left out or null as empty maps", () => {
    for (const payload of [
      without(RECORD, "name_localizations", "description_localizations"),
      nulled(RECORD, "name_localizations", "description_localizations"),
    ]) {
      const record = deserializeApplicationRoleConnectionMetadata(payload);
      expect(record.nameLocalizations.size).toBe(0);
      expect(record.descriptionLocalizations.size).toBe(0);
      expect(serializeApplicationRoleConnectionMetadata(record).name_localizations).toEqual({});
    }
  });

  it("has hikari's names and Discord's spec names for the types", () => {
    expect(ApplicationRoleConnectionMetadataType.INTEGER_LESS_THAN_OR_EQUAL).toBe(1);
    expect(ApplicationRoleConnectionMetadataType.INTEGER_LESS_THAN_EQUAL).toBe(1);
    expect(ApplicationRoleConnectionMetadataType.DATETIME_GREATER_THAN_OR_EQUAL).toBe(6);
    expect(ApplicationRoleConnectionMetadataType.BOOLEAN_NOT_EQUAL).toBe(8);
  });

  it("compares records by key", () => {
    const record = deserializeApplicationRoleConnectionMetadata(RECORD);
    expect(record.equals(deserializeApplicationRoleConnectionMetadata({ ...RECORD, name: "x" }))).toBe(true);
    expect(record.equals(deserializeApplicationRoleConnectionMetadata({ ...RECORD, key: "x" }))).toBe(false);
  });

  it("names the path of bad values", () => {
    const cases: [unknown, string][] = [
      [without(RECORD, "type"), "$.type"],
      [without(RECORD, "key"), "$.key"],
      [without(RECORD, "name"), "$.name"],
      [without(RECORD, "description"), "$.description"],
      [{ ...RECORD, name_localizations: { fr: 1 } }, '$.name_localizations["fr"]'],
      [{ ...RECORD, description_localizations: [] }, "$.description_localizations"],
    ];
    for (const [payload, path] of cases) {
      expect(
        deserializationError(() => deserializeApplicationRoleConnectionMetadata(payload)).path,
        path,
      ).toBe(path);
    }
    expectOnlyDeserializationErrors((raw) => deserializeApplicationRoleConnectionMetadata(raw), RECORD);
  });
});

describe("application role connection", () => {
  it("reads and writes every key", () => {
    const connection = deserializeApplicationRoleConnection(CONNECTION);
    expect(connection).toBeInstanceOf(ApplicationRoleConnection);
    expect(connection.platformName).toBe("Lucky Game");
    expect(connection.platformUsername).toBe("player1");
    expect([...connection.metadata]).toEqual(Object.entries(CONNECTION.metadata));
    expect(serializeApplicationRoleConnection(connection)).toEqual(CONNECTION);
    expect(JSON.parse(JSON.stringify(connection))).toEqual(CONNECTION);
  });

  it("reads keys left out or null as null and an empty map", () => {
    for (const payload of [{}, nulled(CONNECTION, "platform_name", "platform_username", "metadata")]) {
      const connection = deserializeApplicationRoleConnection(payload);
      expect(connection.platformName).toBeNull();
      expect(connection.platformUsername).toBeNull();
      expect(connection.metadata.size).toBe(0);
      expect(serializeApplicationRoleConnection(connection)).toEqual({
        platform_username: null,
        metadata: {},
      });
    }
  });

  it("keeps a __proto__ metadata key as data", () => {
    const connection = deserializeApplicationRoleConnection(JSON.parse('{"metadata":{"__proto__":"1"}}'));
    expect(connection.metadata.get("__proto__")).toBe("1");
    expect(JSON.stringify(connection)).toBe('{"platform_username":null,"metadata":{"__proto__":"1"}}');
  });

  it("compares every field", () => {
    const connection = deserializeApplicationRoleConnection(CONNECTION);
    expect(connection.equals(deserializeApplicationRoleConnection(CONNECTION))).toBe(true);
    expect(
      connection.equals(deserializeApplicationRoleConnection({ ...CONNECTION, metadata: { level: "13" } })),
    ).toBe(false);
  });

  it("names the path of bad values", () => {
    expect(
      deserializationError(() => deserializeApplicationRoleConnection({ metadata: { level: 12 } })).path,
    ).toBe('$.metadata["level"]');
    expect(deserializationError(() => deserializeApplicationRoleConnection({ platform_name: 1 })).path).toBe(
      "$.platform_name",
    );
    expectOnlyDeserializationErrors((raw) => deserializeApplicationRoleConnection(raw), CONNECTION);
  });
});
