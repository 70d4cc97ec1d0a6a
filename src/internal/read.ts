/**
 * Checked readers for raw payloads. Every reader takes the object, the key and the object's JSON path,
 * returns the converted value, and throws {@link DeserializationError} (built only on failure, so the
 * happy path allocates nothing) when the value does not fit.
 *
 * Naming: `req*` needs the key to be present and non-null; `opt*` maps a missing key or `null` to `null`
 * (or to the stated default).
 */
import { DeserializationError } from "../errors.js";
import type { Snowflake } from "../snowflakes.js";

/** A parsed JSON object. */
export type RawObject = { readonly [key: string]: unknown };

/** Describes a value by type only: secrets must never reach an error. */
export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return value.length === 0 ? "empty string" : "string";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    return Number.isInteger(value) ? "integer" : "number";
  }
  return typeof value;
}

/** Throws the {@link DeserializationError} for `value` found at `path`. */
export function fail(path: string, expected: string, value: unknown): never {
  throw new DeserializationError({ path, expected, received: describe(value) });
}

function at(path: string, key: string): string {
  return `${path}.${key}`;
}

/** `value` as a JSON object (not null, not an array). */
export function asObject(value: unknown, path: string): RawObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "object", value);
  return value as RawObject;
}

/** A required object under `key`. */
export function reqObject(raw: RawObject, key: string, path: string): RawObject {
  return asObject(raw[key], at(path, key));
}

/** An optional object under `key`, converted by `convert`; `null` when missing or null. */
export function optObject<T>(
  raw: RawObject,
  key: string,
  path: string,
  convert: (value: RawObject, path: string) => T,
): T | null {
  const value = raw[key];
  if (value == null) return null;
  const where = at(path, key);
  return convert(asObject(value, where), where);
}

/** A required string. */
export function reqString(raw: RawObject, key: string, path: string): string {
  const value = raw[key];
  if (typeof value !== "string") fail(at(path, key), "string", value);
  return value;
}

/** An optional string; `null` when missing or null. */
export function optString(raw: RawObject, key: string, path: string): string | null {
  const value = raw[key];
  if (value == null) return null;
  if (typeof value !== "string") fail(at(path, key), "string or null", value);
  return value;
}

/** A string that defaults to `fallback` when missing or null (Discord's `description: ""`). */
export function stringOr(raw: RawObject, key: string, path: string, fallback: string): string {
  const value = raw[key];
  if (value == null) return fallback;
  if (typeof value !== "string") fail(at(path, key), "string", value);
  return value;
}

const SNOWFLAKE = /^(?:0|[1-9]\d{0,19})$/;

/** `value` as a snowflake: a decimal string, or a safe non-negative integer (older payloads). */
export function asSnowflake(value: unknown, path: string): Snowflake {
  if (typeof value === "string") {
    if (SNOWFLAKE.test(value)) return value;
  } else if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    return String(value);
  }
  return fail(path, "snowflake", value);
}

/** A required snowflake. */
export function reqSnowflake(raw: RawObject, key: string, path: string): Snowflake {
  return asSnowflake(raw[key], at(path, key));
}

/** An optional snowflake; `null` when missing or null. */
export function optSnowflake(raw: RawObject, key: string, path: string): Snowflake | null {
  const value = raw[key];
  return value == null ? null : asSnowflake(value, at(path, key));
}

/** A required integer. */
export function reqInt(raw: RawObject, key: string, path: string): number {
  const value = raw[key];
  if (!Number.isInteger(value)) fail(at(path, key), "integer", value);
  return value as number;
}

/** An optional integer; `null` when missing or null. */
export function optInt(raw: RawObject, key: string, path: string): number | null {
  const value = raw[key];
  if (value == null) return null;
  if (!Number.isInteger(value)) fail(at(path, key), "integer or null", value);
  return value as number;
}

/** A required finite number. */
export function reqNumber(raw: RawObject, key: string, path: string): number {
  const value = raw[key];
  if (typeof value !== "number" || !Number.isFinite(value)) fail(at(path, key), "number", value);
  return value;
}

/** An optional finite number; `null` when missing or null. */
export function optNumber(raw: RawObject, key: string, path: string): number | null {
  const value = raw[key];
  if (value == null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) fail(at(path, key), "number or null", value);
  return value;
}

/** A required boolean. */
export function reqBool(raw: RawObject, key: string, path: string): boolean {
  const value = raw[key];
  if (typeof value !== "boolean") fail(at(path, key), "boolean", value);
  return value;
}

/** A boolean that Discord may leave out; missing or null is `fallback` (default `false`). */
export function boolOr(raw: RawObject, key: string, path: string, fallback = false): boolean {
  const value = raw[key];
  if (value == null) return fallback;
  if (typeof value !== "boolean") fail(at(path, key), "boolean", value);
  return value;
}

/** An optional boolean; `null` when missing or null (for tri-state fields). */
export function optBool(raw: RawObject, key: string, path: string): boolean | null {
  const value = raw[key];
  if (value == null) return null;
  if (typeof value !== "boolean") fail(at(path, key), "boolean or null", value);
  return value;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** `value` as a `Date` from an ISO 8601 timestamp with an offset (`...Z` or `...+00:00`). */
export function asTimestamp(value: unknown, path: string): Date {
  if (typeof value === "string" && ISO_8601.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return fail(path, "ISO 8601 timestamp", value);
}

/** A required ISO 8601 timestamp. */
export function reqTimestamp(raw: RawObject, key: string, path: string): Date {
  return asTimestamp(raw[key], at(path, key));
}

/** An optional ISO 8601 timestamp; `null` when missing or null. */
export function optTimestamp(raw: RawObject, key: string, path: string): Date | null {
  const value = raw[key];
  return value == null ? null : asTimestamp(value, at(path, key));
}

/**
 * An array under `key`, each item converted by `convert(item, itemPath)`; missing or null is `[]`
 * unless `required` is set.
 */
export function arrayOf<T>(
  raw: RawObject,
  key: string,
  path: string,
  convert: (value: unknown, path: string) => T,
  required = false,
): T[] {
  const value = raw[key];
  const where = at(path, key);
  if (value == null) {
    if (required) fail(where, "array", value);
    return [];
  }
  if (!Array.isArray(value)) fail(where, "array", value);
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = convert(value[i], `${where}[${i}]`);
  return out;
}

/** An item converter for arrays of strings. */
export function itemString(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, "string", value);
  return value;
}

/** An item converter for arrays of objects that hands each object to `convert`. */
export function itemObject<T>(
  convert: (value: RawObject, path: string) => T,
): (value: unknown, path: string) => T {
  return (value, path) => convert(asObject(value, path), path);
}

const DECIMAL = /^\d{1,20}$/;

/** `value` as an unsigned 64-bit-or-wider bit field: a decimal string or a non-negative safe integer. */
export function asBits(value: unknown, path: string): bigint {
  if (typeof value === "string") {
    if (DECIMAL.test(value)) return BigInt(value);
  } else if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    return BigInt(value);
  }
  return fail(path, "bit field (decimal string or integer)", value);
}

const HEX_PAIRS = /^(?:[0-9a-fA-F]{2})*$/;

/** `value` as bytes from a hex string of exactly `length` bytes. */
export function asHexBytes(value: unknown, path: string, length: number): Uint8Array {
  if (typeof value !== "string" || value.length !== length * 2 || !HEX_PAIRS.test(value)) {
    fail(path, `${length * 2} hex characters`, value);
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(value.slice(i * 2, i * 2 + 2), 16);
  return out;
}
