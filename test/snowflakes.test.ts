import { describe, expect, it } from "vitest";
import {
  compareSnowflakes,
  dateToSnowflake,
  isSnowflake,
  MAX_SNOWFLAKE,
  MIN_SNOWFLAKE,
  snowflakeParts,
  snowflakeToDate,
} from "../src/snowflakes.js";

describe("snowflakes", () => {
  it("decodes the creation time", () => {
    expect(snowflakeToDate("537340989808050216").toISOString()).toBe("2019-01-22T18:41:15.283Z");
    expect(snowflakeToDate("115590097100865541").toISOString()).toBe("2015-11-15T23:13:46.709Z");
    expect(snowflakeToDate("123").toISOString()).toBe("2015-01-01T00:00:00.000Z");
    expect(snowflakeToDate(MAX_SNOWFLAKE).getTime()).toBeGreaterThan(Date.UTC(2084, 0, 1));
  });

  it("decodes worker, process and increment", () => {
    expect(snowflakeParts("537340989808050216")).toEqual({ workerId: 2, processId: 0, increment: 40 });
  });

  it("encodes a date as a cursor", () => {
    expect(dateToSnowflake(new Date("2019-01-22T18:41:15.283Z"))).toBe("537340989807788032");
    expect(dateToSnowflake(new Date("2020-07-23T07:18:11.554Z"))).toBe("735757641938108416");
    expect(dateToSnowflake(new Date("2019-01-22T18:41:15.283Z"), { workerId: 2, increment: 40 })).toBe(
      "537340989808050216",
    );
    expect(() => dateToSnowflake(new Date("2014-12-31T00:00:00Z"))).toThrow(RangeError);
    expect(() => dateToSnowflake(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => dateToSnowflake(new Date(), { workerId: 32 })).toThrow(RangeError);
  });

  it("validates snowflake strings", () => {
    expect(isSnowflake(MIN_SNOWFLAKE)).toBe(true);
    expect(isSnowflake(MAX_SNOWFLAKE)).toBe(true);
    expect(isSnowflake("9223372036854775808")).toBe(false);
    expect(isSnowflake("1000000000000000000")).toBe(true);
    expect(isSnowflake("9999999999999999999")).toBe(false);
    expect(isSnowflake("12345678901234567890")).toBe(false);
    expect(isSnowflake("")).toBe(false);
    expect(isSnowflake("1a")).toBe(false);
    expect(isSnowflake("01")).toBe(false);
    expect(isSnowflake("-1")).toBe(false);
    expect(isSnowflake(5)).toBe(false);
    expect(() => snowflakeToDate("abc")).toThrow(RangeError);
  });

  it("sorts numerically", () => {
    expect(["100", "20", "3"].sort(compareSnowflakes)).toEqual(["3", "20", "100"]);
  });
});
