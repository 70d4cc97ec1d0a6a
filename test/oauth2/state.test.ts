import { describe, expect, it } from "vitest";
import { generateState, timingSafeEqual, verifyState } from "../../src/oauth2/state.js";

describe("generateState", () => {
  it("returns 43 base64url characters (256 bits)", () => {
    expect(generateState()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("never repeats", () => {
    const states = new Set(Array.from({ length: 1000 }, generateState));
    expect(states.size).toBe(1000);
  });
});

describe("timingSafeEqual / verifyState", () => {
  it("matches equal strings only", () => {
    expect(timingSafeEqual("abc", "abc")).toBe(true);
    expect(timingSafeEqual("abc", "abd")).toBe(false);
    expect(timingSafeEqual("abc", "abcd")).toBe(false);
    expect(timingSafeEqual("", "")).toBe(true);
    expect(timingSafeEqual("é", "e\u0301")).toBe(false);
    expect(timingSafeEqual(1 as never, "1")).toBe(false);
  });

  it("verifies a returned state", () => {
    const state = generateState();
    expect(verifyState(state, state)).toBe(true);
    expect(verifyState(`${state}x`, state)).toBe(false);
    expect(verifyState(state.slice(1), state)).toBe(false);
    expect(verifyState(null, state)).toBe(false);
    expect(verifyState(undefined, state)).toBe(false);
    expect(verifyState("", state)).toBe(false);
  });

  it("refuses to compare against an empty expected state", () => {
    expect(() => verifyState("", "")).toThrow(TypeError);
  });
});
