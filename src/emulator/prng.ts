import { dateToSnowflake } from "../snowflakes.js";

/** The 62 ASCII letters and digits. */
export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const URL_SAFE = `${ALNUM}-_`;

function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small deterministic pseudo-random generator (splitmix32) so that one seed always yields the
 * same emulator world. Not for anything secret.
 */
export class SeededRandom {
  #state: number;
  #increment = 0;

  constructor(seed: string | number) {
    this.#state = hashSeed(String(seed));
  }

  /** Next unsigned 32-bit integer. */
  next(): number {
    this.#state = (this.#state + 0x9e3779b9) | 0;
    let z = this.#state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 0x1_0000_0000;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError("pick() from an empty list");
    return item;
  }

  /** `count` distinct items, in the order of `items`. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const wanted = Math.min(count, items.length);
    while (chosen.size < wanted) chosen.add(this.int(0, items.length - 1));
    return [...chosen]
      .sort((a, b) => a - b)
      .flatMap((i) => {
        const item = items[i];
        return item === undefined ? [] : [item];
      });
  }

  /** Lowercase hex string of `length` characters (image hashes). */
  hex(length: number): string {
    let out = "";
    while (out.length < length) out += this.next().toString(16).padStart(8, "0");
    return out.slice(0, length);
  }

  /** String over [A-Za-z0-9] (or the URL-safe alphabet) of `length` characters. */
  text(length: number, urlSafe = false): string {
    const alphabet = urlSafe ? URL_SAFE : ALNUM;
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.next() % alphabet.length];
    return out;
  }

  /** `length` pseudo-random bytes (seeds the test keys; never a real secret). */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.next() & 0xff;
    return out;
  }

  /** A snowflake for the given creation time, with seeded worker/process ids. */
  snowflake(at: Date): string {
    this.#increment = (this.#increment + 1) & 0xfff;
    const workerId = this.int(0, 31);
    const processId = this.int(0, 31);
    return dateToSnowflake(at, { workerId, processId, increment: this.#increment });
  }

  /** A date between two dates. */
  dateBetween(from: Date, to: Date): Date {
    return new Date(from.getTime() + Math.floor(this.float() * (to.getTime() - from.getTime())));
  }
}
