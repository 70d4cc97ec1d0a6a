/**
 * Small helpers for the read-only arrays models hold.
 */

/** Whether `a` and `b` hold the same items (compared with `===`) in the same order. */
export function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
