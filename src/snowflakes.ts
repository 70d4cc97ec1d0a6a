/**
 * Snowflakes: Discord's 64-bit, time-ordered IDs, carried as decimal strings.
 *
 * @see https://discord.com/developers/docs/reference#snowflakes
 * @module
 */

/** A Discord ID as a decimal string (IDs exceed `Number.MAX_SAFE_INTEGER`). */
export type Snowflake = string;

/** Discord's epoch, 2015-01-01T00:00:00Z, in milliseconds since the Unix epoch. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/** The smallest snowflake, `"0"`. */
export const MIN_SNOWFLAKE: Snowflake = "0";

/** The largest snowflake Discord uses, 2⁶³ − 1. */
export const MAX_SNOWFLAKE: Snowflake = "9223372036854775807";

const MAX_SNOWFLAKE_BIGINT = 9_223_372_036_854_775_807n;

/**
 * Whether `value` matches Discord's snowflake pattern `^(?:0|[1-9]\d{0,19})$` (up to 20 digits, so
 * without the 2⁶³ − 1 bound of {@link isSnowflake}), checked by character codes for the payload readers.
 * @internal
 */
export function isDecimalId(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 20 || (length > 1 && value.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Whether `value` is a snowflake string: decimal digits, no sign or leading zeros, at most 2⁶³ − 1. */
export function isSnowflake(value: unknown): value is Snowflake {
  // Digit strings of equal length compare numerically as strings.
  return (
    typeof value === "string" &&
    isDecimalId(value) &&
    (value.length < 19 || (value.length === 19 && value <= MAX_SNOWFLAKE))
  );
}

/**
 * The moment a snowflake was created: `DISCORD_EPOCH_MS + (id >> 22)`.
 * @throws RangeError if `id` is not a snowflake string.
 */
export function snowflakeToDate(id: Snowflake): Date {
  if (!isSnowflake(id)) throw new RangeError("Expected a snowflake: a decimal ID string");
  // Below 2^53 the shift can be done in floating point without losing precision.
  const ms = id.length < 16 ? Math.floor(Number(id) / 4_194_304) : Number(BigInt(id) >> 22n);
  return new Date(DISCORD_EPOCH_MS + ms);
}

/** Parts of a snowflake besides its timestamp. */
export interface SnowflakeParts {
  /** Internal worker ID, 0–31. */
  readonly workerId?: number;
  /** Internal process ID, 0–31. */
  readonly processId?: number;
  /** Per-process increment, 0–4095. */
  readonly increment?: number;
}

function checkPart(name: string, value: number, max: number): bigint {
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new RangeError(`${name} must be an integer from 0 to ${max}`);
  return BigInt(value);
}

/**
 * The snowflake for a moment, for use as a `before`/`after` cursor: `(ms since Discord's epoch) << 22`,
 * with optional worker, process and increment parts.
 * @throws RangeError if the date is invalid or before Discord's epoch, or a part is out of range.
 */
export function dateToSnowflake(date: Date, parts: SnowflakeParts = {}): Snowflake {
  const ms = date.getTime();
  if (!Number.isFinite(ms) || ms < DISCORD_EPOCH_MS)
    throw new RangeError("The date must be valid and not before 2015-01-01");
  const value =
    (BigInt(ms - DISCORD_EPOCH_MS) << 22n) |
    (checkPart("workerId", parts.workerId ?? 0, 31) << 17n) |
    (checkPart("processId", parts.processId ?? 0, 31) << 12n) |
    checkPart("increment", parts.increment ?? 0, 4095);
  if (value > MAX_SNOWFLAKE_BIGINT) throw new RangeError("The date is too far in the future for a snowflake");
  return value.toString();
}

/** Worker, process and increment of a snowflake. */
export function snowflakeParts(id: Snowflake): Required<SnowflakeParts> {
  if (!isSnowflake(id)) throw new RangeError("Expected a snowflake: a decimal ID string");
  const value = BigInt(id);
  return {
    workerId: Number((value & 0x3e0000n) >> 17n),
    processId: Number((value & 0x1f000n) >> 12n),
    increment: Number(value & 0xfffn),
  };
}

/** Compares two snowflakes numerically (for sorting): negative, zero or positive. */
export function compareSnowflakes(a: Snowflake, b: Snowflake): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
