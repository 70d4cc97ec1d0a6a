import { describe, expect, it } from "vitest";
import { getTokenId } from "../src/tokens.js";

function rejects(token: string): RangeError {
  let caught: unknown;
  try {
    getTokenId(token);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RangeError);
  expect((caught as RangeError).message).toBe("Unexpected token format");
  return caught as RangeError;
}

describe("getTokenId", () => {
  it("reads the bot ID of the docs' example token", () => {
    expect(getTokenId("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs")).toBe(
      "198622483471925248",
    );
    expect(getTokenId("MTk4NjIyNDgzNDcxOTI1MjQ4")).toBe("198622483471925248");
  });

  it("reads hikari's pinned examples", () => {
    expect(getTokenId("MTE1NTkwMDk3MTAwODY1NTQx.x.y")).toBe("115590097100865541");
    expect(getTokenId("NDMxMjMxMjMxMjM.blam.bop")).toBe("43123123123");
    expect(getTokenId("MTIzNA==.x")).toBe("1234");
    expect(getTokenId("MTIz")).toBe("123");
  });

  it("accepts a first segment with or without correct padding", () => {
    expect(getTokenId("MTIzNA.x")).toBe("1234");
    expect(getTokenId("MTIzNA==.x")).toBe("1234");
    expect(getTokenId("NDMxMjMxMjMxMjM=.x")).toBe("43123123123");
    expect(getTokenId("MTIzNDU.x")).toBe("12345");
    expect(getTokenId("MTIzNDU=.x")).toBe("12345");
  });

  it("rejects wrong padding, including hikari's len % 4 formula", () => {
    rejects("NDMxMjMxMjMxMjM===.x");
    rejects("MTIzNA=.x");
    rejects("MTIzNA===.x");
    rejects("=MTIz.x");
  });

  it("returns a string snowflake, the largest one included", () => {
    const max = btoa("9223372036854775807").replace(/=+$/, "");
    expect(getTokenId(`${max}.a.b`)).toBe("9223372036854775807");
    expect(getTokenId("MA.a.b")).toBe("0");
  });

  it("treats - and _ as base64url digits, not as skipped junk", () => {
    rejects("______.222222.dessddssd");
    rejects("MT_z.x");
    rejects("MT-z.x");
  });

  it("rejects junk, non-digits and a single data character", () => {
    rejects("");
    rejects(".abc");
    rejects("b2tva29r.b2tva29r.b2tva29r");
    rejects("M.abc");
    rejects("MTIz!!.x");
    rejects("IDEyMyA.x");
    rejects("MV8y.x");
    rejects("LTU.x");
    rejects("MDEy.x");
    rejects(`${btoa("9223372036854775808")}.x`);
    rejects(`${btoa("123456789012345678901")}.x`);
    rejects("8J+YgA.x");
  });

  it("never puts the token in the error", () => {
    const token = "b2tva29r.secretpart.moresecret";
    const error = rejects(token);
    expect(String(error)).not.toContain("secret");
    expect(String(error)).not.toContain("b2tva29r");
  });

  it("throws TypeError for a value that is not a string", () => {
    expect(() => getTokenId(123 as unknown as string)).toThrow(TypeError);
    expect(() => getTokenId(null as unknown as string)).toThrow(TypeError);
    expect(() => getTokenId(undefined as unknown as string)).toThrow(TypeError);
  });
});
