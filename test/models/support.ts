import { readFileSync } from "node:fs";
import { clone } from "../factory/helpers.js";

export { APP, clone, deserializationError, nulled, without } from "../factory/helpers.js";

/** A parsed copy of `test/fixtures/<name>`. */
export function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
}

/** A copy of `payload` with `changes` merged in. */
export function withKeys(
  payload: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  return { ...clone(payload), ...changes };
}

/** A JSON round trip, as storing a model and reading it back does. */
export const viaJson = clone;
