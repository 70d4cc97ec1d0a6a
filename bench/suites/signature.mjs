// 5. Interaction signature verification on the same Ed25519 key, bodies and signatures.
import { verifyKey } from "discord-interactions";
import { check, timeSides } from "../lib/measure.mjs";
import * as P from "../payloads.mjs";

const toHex = (bytes) => Buffer.from(bytes).toString("hex");

/** A realistic APPLICATION_COMMAND interaction body, signed the way Discord signs it. */
async function fixture() {
  const { subtle } = globalThis.crypto;
  const keys = await subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const publicKeyRaw = new Uint8Array(await subtle.exportKey("raw", keys.publicKey));
  const app = P.application(3);
  const caller = P.authorization(3).user;
  const body = JSON.stringify({
    app_permissions: "2251799813685247",
    application_id: app.id,
    authorizing_integration_owners: { 0: app.guild_id },
    channel_id: app.primary_sku_id,
    context: 0,
    data: { id: app.id, name: "ping", type: 1, options: [{ name: "text", type: 3, value: "hello" }] },
    entitlements: [],
    guild_id: app.guild_id,
    guild_locale: "en-US",
    id: app.team.id,
    locale: "en-US",
    member: { user: caller, roles: [], joined_at: "2024-02-01T10:00:00.000000+00:00", permissions: "8" },
    token: "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OjBhYmNkZWY",
    type: 2,
    version: 1,
  });
  const timestamp = String(Math.floor(Date.UTC(2026, 10, 25, 12, 0, 0) / 1000));
  const message = new TextEncoder().encode(timestamp + body);
  const signature = toHex(new Uint8Array(await subtle.sign({ name: "Ed25519" }, keys.privateKey, message)));
  return {
    publicKeyRaw,
    publicKeyHex: toHex(publicKeyRaw),
    publicKey: keys.publicKey,
    body,
    timestamp,
    signature,
    message,
    signatureBytes: Uint8Array.from(Buffer.from(signature, "hex")),
  };
}

export async function runSignature({ ours }, log) {
  const fx = await fixture();
  const isTrue = (side) => (v) => check(v === true, `${side} accepts a valid signature`);
  const sides = {
    "discord-interactions (hex key)": () => verifyKey(fx.body, fx.signature, fx.timestamp, fx.publicKeyHex),
    "discord-interactions (CryptoKey)": () => verifyKey(fx.body, fx.signature, fx.timestamp, fx.publicKey),
    // The floor: WebCrypto's verify alone, on a pre-imported key and pre-decoded signature and message.
    floor: () =>
      globalThis.crypto.subtle.verify({ name: "Ed25519" }, fx.publicKey, fx.signatureBytes, fx.message),
  };
  const verify = {
    "discord-interactions (hex key)": isTrue("discord-interactions"),
    "discord-interactions (CryptoKey)": isTrue("discord-interactions"),
    ours: isTrue("ours"),
    floor: isTrue("WebCrypto"),
  };
  const ourVerify = ours.lib.verifyInteractionSignature;
  const ourCall = (signature) =>
    ourVerify({
      publicKey: fx.publicKeyHex,
      signature,
      timestamp: fx.timestamp,
      body: fx.body,
      now: Number(fx.timestamp) * 1000,
    });
  if (ourVerify) sides.ours = () => ourCall(fx.signature);
  // A wrong signature must be rejected by everyone, or the comparison is meaningless.
  const bad = fx.signature.replace(/^./, (c) => (c === "0" ? "1" : "0"));
  check(
    (await verifyKey(fx.body, bad, fx.timestamp, fx.publicKeyHex)) === false,
    "peer rejects a bad signature",
  );
  if (ourVerify) check((await ourCall(bad)) === false, "ours rejects a bad signature");

  const results = await timeSides(sides, verify);
  const row = {
    id: "signature.verify",
    label: `verify one ${fx.body.length}-byte interaction`,
    unit: "ns",
    floorLabel: "floor",
    results,
  };
  log?.(row, results);
  return [row];
}
