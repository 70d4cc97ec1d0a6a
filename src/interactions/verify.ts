/**
 * Checking the Ed25519 signature Discord puts on every request it sends to an app's interactions
 * endpoint URL (`X-Signature-Ed25519` over `X-Signature-Timestamp` + raw body), with WebCrypto only.
 *
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 * @module
 */
import { fromHex, toHex } from "../internal/base64.js";

/** What {@link verifyInteractionSignature} checks. */
export interface InteractionSignatureOptions {
  /**
   * The application's public key (`Application.publicKey`, or the portal's "Public Key" as 64 hex
   * characters), or an Ed25519 `CryptoKey` imported already.
   */
  readonly publicKey: Uint8Array | string | CryptoKey;
  /** The `X-Signature-Ed25519` header: 128 hex characters (or the 64 signature bytes). */
  readonly signature: string | Uint8Array | null | undefined;
  /** The `X-Signature-Timestamp` header: Unix time in seconds, as Discord sent it. */
  readonly timestamp: string | null | undefined;
  /** The raw request body, exactly as received (not re-serialized JSON). */
  readonly body: string | Uint8Array | ArrayBuffer;
  /**
   * How far, in seconds, the timestamp may lie from now, in either direction, before the request is
   * refused as a replay (or from a badly wrong clock). Defaults to 300; `Infinity` turns the check off.
   */
  readonly maxAgeSeconds?: number;
  /** The current time (a `Date` or milliseconds since the epoch), for tests. Defaults to `Date.now()`. */
  readonly now?: Date | number;
}

const KEY_CACHE_LIMIT = 64;
const keyCache = new Map<string, Promise<CryptoKey | null>>();
const byteKeyCache = new WeakMap<
  Uint8Array,
  { readonly bytes: Uint8Array; readonly key: Promise<CryptoKey | null> }
>();
const encoder = new TextEncoder();
function importPublicKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey | null> {
  return globalThis.crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]).then(
    (key) => key,
    () => null,
  );
}

function cachedKey(publicKey: Uint8Array | string): Promise<CryptoKey | null> | null {
  if (typeof publicKey === "string") {
    const hit = keyCache.get(publicKey);
    if (hit) return hit;
    const raw = fromHex(publicKey, 32);
    return raw === null ? null : storeKey(publicKey, raw);
  }
  if (publicKey instanceof Uint8Array && publicKey.length === 32) {
    const seen = byteKeyCache.get(publicKey);
    if (seen && sameBytes(seen.bytes, publicKey)) return seen.key;
    const cacheKey = toHex(publicKey);
    const raw = publicKey.slice();
    const key = keyCache.get(cacheKey) ?? storeKey(cacheKey, raw);
    byteKeyCache.set(publicKey, { bytes: raw, key });
    return key;
  }
  return null;
}

function storeKey(cacheKey: string, raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey | null> {
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value!);
  const imported = importPublicKey(raw);
  keyCache.set(cacheKey, imported);
  return imported;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

function nowMs(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  return now instanceof Date ? now.getTime() : now;
}

function signedMessage(
  timestamp: string,
  body: string | Uint8Array | ArrayBuffer,
): Uint8Array<ArrayBuffer> | null {
  if (typeof body === "string") return encoder.encode(timestamp + body);
  const bytes = body instanceof Uint8Array ? body : body instanceof ArrayBuffer ? new Uint8Array(body) : null;
  if (bytes === null) return null;
  const message = new Uint8Array(timestamp.length + bytes.length);
  encoder.encodeInto(timestamp, message);
  message.set(bytes, timestamp.length);
  return message;
}

/**
 * Whether a request to the interactions endpoint really comes from Discord: its Ed25519 signature over
 * `timestamp + body` verifies with the application's public key, and its timestamp lies within
 * `maxAgeSeconds` of now (so a captured request cannot be replayed later).
 *
 * Never throws and never rejects: a missing header, bad hex, a key or signature of the wrong length, a
 * body of the wrong type or a failing crypto call all give `false`. Imported keys are cached per key
 * (up to 64 keys), so repeated checks with the same key skip the import.
 *
 * Answer `401` when this resolves to `false`; Discord probes endpoints with bad signatures and expects it.
 *
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
export async function verifyInteractionSignature(options: InteractionSignatureOptions): Promise<boolean> {
  try {
    const { publicKey, signature, timestamp, body } = options;
    if (typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return false;
    const maxAgeSeconds = options.maxAgeSeconds ?? 300;
    if (!(maxAgeSeconds >= 0)) return false;
    const ageMs = nowMs(options.now) - Number(timestamp) * 1000;
    if (!(Math.abs(ageMs) <= maxAgeSeconds * 1000)) return false;

    const sig =
      typeof signature === "string"
        ? fromHex(signature, 64)
        : signature instanceof Uint8Array && signature.length === 64
          ? new Uint8Array(signature)
          : null;
    if (sig === null) return false;
    const message = signedMessage(timestamp, body);
    if (message === null) return false;

    const key =
      typeof publicKey === "string" || publicKey instanceof Uint8Array
        ? await cachedKey(publicKey)
        : publicKey;
    if (!key || typeof key !== "object" || !("algorithm" in key)) return false;
    return await globalThis.crypto.subtle.verify("Ed25519", key, sig, message);
  } catch {
    return false;
  }
}
