import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { computePkceChallenge, createPkcePair } from "../../src/oauth2/pkce.js";

describe("PKCE", () => {
  it("computes RFC 7636 appendix B's challenge from its verifier", async () => {
    await expect(computePkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).resolves.toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("creates a pair whose challenge is the S256 of its verifier", async () => {
    const pair = await createPkcePair();
    expect(pair.method).toBe("S256");
    expect(pair.verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(pair.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(computePkceChallenge(pair.verifier)).resolves.toBe(pair.challenge);
  });

  it("honours the length option at both bounds", async () => {
    for (const length of [43, 44, 45, 46, 100, 128]) {
      const pair = await createPkcePair({ length });
      expect(pair.verifier).toHaveLength(length);
      expect(pair.verifier).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it("creates different verifiers each time", async () => {
    const verifiers = new Set<string>();
    for (let i = 0; i < 50; i++) verifiers.add((await createPkcePair()).verifier);
    expect(verifiers.size).toBe(50);
  });

  it("rejects lengths outside 43..128", async () => {
    for (const length of [42, 129, 50.5, Number.NaN]) {
      await expect(createPkcePair({ length })).rejects.toThrow(RangeError);
    }
  });

  it("rejects verifiers RFC 7636 does not allow", async () => {
    for (const verifier of [
      "a".repeat(42),
      "a".repeat(129),
      `${"a".repeat(42)}+`,
      `${"a".repeat(42)} `,
      42 as never,
    ]) {
      await expect(computePkceChallenge(verifier)).rejects.toThrow(RangeError);
    }
    await expect(computePkceChallenge(`${"a".repeat(40)}-._~`)).resolves.toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("never shows the verifier in text or inspect output, but keeps it for the exchange", async () => {
    const pair = await createPkcePair();
    for (const shown of [String(pair), `${pair}`, inspect(pair, { showHidden: true, depth: 4 })]) {
      expect(shown).not.toContain(pair.verifier);
      expect(shown).toContain(pair.challenge);
    }
    expect({ ...pair }).toEqual({ verifier: pair.verifier, challenge: pair.challenge, method: "S256" });
  });
});
