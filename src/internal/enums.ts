/**
 * Helpers for "open" enums: `as const` objects whose fields accept values Discord adds later.
 */

/** A known enum value, or any other value of the same primitive type passed through unchanged. */
export type Open<T extends string | number> = T | (T extends string ? string & {} : number & {});

/** The member name for `value` in an `as const` enum object, or `undefined` for a value it does not know. */
export function enumName(
  enumObject: Readonly<Record<string, string | number>>,
  value: unknown,
): string | undefined {
  for (const name in enumObject) if (enumObject[name] === value) return name;
  return undefined;
}
