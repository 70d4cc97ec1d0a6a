/**
 * Value readers for the hot deserializers. Each takes the value itself (read at the call site as
 * `raw.icon`, a monomorphic property load, where `raw[key]` inside a shared helper would go
 * megamorphic), the JSON path of the object holding it and its key. The happy path builds no string;
 * the JSON path and the {@link DeserializationError} are made only on a mismatch, with the same
 * `expected` texts as `internal/read.ts`.
 * @module
 */
import type { BitFlags, FlagClass } from "../internal/flags.js";
import { asBits, asHexBytes, asObject, asSnowflake, fail, type RawObject } from "../internal/read.js";
import type { Snowflake } from "../snowflakes.js";

/** `^(?:0|[1-9]\d{0,19})$`, as `internal/read.ts` checks snowflakes, without the regex engine. */
function isDecimalId(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 20 || (length > 1 && value.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A required string. */
export function stringValue(value: unknown, path: string, key: string): string {
  if (typeof value !== "string") fail(`${path}.${key}`, "string", value);
  return value;
}

/** An optional string; `null` when missing or null. */
export function optStringValue(value: unknown, path: string, key: string): string | null {
  if (value == null) return null;
  if (typeof value !== "string") fail(`${path}.${key}`, "string or null", value);
  return value;
}

/** A key that must be present whose value may be `null` (Discord's `icon`). */
export function nullableStringValue(value: unknown, path: string, key: string): string | null {
  if (value === null) return null;
  if (typeof value !== "string") fail(`${path}.${key}`, "string or null", value);
  return value;
}

/** A required boolean. */
export function boolValue(value: unknown, path: string, key: string): boolean {
  if (typeof value !== "boolean") fail(`${path}.${key}`, "boolean", value);
  return value;
}

/** A boolean Discord may leave out: missing or null is `false`. */
export function boolValueOr(value: unknown, path: string, key: string): boolean {
  if (value == null) return false;
  if (typeof value !== "boolean") fail(`${path}.${key}`, "boolean", value);
  return value;
}

/** A required integer. */
export function intValue(value: unknown, path: string, key: string): number {
  if (!Number.isInteger(value)) fail(`${path}.${key}`, "integer", value);
  return value as number;
}

/** An optional integer; `null` when missing or null. */
export function optIntValue(value: unknown, path: string, key: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value)) fail(`${path}.${key}`, "integer or null", value);
  return value as number;
}

/** A required snowflake (a decimal string, or a safe integer from older payloads). */
export function snowflakeValue(value: unknown, path: string, key: string): Snowflake {
  return typeof value === "string" && isDecimalId(value) ? value : asSnowflake(value, `${path}.${key}`);
}

/** An optional snowflake; `null` when missing or null. */
export function optSnowflakeValue(value: unknown, path: string, key: string): Snowflake | null {
  if (value == null) return null;
  return typeof value === "string" && isDecimalId(value) ? value : asSnowflake(value, `${path}.${key}`);
}

/** An object under `key`, for a nested reader; its JSON path is `${path}.${key}`. */
export function objectValue(value: unknown, path: string, key: string): RawObject {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as RawObject;
  return asObject(value, `${path}.${key}`);
}

/** A copy of an array of strings; `[]` when missing or null unless `required`. */
export function stringsValue(value: unknown, path: string, key: string, required = false): string[] {
  if (!Array.isArray(value)) {
    if (value == null && !required) return [];
    fail(`${path}.${key}`, "array", value);
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== "string") fail(`${path}.${key}[${i}]`, "string", value[i]);
  }
  return value.slice();
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

/** Exactly `length` bytes from a hex string of `2 * length` characters. */
export function hexValue(value: unknown, path: string, key: string, length: number): Uint8Array {
  if (typeof value === "string" && value.length === length * 2) {
    const out = new Uint8Array(length);
    let i = 0;
    for (; i < length; i++) {
      const high = value.charCodeAt(2 * i);
      const low = value.charCodeAt(2 * i + 1);
      const h = high < 128 ? (HEX[high] as number) : -1;
      const l = low < 128 ? (HEX[low] as number) : -1;
      if ((h | l) < 0) break;
      out[i] = (h << 4) | l;
    }
    if (i === length) return out;
  }
  return asHexBytes(value, `${path}.${key}`, length);
}

const CACHE_LIMIT = 2048;

/** Reads one flag value: see {@link flagReader}. */
export type FlagReader<T extends BitFlags> = (value: unknown, path: string, key: string) => T;

/**
 * A reader for a required flag field (a decimal string or a safe integer) that keeps the values it has
 * seen: a page of guilds repeats the same few permission strings, and parsing a `BigInt`
 * costs far more than a lookup. The cache is bounded and cleared when full. Create one reader per class,
 * once, at module level; `cls` returns the class, so the reader can be created while the module that
 * defines the class is still loading.
 */
export function flagReader<T extends BitFlags>(
  cls: () => FlagClass<T> & { from(input: bigint): T },
): FlagReader<T> {
  const cache = new Map<string | number, T>();
  return (value, path, key) => {
    if (typeof value !== "string" && typeof value !== "number")
      return cls().from(asBits(value, `${path}.${key}`));
    let flags = cache.get(value);
    if (flags === undefined) {
      flags = cls().from(asBits(value, `${path}.${key}`));
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(value, flags);
    }
    return flags;
  };
}
