import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { DeserializationError } from "../../src/errors.js";

/** A parsed copy of `test/fixtures/<name>`. */
export function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
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

/** A copy of `payload` with `changes` merged in. */
export function withKeys(
  payload: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  return { ...clone(payload), ...changes };
}

/** The DeserializationError `fn` throws (failing the test when it throws nothing or something else). */
export function deserializationError(fn: () => unknown): DeserializationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeserializationError);
    return error as DeserializationError;
  }
  return expect.unreachable("expected a DeserializationError") as never;
}

/** A JSON round trip, as storing a model and reading it back does. */
export function viaJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
