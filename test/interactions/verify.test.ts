import { verifyKey } from "discord-interactions";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyInteractionSignature } from "../../src/interactions/verify.js";

const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const encoder = new TextEncoder();

interface Signer {
  publicKey: Uint8Array<ArrayBuffer>;
  publicHex: string;
  sign(timestamp: string, body: string | Uint8Array): Promise<string>;
}

async function makeSigner(): Promise<Signer> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return {
    publicKey,
    publicHex: toHex(publicKey),
    async sign(timestamp, body) {
      const bodyBytes = typeof body === "string" ? encoder.encode(body) : body;
      const message = new Uint8Array([...encoder.encode(timestamp), ...bodyBytes]);
      return toHex(new Uint8Array(await crypto.subtle.sign("Ed25519", pair.privateKey, message)));
    },
  };
}

const body = JSON.stringify({ type: 1, id: "1", application_id: "2", token: "t", version: 1 });
const nowSeconds = 1_764_000_000;
const now = new Date(nowSeconds * 1000);
const timestamp = String(nowSeconds);

describe("verifyInteractionSignature", () => {
  let signer: Signer;
  let other: Signer;
  let signature: string;

  beforeAll(async () => {
    signer = await makeSigner();
    other = await makeSigner();
    signature = await signer.sign(timestamp, body);
  });

  it("accepts a valid signature with a hex key, a byte key, upper-case hex and byte bodies", async () => {
    const base = { signature, timestamp, body, now };
    expect(await verifyInteractionSignature({ ...base, publicKey: signer.publicHex })).toBe(true);
    expect(await verifyInteractionSignature({ ...base, publicKey: signer.publicKey })).toBe(true);
    expect(await verifyInteractionSignature({ ...base, publicKey: signer.publicHex.toUpperCase() })).toBe(
      true,
    );
    expect(
      await verifyInteractionSignature({ ...base, publicKey: signer.publicKey, body: encoder.encode(body) }),
    ).toBe(true);
    expect(
      await verifyInteractionSignature({
        ...base,
        publicKey: signer.publicKey,
        body: encoder.encode(body).buffer,
      }),
    ).toBe(true);
    expect(
      await verifyInteractionSignature({
        ...base,
        publicKey: signer.publicHex,
        signature: signature.toUpperCase(),
      }),
    ).toBe(true);
  });

  it("accepts a signature given as bytes and an imported CryptoKey", async () => {
    const key = await crypto.subtle.importKey("raw", signer.publicKey, { name: "Ed25519" }, false, [
      "verify",
    ]);
    const sigBytes = Uint8Array.from(signature.match(/../g)!, (h) => Number.parseInt(h, 16));
    expect(
      await verifyInteractionSignature({ publicKey: key, signature: sigBytes, timestamp, body, now }),
    ).toBe(true);
  });

  it("agrees with discord-interactions' verifyKey on a valid request", async () => {
    expect(await verifyKey(body, signature, timestamp, signer.publicHex)).toBe(true);
    expect(
      await verifyInteractionSignature({ publicKey: signer.publicHex, signature, timestamp, body, now }),
    ).toBe(true);
  });

  it("rejects a tampered body, a tampered timestamp and a wrong key", async () => {
    const base = { publicKey: signer.publicHex, signature, timestamp, body, now };
    expect(await verifyInteractionSignature({ ...base, body: body.replace('"type":1', '"type":2') })).toBe(
      false,
    );
    expect(await verifyInteractionSignature({ ...base, body: `${body} ` })).toBe(false);
    expect(await verifyInteractionSignature({ ...base, timestamp: String(nowSeconds + 1) })).toBe(false);
    expect(await verifyInteractionSignature({ ...base, publicKey: other.publicHex })).toBe(false);
    expect(await verifyInteractionSignature({ ...base, publicKey: other.publicKey })).toBe(false);
  });

  it("rejects a signature with one flipped bit", async () => {
    const flipped = (Number.parseInt(signature[0]!, 16) ^ 1).toString(16) + signature.slice(1);
    expect(
      await verifyInteractionSignature({
        publicKey: signer.publicHex,
        signature: flipped,
        timestamp,
        body,
        now,
      }),
    ).toBe(false);
  });

  it("rejects stale and future timestamps, with a configurable window", async () => {
    const old = String(nowSeconds - 301);
    const oldSig = await signer.sign(old, body);
    const base = { publicKey: signer.publicHex, body, now };
    expect(await verifyInteractionSignature({ ...base, signature: oldSig, timestamp: old })).toBe(false);
    expect(
      await verifyInteractionSignature({ ...base, signature: oldSig, timestamp: old, maxAgeSeconds: 400 }),
    ).toBe(true);
    expect(
      await verifyInteractionSignature({
        ...base,
        signature: oldSig,
        timestamp: old,
        maxAgeSeconds: Infinity,
      }),
    ).toBe(true);

    const edge = String(nowSeconds - 300);
    expect(
      await verifyInteractionSignature({
        ...base,
        signature: await signer.sign(edge, body),
        timestamp: edge,
      }),
    ).toBe(true);

    const future = String(nowSeconds + 3600);
    const futureSig = await signer.sign(future, body);
    expect(await verifyInteractionSignature({ ...base, signature: futureSig, timestamp: future })).toBe(
      false,
    );

    const ancient = "978307200";
    const ancientSig = await signer.sign(ancient, body);
    expect(await verifyKey(body, ancientSig, ancient, signer.publicHex)).toBe(true);
    expect(await verifyInteractionSignature({ ...base, signature: ancientSig, timestamp: ancient })).toBe(
      false,
    );
  });

  it("uses the real clock when now is not given", async () => {
    const current = String(Math.floor(Date.now() / 1000));
    const sig = await signer.sign(current, body);
    expect(
      await verifyInteractionSignature({
        publicKey: signer.publicHex,
        signature: sig,
        timestamp: current,
        body,
      }),
    ).toBe(true);
    expect(
      await verifyInteractionSignature({ publicKey: signer.publicHex, signature, timestamp, body }),
    ).toBe(false);
  });

  it("returns false, never throws, on malformed input", async () => {
    const base = { publicKey: signer.publicHex, signature, timestamp, body, now };
    const cases: Record<string, unknown>[] = [
      { publicKey: "zz".repeat(32) },
      { publicKey: signer.publicHex.slice(2) },
      { publicKey: `${signer.publicHex}00` },
      { publicKey: signer.publicKey.slice(1) },
      { publicKey: new Uint8Array(33) },
      { publicKey: null },
      { publicKey: 42 },
      { publicKey: {} },
      { signature: signature.slice(2) },
      { signature: `${signature}00` },
      { signature: `x${signature.slice(1)}` },
      { signature: "" },
      { signature: null },
      { signature: undefined },
      { signature: new Uint8Array(63) },
      { timestamp: "" },
      { timestamp: null },
      { timestamp: "12a" },
      { timestamp: "-1" },
      { timestamp: " 1764000000" },
      { timestamp: 1764000000 },
      { body: null },
      { body: 42 },
      { body: { type: 1 } },
      { maxAgeSeconds: -1 },
      { maxAgeSeconds: Number.NaN },
      { now: Number.NaN },
      { now: new Date(Number.NaN) },
    ];
    for (const patch of cases) {
      await expect(verifyInteractionSignature({ ...base, ...patch } as never)).resolves.toBe(false);
    }
    await expect(verifyInteractionSignature(null as never)).resolves.toBe(false);
    await expect(verifyInteractionSignature(undefined as never)).resolves.toBe(false);
  });

  it("keeps verifying correctly when a cached key buffer is mutated afterwards", async () => {
    const key = signer.publicKey.slice();
    expect(await verifyInteractionSignature({ publicKey: key, signature, timestamp, body, now })).toBe(true);
    key.set(other.publicKey);
    expect(await verifyInteractionSignature({ publicKey: key, signature, timestamp, body, now })).toBe(false);
    expect(
      await verifyInteractionSignature({
        publicKey: key,
        signature: await other.sign(timestamp, body),
        timestamp,
        body,
        now,
      }),
    ).toBe(true);
  });

  it("verifies with many different keys (beyond the key cache size)", async () => {
    const signers = await Promise.all(Array.from({ length: 70 }, makeSigner));
    for (const s of signers) {
      const sig = await s.sign(timestamp, body);
      expect(
        await verifyInteractionSignature({ publicKey: s.publicHex, signature: sig, timestamp, body, now }),
      ).toBe(true);
    }
    expect(
      await verifyInteractionSignature({ publicKey: signer.publicHex, signature, timestamp, body, now }),
    ).toBe(true);
  });
});
