import { describe, expect, it } from "vitest";
import { DeserializationError } from "../../src/errors.js";
import {
  arrayOf,
  asBits,
  asHexBytes,
  asObject,
  boolOr,
  describe as describeValue,
  itemObject,
  itemString,
  optObject,
  optSnowflake,
  optString,
  reqInt,
  reqSnowflake,
  reqString,
  reqTimestamp,
  stringOr,
} from "../../src/internal/read.js";

function errorOf(fn: () => unknown): DeserializationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DeserializationError) return error;
    throw error;
  }
  throw new Error("expected a DeserializationError");
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
    const error = errorOf(() => reqString({ name: 5 }, "name", "$.team"));
    expect(error.path).toBe("$.team.name");
    expect(error.expected).toBe("string");
    expect(error.received).toBe("integer");
    expect(error.message).toBe("Invalid payload at $.team.name: expected string, received integer");
  });

  it("never puts the value in the error", () => {
    const error = errorOf(() => reqSnowflake({ id: "mfa.SECRET-TOKEN" }, "id", "$"));
    expect(JSON.stringify(error) + error.message + String(error)).not.toContain("SECRET");
  });

  it("reads optional values as null", () => {
    expect(optString({}, "a", "$")).toBeNull();
    expect(optString({ a: null }, "a", "$")).toBeNull();
    expect(optSnowflake({ a: null }, "a", "$")).toBeNull();
    expect(stringOr({ a: null }, "a", "$", "")).toBe("");
    expect(boolOr({}, "a", "$")).toBe(false);
    expect(() => boolOr({ a: "yes" }, "a", "$")).toThrow(DeserializationError);
  });

  it("accepts snowflakes as decimal strings or safe integers", () => {
    expect(reqSnowflake({ id: "80351110224678912" }, "id", "$")).toBe("80351110224678912");
    expect(reqSnowflake({ id: 42 }, "id", "$")).toBe("42");
    for (const bad of ["", "-1", "1.0", "0x1", " 1", 1.5, -1, true, null]) {
      expect(() => reqSnowflake({ id: bad }, "id", "$")).toThrow(DeserializationError);
    }
  });

  it("reads integers strictly", () => {
    expect(reqInt({ n: 3 }, "n", "$")).toBe(3);
    expect(() => reqInt({ n: 3.5 }, "n", "$")).toThrow(DeserializationError);
    expect(() => reqInt({ n: "3" }, "n", "$")).toThrow(DeserializationError);
  });

  it("reads timestamps with offsets and rejects others", () => {
    expect(reqTimestamp({ t: "2021-02-01T18:03:20.888000+00:00" }, "t", "$").toISOString()).toBe(
      "2021-02-01T18:03:20.888Z",
    );
    expect(reqTimestamp({ t: "2021-02-01T18:03:20Z" }, "t", "$").getTime()).toBe(
      Date.UTC(2021, 1, 1, 18, 3, 20),
    );
    expect(reqTimestamp({ t: "2021-02-01T20:03:20+02:00" }, "t", "$").getTime()).toBe(
      Date.UTC(2021, 1, 1, 18, 3, 20),
    );
    for (const bad of ["2021-02-01", "yesterday", "2021-13-01T00:00:00Z", 0]) {
      expect(() => reqTimestamp({ t: bad }, "t", "$")).toThrow(DeserializationError);
    }
  });

  it("reads arrays with item paths", () => {
    expect(arrayOf({ a: ["x", "y"] }, "a", "$", itemString)).toEqual(["x", "y"]);
    expect(arrayOf({}, "a", "$", itemString)).toEqual([]);
    expect(errorOf(() => arrayOf({ a: ["x", 1] }, "a", "$.b", itemString)).path).toBe("$.b.a[1]");
    expect(errorOf(() => arrayOf({}, "a", "$", itemString, true)).received).toBe("missing");
    const objects = arrayOf(
      { a: [{ k: "v" }] },
      "a",
      "$",
      itemObject((raw, path) => reqString(raw, "k", path)),
    );
    expect(objects).toEqual(["v"]);
    expect(
      errorOf(() =>
        arrayOf(
          { a: [null] },
          "a",
          "$",
          itemObject(() => 1),
        ),
      ).path,
    ).toBe("$.a[0]");
  });

  it("reads nested objects", () => {
    expect(optObject({ o: { k: "v" } }, "o", "$", (raw, path) => reqString(raw, "k", path))).toBe("v");
    expect(optObject({ o: null }, "o", "$", () => 1)).toBeNull();
    expect(errorOf(() => optObject({ o: [] }, "o", "$", () => 1)).path).toBe("$.o");
    expect(() => asObject("x", "$")).toThrow(DeserializationError);
  });

  it("reads bit fields from strings and numbers", () => {
    expect(asBits("2199023255551", "$")).toBe(2199023255551n);
    expect(asBits(8, "$")).toBe(8n);
    for (const bad of ["-1", "1e3", "", 1.5, -2, null])
      expect(() => asBits(bad, "$")).toThrow(DeserializationError);
  });

  it("reads fixed-length hex", () => {
    expect([...asHexBytes("00ff10", "$", 3)]).toEqual([0, 255, 16]);
    for (const bad of ["00ff1", "00ff1g", "00ff1000", 5])
      expect(() => asHexBytes(bad, "$", 3)).toThrow(DeserializationError);
  });
});
