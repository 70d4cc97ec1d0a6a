import { describe, expect, it } from "vitest";
import {
  boolValue,
  boolValueOr,
  flagReader,
  hexValue,
  intValue,
  nullableStringValue,
  objectValue,
  optIntValue,
  optSnowflakeValue,
  optStringValue,
  snowflakeValue,
  stringsValue,
  stringValue,
} from "../../src/factory/fast-readers.js";
import { Permissions } from "../../src/models/permissions.js";
import { deserializationError } from "./helpers.js";

function failsAt(fn: () => unknown, path: string, expected: string, received: string): void {
  const error = deserializationError(fn);
  expect(error.path).toBe(path);
  expect(error.expected).toBe(expected);
  expect(error.received).toBe(received);
}

describe("fast value readers", () => {
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

  it("read snowflakes like internal/read.ts", () => {
    expect(snowflakeValue("0", "$", "id")).toBe("0");
    expect(snowflakeValue("80351110224678912", "$", "id")).toBe("80351110224678912");
    expect(snowflakeValue(42, "$", "id")).toBe("42");
    expect(snowflakeValue("12345678901234567890", "$", "id")).toBe("12345678901234567890");
    for (const bad of ["", "01", "1a", "-1", "123456789012345678901", " 1", 1.5, -1, null, undefined, {}]) {
      expect(deserializationError(() => snowflakeValue(bad, "$", "id")).path).toBe("$.id");
    }
    expect(optSnowflakeValue(undefined, "$", "id")).toBeNull();
    expect(optSnowflakeValue("7", "$", "id")).toBe("7");
    failsAt(() => optSnowflakeValue("x", "$", "id"), "$.id", "snowflake", "string");
  });

  it("read objects and string lists, copying the list", () => {
    const obj = { a: 1 };
    expect(objectValue(obj, "$", "k")).toBe(obj);
    failsAt(() => objectValue([], "$", "k"), "$.k", "object", "array");
    const list = ["a", "b"];
    const copy = stringsValue(list, "$", "k");
    expect(copy).toEqual(list);
    expect(copy).not.toBe(list);
    expect(stringsValue(null, "$", "k")).toEqual([]);
    failsAt(() => stringsValue(null, "$", "k", true), "$.k", "array", "null");
    failsAt(() => stringsValue(["a", 1], "$", "k"), "$.k[1]", "string", "integer");
    failsAt(() => stringsValue("a", "$", "k"), "$.k", "array", "string");
  });

  it("decode hex of an exact length, in either case", () => {
    expect([...hexValue("00ff10Ab", "$", "k", 4)]).toEqual([0, 255, 16, 171]);
    for (const bad of ["00ff10A", "00ff10Ag", "00ff 10a", "00ff10Ab00", 5, null, "ａｂ00ff00"]) {
      const error = deserializationError(() => hexValue(bad, "$", "k", 4));
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
      expect(deserializationError(() => read(bad, "$", "p")).path).toBe("$.p");
    }
    for (let i = 0; i < 5000; i++) expect(read(String(i), "$", "p").value).toBe(BigInt(i));
    expect(read("8", "$", "p")).toBe(Permissions.ADMINISTRATOR);
  });
});
