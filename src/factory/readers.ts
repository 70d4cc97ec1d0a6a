/**
 * Payload readers that `internal/read.ts` does not have, shared by the user, guild and webhook
 * factories. Same conventions: the value under `key` of the object at `path`, a
 * {@link DeserializationError} with the exact JSON path on a mismatch.
 * @module
 */
import type { BitFlags, FlagClass } from "../internal/flags.js";
import { asBits, fail, type RawObject } from "../internal/read.js";

/** A key that must be present whose value may be `null` (Discord's `avatar`, `icon`). */
export function reqNullableString(raw: RawObject, key: string, path: string): string | null {
  const value = raw[key];
  if (value === null) return null;
  if (typeof value !== "string") fail(`${path}.${key}`, "string or null", value);
  return value;
}

/** The largest RGB color, `0xFFFFFF`. */
export const MAX_COLOR = 0xffffff;

function isColor(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_COLOR;
}

/** A required RGB color: an integer from 0 to 0xFFFFFF. */
export function reqColor(raw: RawObject, key: string, path: string): number {
  const value = raw[key];
  if (!isColor(value)) fail(`${path}.${key}`, "color (integer from 0 to 16777215)", value);
  return value;
}

/** An optional RGB color; `null` when missing or null. */
export function optColor(raw: RawObject, key: string, path: string): number | null {
  const value = raw[key];
  if (value == null) return null;
  if (!isColor(value)) fail(`${path}.${key}`, "color (integer from 0 to 16777215) or null", value);
  return value;
}

const DECIMAL_BITS = /^\d{1,20}$/;

function bitsAt(value: unknown, raw: RawObject, key: string, path: string): bigint {
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  } else if (typeof value === "string" && DECIMAL_BITS.test(value)) {
    return BigInt(value);
  }
  return asBits(raw[key], `${path}.${key}`);
}

/** A flag field (decimal string or integer); `fallback` when missing or null. */
export function flagsOr<T extends BitFlags>(
  cls: FlagClass<T> & { from(input: bigint): T },
  raw: RawObject,
  key: string,
  path: string,
  fallback: T,
): T {
  const value = raw[key];
  if (value == null) return fallback;
  return cls.from(bitsAt(value, raw, key, path));
}

/** An optional flag field; `null` when missing or null. */
export function optFlags<T extends BitFlags>(
  cls: FlagClass<T> & { from(input: bigint): T },
  raw: RawObject,
  key: string,
  path: string,
): T | null {
  const value = raw[key];
  if (value == null) return null;
  return cls.from(bitsAt(value, raw, key, path));
}

/** A required flag field. */
export function reqFlags<T extends BitFlags>(
  cls: FlagClass<T> & { from(input: bigint): T },
  raw: RawObject,
  key: string,
  path: string,
): T {
  return cls.from(bitsAt(raw[key], raw, key, path));
}

/** A timestamp in Unix seconds as a `Date`; `null` when missing or null. */
export function optUnixSeconds(raw: RawObject, key: string, path: string): Date | null {
  const value = raw[key];
  if (value == null) return null;
  const date = typeof value === "number" ? new Date(value * 1000) : null;
  if (date === null || Number.isNaN(date.getTime())) fail(`${path}.${key}`, "Unix seconds or null", value);
  return date;
}

/**
 * A `Date` in the timestamp format Discord writes (`2015-04-26T06:26:56.936000+00:00`), so a payload
 * read and written back keeps its timestamps character for character (to the millisecond).
 */
export function toDiscordTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, -1)}000+00:00`;
}
