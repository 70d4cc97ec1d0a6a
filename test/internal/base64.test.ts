import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64Url, fromHex, toHex } from "../../src/internal/base64.js";

const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));

describe("base64", () => {
  it("decodes with or without padding, in both alphabets", () => {
    expect(text(decodeBase64("MTk4NjIyNDgzNDcxOTI1MjQ4"))).toBe("198622483471925248");
    expect(text(decodeBase64("MTIz"))).toBe("123");
    expect(text(decodeBase64("MTI"))).toBe("12");
    expect(text(decodeBase64("MTI="))).toBe("12");
    expect(text(decodeBase64("MQ"))).toBe("1");
    expect(text(decodeBase64("MQ=="))).toBe("1");
    expect([...decodeBase64("-_8")!]).toEqual([0xfb, 0xff]);
    expect([...decodeBase64("+/8=")!]).toEqual([0xfb, 0xff]);
    expect(decodeBase64("")).toEqual(new Uint8Array());
  });

  it("rejects junk, bad lengths, misplaced padding and stray bits", () => {
    for (const bad of ["M", "MTIzN", "MT!z", "M===", "MQ=", "=MTI", "MR", "MTI=x", "é"]) {
      expect(decodeBase64(bad)).toBeNull();
    }
  });

  it("round-trips base64url", () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const encoded = encodeBase64Url(bytes);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64(encoded)).toEqual(bytes);
    }
  });

  it("hex", () => {
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe("000fff");
    expect(fromHex("000fFf", 3)).toEqual(new Uint8Array([0, 15, 255]));
    for (const bad of ["000ff", "000fff0", "000fgf", "0x0fff", "00 fff", "０00fff"])
      expect(fromHex(bad, 3)).toBeNull();
  });
});
