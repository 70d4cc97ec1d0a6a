/**
 * The one checked payload reader of the library. A keyed reader takes the value itself (read at the call
 * site as `raw.icon`, a monomorphic property load where `raw[key]` inside a shared helper would go
 * megamorphic), the JSON path of the object holding it and its key; an `as*` reader takes a value and
 * its full path (top-level payloads, array items). The happy path builds no string: the path and the
 * {@link DeserializationError} are made only on a mismatch.
 *
 * Naming: `xValue` needs the key present and non-null; `optXValue` maps a missing key or `null` to
 * `null`; `xValueOr` maps them to a default.
 * @module
 */
import { DeserializationError } from "../errors.js";
import { isDecimalId, type Snowflake } from "../snowflakes.js";
import { fromHex } from "./base64.js";
import { type BitFlags, decimalBits, type FlagClass } from "./flags.js";

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

/** Throws for the value under `key` of the object at `path`. */
function failAt(path: string, key: string, expected: string, value: unknown): never {
  return fail(`${path}.${key}`, expected, value);
}

function isObject(value: unknown): value is RawObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` as a JSON object (not null, not an array). */
export function asObject(value: unknown, path: string): RawObject {
  if (!isObject(value)) fail(path, "object", value);
  return value;
}

/** A required object. */
export function objectValue(value: unknown, path: string, key: string): RawObject {
  if (!isObject(value)) failAt(path, key, "object", value);
  return value;
}

/** An optional object; `null` when missing or null. */
export function optObjectValue(value: unknown, path: string, key: string): RawObject | null {
  if (value == null) return null;
  if (!isObject(value)) failAt(path, key, "object", value);
  return value;
}

/** A required string. */
export function stringValue(value: unknown, path: string, key: string): string {
  if (typeof value !== "string") failAt(path, key, "string", value);
  return value;
}

/** An optional string; `null` when missing or null. */
export function optStringValue(value: unknown, path: string, key: string): string | null {
  if (value == null) return null;
  if (typeof value !== "string") failAt(path, key, "string or null", value);
  return value;
}

/** A key that must be present whose value may be `null` (Discord's `avatar`, `icon`). */
export function nullableStringValue(value: unknown, path: string, key: string): string | null {
  if (value === null) return null;
  if (typeof value !== "string") failAt(path, key, "string or null", value);
  return value;
}

/** A string that is `fallback` when missing or null (Discord's `description: ""`). */
export function stringValueOr(value: unknown, path: string, key: string, fallback: string): string {
  if (value == null) return fallback;
  if (typeof value !== "string") failAt(path, key, "string", value);
  return value;
}

/** `value` as a snowflake: a decimal string, or a safe non-negative integer (older payloads). */
function asSnowflake(value: unknown, path: string): Snowflake {
  if (typeof value === "string") {
    if (isDecimalId(value)) return value;
  } else if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    return String(value);
  }
  return fail(path, "snowflake", value);
}

/** A required snowflake. */
export function snowflakeValue(value: unknown, path: string, key: string): Snowflake {
  return typeof value === "string" && isDecimalId(value) ? value : asSnowflake(value, `${path}.${key}`);
}

/** An optional snowflake; `null` when missing or null. */
export function optSnowflakeValue(value: unknown, path: string, key: string): Snowflake | null {
  if (value == null) return null;
  return typeof value === "string" && isDecimalId(value) ? value : asSnowflake(value, `${path}.${key}`);
}

/** A required integer. */
export function intValue(value: unknown, path: string, key: string): number {
  if (!Number.isInteger(value)) failAt(path, key, "integer", value);
  return value as number;
}

/** An optional integer; `null` when missing or null. */
export function optIntValue(value: unknown, path: string, key: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value)) failAt(path, key, "integer or null", value);
  return value as number;
}

/** A required boolean. */
export function boolValue(value: unknown, path: string, key: string): boolean {
  if (typeof value !== "boolean") failAt(path, key, "boolean", value);
  return value;
}

/** A boolean Discord may leave out: missing or null is `fallback` (default `false`). */
export function boolValueOr(value: unknown, path: string, key: string, fallback = false): boolean {
  if (value == null) return fallback;
  if (typeof value !== "boolean") failAt(path, key, "boolean", value);
  return value;
}

/** An optional boolean; `null` when missing or null (for tri-state fields). */
export function optBoolValue(value: unknown, path: string, key: string): boolean | null {
  if (value == null) return null;
  if (typeof value !== "boolean") failAt(path, key, "boolean or null", value);
  return value;
}

/** The largest RGB color, `0xFFFFFF`. */
const MAX_COLOR = 0xffffff;

function isColor(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_COLOR;
}

/** A required RGB color: an integer from 0 to 0xFFFFFF. */
export function colorValue(value: unknown, path: string, key: string): number {
  if (!isColor(value)) failAt(path, key, "color (integer from 0 to 16777215)", value);
  return value;
}

/** An optional RGB color; `null` when missing or null. */
export function optColorValue(value: unknown, path: string, key: string): number | null {
  if (value == null) return null;
  if (!isColor(value)) failAt(path, key, "color (integer from 0 to 16777215) or null", value);
  return value;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Two decimal digits at `i`, or -1. */
function twoDigits(text: string, i: number): number {
  const high = text.charCodeAt(i) - 48;
  const low = text.charCodeAt(i + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Milliseconds since the epoch of the usual form `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)` with every part in
 * range, or NaN for anything else (which the caller then checks the slow, general way).
 */
function quickTimestamp(text: string): number {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) {
    return Number.NaN;
  }
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if ((century | yy | month | day | hour | minute | second) < 0) return Number.NaN;
  const year = century * 100 + yy;
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return Number.NaN;
  }
  if (day > (DAYS[month - 1] as number)) return Number.NaN;
  if (month === 2 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0))) {
    return Number.NaN;
  }
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < length) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      if (i - start < 3) millis = millis * 10 + digit;
      i++;
    }
    const count = i - start;
    if (count === 0) return Number.NaN;
    if (count === 1) millis *= 100;
    else if (count === 2) millis *= 10;
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90) {
    if (i + 1 !== length) return Number.NaN;
  } else if ((sign === 43 || sign === 45) && i + 6 === length && text.charCodeAt(i + 3) === 58) {
    const oh = twoDigits(text, i + 1);
    const om = twoDigits(text, i + 4);
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return Number.NaN;
    offset = (sign === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
  } else {
    return Number.NaN;
  }
  // Days since 1970-01-01 of a proleptic Gregorian date (years from 100 on, so no negative eras).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis - offset;
}

/** `value` as a `Date` from an ISO 8601 timestamp with an offset (`...Z` or `...+00:00`). */
export function asTimestamp(value: unknown, path: string): Date {
  if (typeof value === "string") {
    const quick = quickTimestamp(value);
    if (!Number.isNaN(quick)) return new Date(quick);
    if (ISO_8601.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  return fail(path, "ISO 8601 timestamp", value);
}

/** A required ISO 8601 timestamp. */
export function timestampValue(value: unknown, path: string, key: string): Date {
  if (typeof value === "string") {
    const quick = quickTimestamp(value);
    if (!Number.isNaN(quick)) return new Date(quick);
  }
  return asTimestamp(value, `${path}.${key}`);
}

/** An optional ISO 8601 timestamp; `null` when missing or null. */
export function optTimestampValue(value: unknown, path: string, key: string): Date | null {
  return value == null ? null : timestampValue(value, path, key);
}

/** A timestamp in Unix seconds as a `Date`; `null` when missing or null. */
export function optUnixSecondsValue(value: unknown, path: string, key: string): Date | null {
  if (value == null) return null;
  const date = typeof value === "number" ? new Date(value * 1000) : null;
  if (date === null || Number.isNaN(date.getTime())) failAt(path, key, "Unix seconds or null", value);
  return date;
}

/**
 * A `Date` in the timestamp format Discord writes (`2015-04-26T06:26:56.936000+00:00`), so a payload
 * read and written back keeps its timestamps character for character (to the millisecond).
 */
export function toDiscordTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, -1)}000+00:00`;
}

const EMPTY: readonly never[] = Object.freeze([]);

interface LengthGroup {
  /** A position at which the group's strings all differ, or -1 when there is none. */
  readonly position: number;
  /** The group's strings by their character code at `position` (or all of them when it is -1). */
  readonly strings: readonly (string | undefined)[];
}

function groupOf(strings: readonly string[]): LengthGroup {
  const length = strings[0]?.length ?? 0;
  for (let position = 0; position < length; position++) {
    const byCode: (string | undefined)[] = [];
    let distinct = true;
    for (const text of strings) {
      const code = text.charCodeAt(position);
      if (byCode[code] !== undefined) distinct = false;
      byCode[code] = text;
    }
    if (distinct) return { position, strings: byCode };
  }
  return { position: -1, strings };
}

/**
 * A set of known strings (scopes, guild features) that payloads repeat: {@link StringTable.get} returns
 * the table's own copy of an equal string, so models share one string instead of keeping a fresh copy
 * per payload. Strings are grouped by length and told apart by one character, so a lookup hashes
 * nothing and compares one candidate.
 */
export class StringTable {
  readonly #groups: readonly (LengthGroup | undefined)[];

  /** @param values - the known strings. */
  constructor(values: Iterable<string>) {
    const byLength: string[][] = [];
    for (const value of new Set(values)) byLength[value.length] = [...(byLength[value.length] ?? []), value];
    this.#groups = Array.from(byLength, (group) => (group === undefined ? undefined : groupOf(group)));
  }

  /** The table's string equal to `value`, or `value` itself when the table has none. */
  get(value: string): string {
    const group = this.#groups[value.length];
    if (group === undefined) return value;
    if (group.position >= 0) {
      const candidate = group.strings[value.charCodeAt(group.position)];
      return candidate !== undefined && candidate === value ? candidate : value;
    }
    for (const candidate of group.strings) if (candidate === value) return candidate;
    return value;
  }
}

/**
 * A copy of an array of strings; `[]` when missing or null unless `required`. Empty lists share one
 * frozen array.
 */
export function stringsValue(value: unknown, path: string, key: string, required = false): readonly string[] {
  return knownStringsValue(value, path, key, null, required);
}

/**
 * {@link stringsValue}, with each item that `table` knows replaced by the table's own string (no table:
 * the items as they are).
 */
export function knownStringsValue(
  value: unknown,
  path: string,
  key: string,
  table: StringTable | null,
  required = false,
): readonly string[] {
  if (!Array.isArray(value)) {
    if (value == null && !required) return EMPTY;
    failAt(path, key, "array", value);
  }
  const length = value.length;
  if (length === 0) return EMPTY;
  const out = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    if (typeof item !== "string") fail(`${path}.${key}[${i}]`, "string", item);
    out[i] = table === null ? item : table.get(item);
  }
  return out;
}

/** A copy of an array of snowflakes; `[]` when missing or null unless `required`. */
export function snowflakesValue(
  value: unknown,
  path: string,
  key: string,
  required = false,
): readonly Snowflake[] {
  if (!Array.isArray(value)) {
    if (value == null && !required) return EMPTY;
    failAt(path, key, "array", value);
  }
  const length = value.length;
  const out = new Array<Snowflake>(length);
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    out[i] = typeof item === "string" && isDecimalId(item) ? item : asSnowflake(item, `${path}.${key}[${i}]`);
  }
  return out;
}

/** The array under `key`, unchecked items; `[]` when missing or null unless `required`. */
export function arrayValue(value: unknown, path: string, key: string, required = false): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value == null && !required) return EMPTY;
  return failAt(path, key, "array", value);
}

/** `value` as an unsigned 64-bit-or-wider bit field: a decimal string or a non-negative safe integer. */
export function asBits(value: unknown, path: string): bigint {
  if (typeof value === "string") {
    const bits = value.length <= 20 ? decimalBits(value) : null;
    if (bits !== null) return bits;
  } else if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    return BigInt(value);
  }
  return fail(path, "bit field (decimal string or integer)", value);
}

/** Exactly `length` bytes from a hex string of `2 * length` characters under `key`. */
export function hexValue(value: unknown, path: string, key: string, length: number): Uint8Array {
  return (
    (typeof value === "string" ? fromHex(value, length) : null) ??
    failAt(path, key, `${length * 2} hex characters`, value)
  );
}

const FLAG_CACHE_LIMIT = 4096;

/** Reads one required flag value: see {@link flagReader}. */
export type FlagReader<T extends BitFlags> = (value: unknown, path: string, key: string) => T;

/**
 * A reader for a required flag field (a decimal string or a safe integer) that keeps the values it has
 * seen, keyed by the payload's own string or number: a page of guilds repeats the same few permission
 * strings, and parsing a `BigInt` costs far more than a lookup. The cache is bounded and starts over when
 * full, so it follows a changing mix of values. Create one reader per class, once, at module level; `cls`
 * returns the class, so the reader can be created while the module that defines the class is still
 * loading.
 */
export function flagReader<T extends BitFlags>(
  cls: () => FlagClass<T> & { from(input: bigint): T },
): FlagReader<T> {
  const cache = new Map<string | number, T>();
  return (value, path, key) => {
    if (typeof value === "string" || typeof value === "number") {
      const known = cache.get(value);
      if (known !== undefined) return known;
      const flags = cls().from(asBits(value, `${path}.${key}`));
      if (cache.size >= FLAG_CACHE_LIMIT) cache.clear();
      cache.set(value, flags);
      return flags;
    }
    return cls().from(asBits(value, `${path}.${key}`));
  };
}
