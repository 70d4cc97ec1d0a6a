/**
 * Text helpers for human-readable output: dates, durations, aligned key/value blocks.
 * @module
 */

/** `"in 6 days"`, `"3 hours ago"`: the distance from `now` to `date`, in the largest whole unit. */
export function relativeTime(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const units: Array<[string, number]> = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
    ["second", 1],
  ];
  const size = Math.abs(seconds);
  const [unit, length] = units.find(([, length]) => size >= length) ?? ["second", 1];
  const count = Math.floor(size / length);
  const text = `${count} ${unit}${count === 1 ? "" : "s"}`;
  if (seconds === 0) return "now";
  return seconds > 0 ? `in ${text}` : `${text} ago`;
}

/** An ISO date with its relative distance: `2026-12-02 12:00:00 UTC (in 7 days)`. */
export function dateWithDistance(date: Date, now: Date = new Date()): string {
  const iso = date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
  return `${iso} (${relativeTime(date, now)})`;
}

/** Aligns `label: value` pairs under one another, skipping pairs whose value is `null`. */
export function keyValues(pairs: ReadonlyArray<readonly [string, string | null]>, indent = "  "): string {
  const shown = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== null);
  const width = Math.max(0, ...shown.map(([label]) => label.length)) + 2;
  return shown.map(([label, value]) => `${indent}${`${label}:`.padEnd(width)}${value}`).join("\n");
}

/** `"1 guild"`, `"3 guilds"`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** `yes` or `no`. */
export function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}
