import { describe, expect, it } from "vitest";
import { DeserializationError } from "../../src/errors.js";
import {
  arrayValue,
  asBits,
  asObject,
  asTimestamp,
  boolValue,
  boolValueOr,
  describe as describeValue,
  flagReader,
  hexValue,
  intValue,
  knownStringsValue,
  nullableStringValue,
  objectValue,
  optIntValue,
  optObjectValue,
  optSnowflakeValue,
  optStringValue,
  optTimestampValue,
  StringTable,
  snowflakesValue,
  snowflakeValue,
  stringsValue,
  stringValue,
  stringValueOr,
  timestampValue,
} from "../../src/internal/read.js";
import { Permissions } from "../../src/models/permissions.js";
import { deserializationError as errorOf } from "../factory/helpers.js";

function failsAt(fn: () => unknown, path: string, expected: string, received: string): void {
  const error = errorOf(fn);
  expect(error.path).toBe(path);
  expect(error.expected).toBe(expected);
  expect(error.received).toBe(received);
}

describe("payload readers", () => {
  it("describes values by type only", () => {
    expect(describeValue(undefined)).toBe("missing");
    expect(describeValue(null)).toBe("null");
    expect(describeValue([])).toBe("array");
    expect(describeValue("secret-token")).toBe("string");
    expect(describeValue(1.5)).toBe("number");
    expect(describeValue(2)).toBe("integer");
    expect(describeValue({})).toBe("object");
  });

  it("reports the JSON path, what was expected and what was received", () => {
    const error = errorOf(() => stringValue(5, "$.team", "name"));
    expect(error.path).toBe("$.team.name");
    expect(error.expected).toBe("string");
    expect(error.received).toBe("integer");
    expect(error.message).toBe("Invalid payload at $.team.name: expected string, received integer");
  });

  it("never puts the value in the error", () => {
    const error = errorOf(() => snowflakeValue("mfa.SECRET-TOKEN", "$", "id"));
    expect(JSON.stringify(error) + error.message + String(error)).not.toContain("SECRET");
  });

  it("reads optional values as null", () => {
    expect(optStringValue(undefined, "$", "a")).toBeNull();
    expect(optStringValue(null, "$", "a")).toBeNull();
    expect(optSnowflakeValue(null, "$", "a")).toBeNull();
    expect(stringValueOr(null, "$", "a", "")).toBe("");
    expect(boolValueOr(undefined, "$", "a")).toBe(false);
    expect(boolValueOr(undefined, "$", "a", true)).toBe(true);
    expect(() => boolValueOr("yes", "$", "a")).toThrow(DeserializationError);
  });

  it("accepts snowflakes as decimal strings or safe integers", () => {
    expect(snowflakeValue("80351110224678912", "$", "id")).toBe("80351110224678912");
    expect(snowflakeValue(42, "$", "id")).toBe("42");
    for (const bad of ["", "-1", "1.0", "0x1", " 1", 1.5, -1, true, null]) {
      expect(() => snowflakeValue(bad, "$", "id")).toThrow(DeserializationError);
    }
  });

  it("reads integers strictly", () => {
    expect(intValue(3, "$", "n")).toBe(3);
    expect(() => intValue(3.5, "$", "n")).toThrow(DeserializationError);
    expect(() => intValue("3", "$", "n")).toThrow(DeserializationError);
  });

  it("reads timestamps with offsets and rejects others", () => {
    expect(timestampValue("2021-02-01T18:03:20.888000+00:00", "$", "t").toISOString()).toBe(
      "2021-02-01T18:03:20.888Z",
    );
    expect(timestampValue("2021-02-01T18:03:20Z", "$", "t").getTime()).toBe(Date.UTC(2021, 1, 1, 18, 3, 20));
    expect(timestampValue("2021-02-01T20:03:20+02:00", "$", "t").getTime()).toBe(
      Date.UTC(2021, 1, 1, 18, 3, 20),
    );
    for (const bad of ["2021-02-01", "yesterday", "2021-13-01T00:00:00Z", 0]) {
      expect(() => timestampValue(bad, "$", "t")).toThrow(DeserializationError);
    }
    expect(optTimestampValue(null, "$", "t")).toBeNull();
    failsAt(() => optTimestampValue("soon", "$.a", "t"), "$.a.t", "ISO 8601 timestamp", "string");
  });

  it("reads timestamps exactly as Date does, on the quick path and off it", () => {
    const samples = [
      "2021-02-28T23:59:59.999Z",
      "2024-02-29T00:00:00Z",
      "2023-02-29T00:00:00Z",
      "2021-04-31T00:00:00Z",
      "2021-02-01T18:03:20.8+00:00",
      "2021-02-01T18:03:20.88889-05:30",
      "2021-02-01T24:00:00Z",
      "2021-02-01T18:60:00Z",
      "2021-02-01t18:03:20z",
      "0099-01-01T00:00:00Z",
      "1970-01-01T00:00:00.000+23:59",
      "2021-02-01T18:03:20.Z",
      "2021-02-01T18:03:20+0200",
    ];
    const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
    for (const text of samples) {
      const date = new Date(text);
      if (pattern.test(text) && !Number.isNaN(date.getTime())) {
        expect(asTimestamp(text, "$").getTime(), text).toBe(date.getTime());
      } else {
        expect(() => asTimestamp(text, "$"), text).toThrow(DeserializationError);
      }
    }
  });

  it("reads string and snowflake lists with item paths, copying the list", () => {
    const list = ["x", "y"];
    const copy = stringsValue(list, "$", "a");
    expect(copy).toEqual(["x", "y"]);
    expect(copy).not.toBe(list);
    expect(stringsValue(undefined, "$", "a")).toEqual([]);
    expect(stringsValue(null, "$", "k")).toEqual([]);
    expect(errorOf(() => stringsValue(["x", 1], "$.b", "a")).path).toBe("$.b.a[1]");
    expect(errorOf(() => stringsValue(undefined, "$", "a", true)).received).toBe("missing");
    failsAt(() => stringsValue(null, "$", "k", true), "$.k", "array", "null");
    failsAt(() => stringsValue(["a", 1], "$", "k"), "$.k[1]", "string", "integer");
    failsAt(() => stringsValue("a", "$", "k"), "$.k", "array", "string");
    expect(snowflakesValue(["1", 2], "$", "roles")).toEqual(["1", "2"]);
    failsAt(() => snowflakesValue(["1", "x"], "$", "roles"), "$.roles[1]", "snowflake", "string");
    expect(arrayValue(undefined, "$", "a")).toEqual([]);
    failsAt(() => arrayValue({}, "$", "a"), "$.a", "array", "object");
  });

  it("reads nested objects", () => {
    const obj = { a: 1 };
    expect(objectValue(obj, "$", "k")).toBe(obj);
    failsAt(() => objectValue([], "$", "k"), "$.k", "object", "array");
    expect(optObjectValue(null, "$", "o")).toBeNull();
    expect(errorOf(() => optObjectValue([], "$", "o")).path).toBe("$.o");
    expect(() => asObject("x", "$")).toThrow(DeserializationError);
    expect(errorOf(() => asObject(null, "$.a[0]")).path).toBe("$.a[0]");
  });

  it("reads bit fields from strings and numbers", () => {
    expect(asBits("2199023255551", "$")).toBe(2199023255551n);
    expect(asBits(8, "$")).toBe(8n);
    for (const bad of ["-1", "1e3", "", 1.5, -2, null])
      expect(() => asBits(bad, "$")).toThrow(DeserializationError);
  });

  it("reads fixed-length hex", () => {
    expect([...hexValue("00ff10", "$", "k", 3)]).toEqual([0, 255, 16]);
    for (const bad of ["00ff1", "00ff1g", "00ff1000", 5])
      expect(() => hexValue(bad, "$", "k", 3)).toThrow(DeserializationError);
  });
});

describe("value readers", () => {
  it("read strings", () => {
    expect(stringValue("a", "$", "k")).toBe("a");
    failsAt(() => stringValue(undefined, "$", "k"), "$.k", "string", "missing");
    expect(optStringValue(null, "$", "k")).toBeNull();
    expect(optStringValue(undefined, "$", "k")).toBeNull();
    failsAt(() => optStringValue(1, "$.a", "k"), "$.a.k", "string or null", "integer");
    expect(nullableStringValue(null, "$", "k")).toBeNull();
    failsAt(() => nullableStringValue(undefined, "$", "icon"), "$.icon", "string or null", "missing");
  });

  it("read booleans and integers", () => {
    expect(boolValue(false, "$", "k")).toBe(false);
    failsAt(() => boolValue(null, "$", "k"), "$.k", "boolean", "null");
    expect(boolValueOr(undefined, "$", "k")).toBe(false);
    expect(boolValueOr(true, "$", "k")).toBe(true);
    failsAt(() => boolValueOr("true", "$", "k"), "$.k", "boolean", "string");
    expect(intValue(-3, "$", "k")).toBe(-3);
    failsAt(() => intValue(1.5, "$", "k"), "$.k", "integer", "number");
    expect(optIntValue(null, "$", "k")).toBeNull();
    failsAt(() => optIntValue("1", "$", "k"), "$.k", "integer or null", "string");
  });

  it("read snowflakes by the pattern ^(?:0|[1-9]\\d{0,19})$", () => {
    expect(snowflakeValue("0", "$", "id")).toBe("0");
    expect(snowflakeValue("80351110224678912", "$", "id")).toBe("80351110224678912");
    expect(snowflakeValue(42, "$", "id")).toBe("42");
    expect(snowflakeValue("12345678901234567890", "$", "id")).toBe("12345678901234567890");
    for (const bad of ["", "01", "1a", "-1", "123456789012345678901", " 1", 1.5, -1, null, undefined, {}]) {
      expect(errorOf(() => snowflakeValue(bad, "$", "id")).path).toBe("$.id");
    }
    expect(optSnowflakeValue(undefined, "$", "id")).toBeNull();
    expect(optSnowflakeValue("7", "$", "id")).toBe("7");
    failsAt(() => optSnowflakeValue("x", "$", "id"), "$.id", "snowflake", "string");
  });

  it("intern known strings and pass others through", () => {
    const table = new StringTable(["bot", "applications.commands", "guilds", "bot"]);
    expect(table.get("applications.commands")).toBe("applications.commands");
    expect(table.get("guilds")).toBe("guilds");
    expect(table.get("gilds")).toBe("gilds");
    expect(table.get("")).toBe("");
    expect(table.get("x".repeat(500))).toBe("x".repeat(500));
    expect(knownStringsValue(["bot", "new.scope"], "$", "scopes", table)).toEqual(["bot", "new.scope"]);
    expect(knownStringsValue([], "$", "scopes", table)).toEqual([]);
    const input = ["applications.commands"];
    const out = knownStringsValue(input, "$", "scopes", table);
    expect(out).not.toBe(input);
    failsAt(() => knownStringsValue(["bot", 2], "$", "scopes", table), "$.scopes[1]", "string", "integer");
  });

  it("decode hex of an exact length, in either case", () => {
    expect([...hexValue("00ff10Ab", "$", "k", 4)]).toEqual([0, 255, 16, 171]);
    for (const bad of ["00ff10A", "00ff10Ag", "00ff 10a", "00ff10Ab00", 5, null, "ａｂ00ff00"]) {
      const error = errorOf(() => hexValue(bad, "$", "k", 4));
      expect(error.path).toBe("$.k");
      expect(error.expected).toBe("8 hex characters");
    }
  });

  it("read flags from strings and integers, sharing values", () => {
    const read = flagReader(() => Permissions);
    expect(read("8", "$", "p")).toBe(Permissions.ADMINISTRATOR);
    expect(read(8, "$", "p")).toBe(Permissions.ADMINISTRATOR);
    expect(read("8", "$", "p")).toBe(read("8", "$", "p"));
    expect(read("2251799813685247", "$", "p").value).toBe(2251799813685247n);
    for (const bad of ["-1", "0x8", "", -1, 1.5, null, undefined, true]) {
      expect(errorOf(() => read(bad, "$", "p")).path).toBe("$.p");
    }
    expect(read("0008", "$", "p")).toBe(Permissions.ADMINISTRATOR);
    expect(read("9007199254740993", "$", "p").value).toBe(9007199254740993n);
    expect(read("9007199254740992", "$", "p").value).toBe(9007199254740992n);
    expect(read("18446744073709551615", "$", "p").value).toBe(18446744073709551615n);
    expect(read("18446744073709551615", "$", "p")).toBe(read("18446744073709551615", "$", "p"));
    for (let i = 0; i < 5000; i++) expect(read(String(i), "$", "p").value).toBe(BigInt(i));
    expect(read("8", "$", "p")).toBe(Permissions.ADMINISTRATOR);
  });

  it("reads flags right in either spelling across more distinct values than the cache holds", () => {
    const read = flagReader(() => Permissions);
    expect(read("1071698660929", "$", "p").value).toBe(read(1071698660929, "$", "p").value);
    expect(read(Number.MAX_SAFE_INTEGER, "$", "p").value).toBe(9007199254740991n);
    for (const bad of [
      Number.MAX_SAFE_INTEGER + 1,
      Number.POSITIVE_INFINITY,
      "1e3",
      " 8",
      "8 ",
      "+8",
      "８",
    ]) {
      expect(errorOf(() => read(bad, "$", "p")).path).toBe("$.p");
    }
    // Values that share low bits, more of them than the cache keeps, each read twice in both spellings.
    const values = Array.from({ length: 12_000 }, (_, i) => 2 ** 40 * (i % 97) + i * 4096);
    for (const round of [0, 1]) {
      for (const value of values) {
        const flags = read(round === 0 ? String(value) : value, "$", "p");
        expect(flags.value).toBe(BigInt(value));
      }
    }
  });
});
