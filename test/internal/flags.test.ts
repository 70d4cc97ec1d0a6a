import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { BitFlags, decimalBits } from "../../src/internal/flags.js";

class Sample extends BitFlags {
  static readonly DOO = new Sample(1n);
  static readonly LAA = new Sample(2n);
  static readonly HIGH = new Sample(1n << 40n);
  static readonly BOTH = new Sample(3n);
  static readonly LAA_ALIAS = Sample.LAA;
}

class WithNone extends BitFlags {
  static readonly NONE = new WithNone(0n);
  static readonly FOO = new WithNone(1n);
  static readonly BAR = new WithNone(2n);
  static readonly BAZ = new WithNone(4n);
}

describe("BitFlags", () => {
  it("interns equal values and returns declared members", () => {
    expect(Sample.from(1)).toBe(Sample.DOO);
    expect(Sample.from("2")).toBe(Sample.LAA);
    expect(Sample.from(3n)).toBe(Sample.BOTH);
    expect(Sample.from(12n)).toBe(Sample.from(12n));
    expect(Sample.from(Sample.DOO)).toBe(Sample.DOO);
  });

  it("shares one instance per value whichever form it came in, on both sides of 2^53", () => {
    const safe = BigInt(Number.MAX_SAFE_INTEGER);
    for (const bits of [0n, 12n, safe - 1n, safe, safe + 1n, safe + 2n, (1n << 64n) | 4n]) {
      const first = Sample.from(bits);
      expect(first.value).toBe(bits);
      expect(Sample.from(bits.toString())).toBe(first);
      expect(Sample.from(`00${bits}`)).toBe(first);
      expect(Sample.from(first)).toBe(first);
      if (bits <= safe) expect(Sample.from(Number(bits))).toBe(first);
      expect(Sample.from(bits | 1n).difference(Sample.DOO)).toBe(Sample.from(bits & ~1n));
    }
    expect(Sample.from(-0)).toBe(Sample.from(0n));
    expect(Sample.from(safe + 1n)).not.toBe(Sample.from(safe));
  });

  it("keeps bits above 31 and unknown bits", () => {
    const value = Sample.from(((1n << 40n) | (1n << 50n)).toString());
    expect(value.has(Sample.HIGH)).toBe(true);
    expect(value.unknownBits).toBe(1n << 50n);
    expect(value.toJSON()).toBe(((1n << 40n) | (1n << 50n)).toString());
  });

  it("reads decimal strings exactly on both sides of 2^53 and past 2^64", () => {
    for (const text of [
      "0",
      "0008",
      "999999999999999",
      "2251799813685247",
      "9007199254740991",
      "9007199254740992",
      "9007199254740993",
      "18446744073709551615",
      "340282366920938463463374607431768211457",
    ]) {
      expect(decimalBits(text)).toBe(BigInt(text));
      expect(Sample.from(text).value).toBe(BigInt(text));
    }
    for (const bad of ["", "-1", "+1", "1e3", " 1", "1 ", "0x10", "１", "1.0"])
      expect(decimalBits(bad)).toBeNull();
  });

  it("rejects inputs that are not non-negative integers", () => {
    expect(() => Sample.from(-1)).toThrow(RangeError);
    expect(() => Sample.from(1.5)).toThrow(RangeError);
    expect(() => Sample.from(-1n)).toThrow(RangeError);
    expect(() => Sample.from("x1")).toThrow(TypeError);
    expect(() => Sample.from("")).toThrow(TypeError);
  });

  it("names values the way hikari does, with primary names only", () => {
    expect(String(Sample.from(0))).toBe("UNKNOWN 0x0");
    expect(String(Sample.from(4))).toBe("UNKNOWN 0x4");
    expect(String(Sample.from(2n | 4n | 1n))).toBe("DOO|LAA|0x4");
    expect(String(Sample.from(3))).toBe("BOTH");
    expect(String(Sample.LAA_ALIAS)).toBe("LAA");
    expect(String(WithNone.from(0))).toBe("NONE");
    expect(String(WithNone.from(5))).toBe("FOO|BAZ");
  });

  it("iterates set single-bit members in ascending bit order", () => {
    const value = Sample.from((1n << 40n) | 2n | 1n | 8n);
    expect([...value]).toEqual([Sample.DOO, Sample.LAA, Sample.HIGH]);
    expect(value.names).toEqual(["DOO", "LAA", "HIGH"]);
  });

  it("has / any / none", () => {
    const value = Sample.from(3);
    expect(value.has(Sample.DOO, Sample.LAA)).toBe(true);
    expect(value.has(Sample.HIGH)).toBe(false);
    expect(value.has()).toBe(true);
    expect(value.any(Sample.HIGH, Sample.DOO)).toBe(true);
    expect(value.any()).toBe(false);
    expect(value.none(Sample.HIGH)).toBe(true);
    expect(value.none()).toBe(true);
  });

  it("set operations return new interned values and never mutate", () => {
    const a = Sample.DOO;
    expect(a.union(Sample.LAA)).toBe(Sample.BOTH);
    expect(a.value).toBe(1n);
    expect(Sample.BOTH.intersection(Sample.LAA)).toBe(Sample.LAA);
    expect(Sample.BOTH.difference(Sample.LAA)).toBe(Sample.DOO);
    expect(Sample.BOTH.symmetricDifference(3n).isEmpty).toBe(true);
    expect(Sample.from(3n | (1n << 50n)).isDisjoint(1n << 40n)).toBe(true);
  });

  it("invert drops unknown bits", () => {
    expect(WithNone.BAR.invert()).toBe(WithNone.from(5));
    expect(WithNone.from(2n | 64n).invert()).toBe(WithNone.from(5));
  });

  it("subset and superset read the way their names say", () => {
    expect(Sample.DOO.isSubsetOf(Sample.BOTH)).toBe(true);
    expect(Sample.BOTH.isSubsetOf(Sample.DOO)).toBe(false);
    expect(Sample.BOTH.isSupersetOf(Sample.DOO)).toBe(true);
  });

  it("compares with flags, bigints and numbers", () => {
    expect(Sample.BOTH.equals(3n)).toBe(true);
    expect(Sample.BOTH.equals(3)).toBe(true);
    expect(Sample.BOTH.equals(WithNone.from(3))).toBe(true);
    expect(Sample.BOTH.equals("3")).toBe(false);
    expect(Sample.BOTH.valueOf() | 4n).toBe(7n);
  });

  it("lists members and looks them up by name, aliases included", () => {
    expect([...Sample.members().keys()]).toEqual(["DOO", "LAA", "HIGH", "BOTH", "LAA_ALIAS"]);
    expect(Sample.byName("LAA_ALIAS")).toBe(Sample.LAA);
    expect(Sample.byName("nope")).toBeUndefined();
    expect(Sample.all().value).toBe(3n | (1n << 40n));
  });

  it("inspects readably", () => {
    expect(inspect(Sample.from(5))).toBe("Sample<DOO|0x4>(5)");
  });
});
