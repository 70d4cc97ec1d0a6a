import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { DeserializationError } from "../../src/errors.js";
import type { RESTAware } from "../../src/traits.js";

/** A stand-in client for checking that models carry the `app` they were built with (never called). */
export const APP = { rest: {}, entityFactory: {} } as unknown as RESTAware;

/** A parsed copy of `test/fixtures/applications/<name>`. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/applications/${name}`, import.meta.url), "utf8"));
}

/** A deep copy of a JSON value. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A copy of `payload` without `keys`. */
export function without(payload: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const out = clone(payload);
  for (const key of keys) delete out[key];
  return out;
}

/** A copy of `payload` with `keys` set to null. */
export function nulled(payload: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const out = clone(payload);
  for (const key of keys) out[key] = null;
  return out;
}

/** Runs `fn` and returns the DeserializationError it throws (failing the test otherwise). */
export function deserializationError(fn: () => unknown): DeserializationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeserializationError);
    return error as DeserializationError;
  }
  return expect.unreachable("expected a DeserializationError") as never;
}

/**
 * Checks that every key of `input` (minus `ignore`, which lists keys we do not model, as dotted paths)
 * appears in `output` with an equal value, recursing into objects and arrays.
 */
export function expectModelledKeys(
  output: unknown,
  input: unknown,
  ignore: readonly string[] = [],
  path = "$",
): void {
  if (Array.isArray(input)) {
    expect(Array.isArray(output), path).toBe(true);
    const list = output as unknown[];
    expect(list.length, path).toBe(input.length);
    for (let i = 0; i < input.length; i++) expectModelledKeys(list[i], input[i], ignore, `${path}[${i}]`);
    return;
  }
  if (typeof input === "object" && input !== null) {
    expect(typeof output, path).toBe("object");
    const record = output as Record<string, unknown>;
    for (const [key, value] of Object.entries(input)) {
      const at = `${path}.${key}`;
      if (ignore.includes(at.replace(/\[\d+\]/g, "[]"))) continue;
      expect(Object.hasOwn(record, key), `${at} is missing`).toBe(true);
      expectModelledKeys(record[key], value, ignore, at);
    }
    return;
  }
  expect(output, path).toEqual(input);
}

/** Odd JSON values that a deserializer must reject cleanly or accept, but never crash on. */
export const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  2 ** 64,
  Number.NaN,
  "",
  "x",
  "12",
  "a_",
  true,
  false,
  [],
  [null],
  [1, "x"],
  {},
  { id: 1 },
];

/** Every payload that differs from `payload` in one place (a key set to an odd value or removed). */
export function* mutations(payload: unknown): Generator<unknown> {
  if (Array.isArray(payload)) {
    for (let i = 0; i < payload.length; i++) {
      for (const variant of mutations(payload[i])) {
        const copy = clone(payload);
        copy[i] = variant;
        yield copy;
      }
    }
    return;
  }
  if (typeof payload === "object" && payload !== null) {
    for (const key of Object.keys(payload)) {
      const inner = (payload as Record<string, unknown>)[key];
      for (const variant of [...ODD_VALUES, ...mutations(inner)]) {
        const copy = clone(payload) as Record<string, unknown>;
        if (variant === undefined) delete copy[key];
        else copy[key] = variant;
        yield copy;
      }
    }
    return;
  }
}

/**
 * Feeds `deserialize` every one-place mutation of `payload` (and every odd top-level value) and checks
 * that each call either returns or throws a DeserializationError. Returns how many calls threw.
 */
export function expectOnlyDeserializationErrors(
  deserialize: (raw: unknown) => unknown,
  payload: unknown,
): number {
  let failures = 0;
  for (const variant of [...ODD_VALUES, ...mutations(payload)]) {
    try {
      deserialize(variant);
    } catch (error) {
      if (!(error instanceof DeserializationError)) {
        throw new Error(`${String(error)} escaped for ${JSON.stringify(variant)?.slice(0, 300)}`);
      }
      failures++;
    }
  }
  return failures;
}

/** What `serializeUser` writes for the keys a minimal user payload leaves out. */
export const SERIALIZED_USER_DEFAULTS = {
  global_name: null,
  bot: false,
  system: false,
  banner: null,
  accent_color: null,
  public_flags: 0,
  flags: 0,
  avatar_decoration_data: null,
  collectibles: null,
  primary_guild: null,
} as const;
