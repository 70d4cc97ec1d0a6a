/**
 * Checks shared by the OAuth2 helpers' options.
 * @module
 */
import { isSnowflake, type Snowflake } from "../snowflakes.js";

/** `value` as a snowflake string; throws `TypeError` naming `name` when it is not one. */
export function snowflakeOption(value: Snowflake | bigint, name: string): Snowflake {
  const text = typeof value === "bigint" ? value.toString() : value;
  if (!isSnowflake(text))
    throw new TypeError(`${name} must be a snowflake (a decimal ID string or a bigint)`);
  return text;
}

/** `refreshSkewSeconds` (default 60) in milliseconds; throws `RangeError` unless finite and not negative. */
export function refreshSkewMs(seconds: number | undefined): number {
  const skew = seconds ?? 60;
  if (typeof skew !== "number" || !(skew >= 0) || !Number.isFinite(skew)) {
    throw new RangeError("refreshSkewSeconds must be a finite number of seconds, 0 or more");
  }
  return skew * 1000;
}

/** The `now` option, or `Date.now`; throws `TypeError` when it is not a function. */
export function clockOption(now: (() => number) | undefined): () => number {
  if (now !== undefined && typeof now !== "function") throw new TypeError("now must be a function");
  return now ?? Date.now;
}
