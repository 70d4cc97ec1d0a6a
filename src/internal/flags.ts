/**
 * The base of every bit-field class (`ApplicationFlags`, `Permissions`, `UserFlags`, ...).
 *
 * A subclass declares its members as static instances, primary names first and aliases after them:
 *
 * ```ts
 * class Example extends BitFlags {
 *   static readonly A = new Example(1n);
 *   static readonly B = new Example(2n);
 *   static readonly B_ALIAS = new Example(2n); // same bit: an alias, never printed
 * }
 * ```
 *
 * The member table is read once from the class's static properties, in declaration order.
 */
import { INSPECT } from "./inspect.js";

const CACHE_LIMIT = 4096;
const MAX_SAFE_BITS = BigInt(Number.MAX_SAFE_INTEGER);

/** The interning key of `value`: a number while exact (V8 hashes it faster than a bigint), else the bigint. */
function keyOf(value: bigint): number | bigint {
  return value <= MAX_SAFE_BITS ? Number(value) : value;
}

/** What a flag operation accepts: another flag value, a bigint, a safe integer or a decimal string. */
export type FlagInput = BitFlags | bigint | number | string;

interface Member {
  readonly name: string;
  readonly value: bigint;
}

interface Table {
  /** Every declared member (aliases included), in declaration order. */
  readonly members: readonly Member[];
  /** Name → value, aliases included. */
  readonly byName: ReadonlyMap<string, bigint>;
  /** The OR of every declared member. */
  readonly all: bigint;
  /** Primary name of each single-bit member, ascending by bit. */
  readonly bits: readonly Member[];
  /** Primary name of each declared value (aliases skipped). */
  readonly primary: ReadonlyMap<bigint, string>;
  /** Interned instances by value: a number key up to `Number.MAX_SAFE_INTEGER`, a bigint above. */
  readonly cache: Map<number | bigint, BitFlags>;
}

type AnyClass = abstract new (...args: never) => unknown;

/** Where each flag class keeps its table: a plain property read is cheaper than a WeakMap lookup. */
const TABLE = Symbol("BitFlags.table");
type WithTable = AnyClass & { [TABLE]?: Table & { readonly owner: AnyClass } };

function tableOf(ctor: AnyClass): Table {
  const cached = (ctor as WithTable)[TABLE];
  // A subclass would see its parent's table through the prototype chain: check who owns it.
  if (cached !== undefined && cached.owner === ctor) return cached;
  const members: Member[] = [];
  const byName = new Map<string, bigint>();
  const primary = new Map<bigint, string>();
  const cache = new Map<number | bigint, BitFlags>();
  let all = 0n;
  for (const name of Object.getOwnPropertyNames(ctor)) {
    if (name === "prototype") continue;
    const member = (ctor as unknown as Record<string, unknown>)[name];
    if (!(member instanceof BitFlags) || member.constructor !== ctor) continue;
    members.push({ name, value: member.value });
    byName.set(name, member.value);
    all |= member.value;
    if (!primary.has(member.value)) {
      primary.set(member.value, name);
      cache.set(keyOf(member.value), member);
    }
  }
  const bits: Member[] = [];
  for (const [value, name] of primary)
    if (value > 0n && (value & (value - 1n)) === 0n) bits.push({ name, value });
  bits.sort((a, b) => (a.value < b.value ? -1 : 1));
  const table = { owner: ctor, members, byName, all, bits, primary, cache };
  Object.defineProperty(ctor, TABLE, { value: table });
  return table;
}

/**
 * The value of a decimal string (ASCII digits only, no sign, no bound) as a number, exact only up to
 * `Number.MAX_SAFE_INTEGER`, or `-1` when it is not one.
 */
function decimalNumber(text: string): number {
  const length = text.length;
  if (length === 0) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The bits of a decimal string (ASCII digits only, no sign, no bound), or `null` when it is not one. While
 * the digits fit a safe integer they are summed as a number: `BigInt` of a number costs about half of
 * parsing the string again.
 */
export function decimalBits(text: string): bigint | null {
  const value = decimalNumber(text);
  if (value < 0) return null;
  return value <= Number.MAX_SAFE_INTEGER ? BigInt(value) : BigInt(text);
}

function toBits(input: FlagInput): bigint {
  if (input instanceof BitFlags) return input.value;
  if (typeof input === "bigint") {
    if (input < 0n) throw new RangeError("A flag value cannot be negative");
    return input;
  }
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input) || input < 0)
      throw new RangeError("A flag value must be a non-negative safe integer");
    return BigInt(input);
  }
  const bits = typeof input === "string" ? decimalBits(input) : null;
  if (bits !== null) return bits;
  throw new TypeError("A flag value must be a flag, a bigint, a non-negative integer or a decimal string");
}

/** Constructor shape shared by every flag class. */
export type FlagClass<T extends BitFlags> = {
  new (value: bigint): T;
  /** The prototype shared by the class's instances. */
  prototype: T;
};

/** Immutable set of bits; see the subclasses for the meaning of each bit. */
export abstract class BitFlags {
  // Flag classes declare no instance fields (`declare` below) and no private members: V8 does not inline a
  // base constructor that initializes fields into a subclass's `super()` call, which made every new flag
  // value cost several times a plain object.
  /** The raw bits. */
  declare readonly value: bigint;

  /**
   * Prefer `Class.from(...)`, which returns shared instances; the constructor exists for member
   * declarations.
   */
  constructor(value: bigint) {
    this.value = value;
  }

  /**
   * The flag value for `input` (bigint, safe integer, decimal string or another flag value). Unknown
   * bits are kept. Equal values share one instance while the cache has room.
   * @throws RangeError for a negative number; TypeError for anything that is not a number.
   */
  static from<T extends BitFlags>(this: FlagClass<T>, input: FlagInput): T {
    // Safe integers (the usual case) are looked up before any bigint is made; each string is read once.
    if (typeof input === "string") {
      const value = decimalNumber(input);
      if (value >= 0) {
        return value <= Number.MAX_SAFE_INTEGER ? internKey(this, value) : intern(this, BigInt(input));
      }
    } else if (typeof input === "number" && Number.isSafeInteger(input) && input >= 0) {
      return internKey(this, input);
    }
    return intern(this, toBits(input));
  }

  /** Every declared member of this class, primary names and aliases, in declaration order. */
  static members<T extends BitFlags>(this: FlagClass<T>): ReadonlyMap<string, T> {
    const out = new Map<string, T>();
    for (const { name, value } of tableOf(this).members) out.set(name, intern(this, value));
    return out;
  }

  /** The member with this name (primary name or alias), or `undefined`. */
  static byName<T extends BitFlags>(this: FlagClass<T>, name: string): T | undefined {
    const value = tableOf(this).byName.get(name);
    return value === undefined ? undefined : intern(this, value);
  }

  /** The OR of every declared member. */
  static all<T extends BitFlags>(this: FlagClass<T>): T {
    return intern(this, tableOf(this).all);
  }

  /** Whether every bit of every argument is set (true with no arguments). */
  has(...flags: FlagInput[]): boolean {
    for (const flag of flags) {
      const bits = toBits(flag);
      if ((this.value & bits) !== bits) return false;
    }
    return true;
  }

  /** Whether all the bits of at least one argument are set. */
  any(...flags: FlagInput[]): boolean {
    for (const flag of flags) {
      const bits = toBits(flag);
      if ((this.value & bits) === bits) return true;
    }
    return false;
  }

  /** Whether no argument has all its bits set (true with no arguments). */
  none(...flags: FlagInput[]): boolean {
    return !this.any(...flags);
  }

  /** Whether no bit of `other` is set here. */
  isDisjoint(other: FlagInput): boolean {
    return (this.value & toBits(other)) === 0n;
  }

  /** This value with the bits of every argument added. */
  union(...flags: FlagInput[]): this {
    let value = this.value;
    for (const flag of flags) value |= toBits(flag);
    return sameClass(this, value);
  }

  /** Only the bits set both here and in `other`. */
  intersection(other: FlagInput): this {
    return sameClass(this, this.value & toBits(other));
  }

  /** This value without the bits of any argument. */
  difference(...flags: FlagInput[]): this {
    let value = this.value;
    for (const flag of flags) value &= ~toBits(flag);
    return sameClass(this, value);
  }

  /** Bits set in exactly one of this value and `other`. */
  symmetricDifference(other: FlagInput): this {
    return sameClass(this, this.value ^ toBits(other));
  }

  /** Every declared bit that is not set here (unknown bits are dropped). */
  invert(): this {
    return sameClass(this, tableOf(this.constructor as AnyClass).all & ~this.value);
  }

  /** Whether every bit set here is also set in `other` (this ⊆ other). */
  isSubsetOf(other: FlagInput): boolean {
    return (this.value & toBits(other)) === this.value;
  }

  /** Whether every bit set in `other` is also set here (this ⊇ other). */
  isSupersetOf(other: FlagInput): boolean {
    const bits = toBits(other);
    return (this.value & bits) === bits;
  }

  /** Whether no bit is set. */
  get isEmpty(): boolean {
    return this.value === 0n;
  }

  /** The known single-bit members that are set, ascending by bit. Unknown bits are left out. */
  *[Symbol.iterator](): IterableIterator<this> {
    for (const member of tableOf(this.constructor as AnyClass).bits) {
      if ((this.value & member.value) !== 0n) yield sameClass(this, member.value);
    }
  }

  /** Primary names of the known single-bit members that are set, ascending by bit. */
  get names(): string[] {
    const out: string[] = [];
    for (const member of tableOf(this.constructor as AnyClass).bits)
      if ((this.value & member.value) !== 0n) out.push(member.name);
    return out;
  }

  /** The bits that no declared member covers. */
  get unknownBits(): bigint {
    return this.value & ~tableOf(this.constructor as AnyClass).all;
  }

  /** Whether `other` holds exactly the same bits (a flag of any class, a bigint, an integer or a decimal string). */
  equals(other: unknown): boolean {
    if (other instanceof BitFlags) return other.value === this.value;
    if (typeof other === "bigint") return other === this.value;
    if (typeof other === "number") return Number.isSafeInteger(other) && BigInt(other) === this.value;
    return false;
  }

  /**
   * hikari's flag name: the member's name for a declared value, else the set bits' primary names joined
   * with `|` in ascending order followed by `0x…` for unknown bits, or `UNKNOWN 0x…` when no known bit is set.
   */
  toString(): string {
    const table = tableOf(this.constructor as AnyClass);
    const exact = table.primary.get(this.value);
    if (exact !== undefined) return exact;
    const names: string[] = [];
    let rest = this.value;
    for (const member of table.bits) {
      if ((rest & member.value) !== 0n) {
        names.push(member.name);
        rest &= ~member.value;
      }
    }
    if (names.length === 0) return `UNKNOWN 0x${rest.toString(16)}`;
    if (rest !== 0n) names.push(`0x${rest.toString(16)}`);
    return names.join("|");
  }

  /** The decimal string Discord uses for bit fields. */
  toJSON(): string {
    return this.value.toString();
  }

  /** The bits as a bigint, so `flags.valueOf() | 4n` works. */
  valueOf(): bigint {
    return this.value;
  }

  /** Node's `util.inspect` output: `ApplicationFlags<EMBEDDED|0x1>(131073)`. */
  [INSPECT](): string {
    return `${this.constructor.name}<${this.toString()}>(${this.value})`;
  }
}

/** The value of `flags`'s class with these bits. */
function sameClass<T extends BitFlags>(flags: T, value: bigint): T {
  return intern(flags.constructor as FlagClass<T>, value);
}

function intern<T extends BitFlags>(ctor: FlagClass<T>, value: bigint): T {
  return internKey(ctor, keyOf(value), value);
}

/**
 * The shared instance for the interning key `key` (see {@link keyOf}), made on first use from `value`
 * (when the caller has the bigint already) or from the key.
 */
function internKey<T extends BitFlags>(ctor: FlagClass<T>, key: number | bigint, value?: bigint): T {
  const cache = tableOf(ctor).cache;
  let flag = cache.get(key) as T | undefined;
  if (flag === undefined) {
    flag = new ctor(value ?? BigInt(key));
    if (cache.size < CACHE_LIMIT) cache.set(key, flag);
  }
  return flag;
}
