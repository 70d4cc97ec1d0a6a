/**
 * The OAuth2 `state` parameter: an unguessable value issued with the authorization URL and checked
 * when Discord redirects back, so a callback cannot be forged across sites.
 *
 * @see https://discord.com/developers/docs/topics/oauth2#state-and-security
 * @module
 */
import { encodeBase64Url } from "../internal/base64.js";

const STATE_BYTES = 32;
const encoder = new TextEncoder();

/**
 * A fresh `state` value: 256 random bits from WebCrypto, as 43 base64url characters (safe in a URL and
 * in a cookie). Store it with the user's session and pass it to `buildAuthorizationUrl`.
 */
export function generateState(): string {
  return encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(STATE_BYTES)));
}

/**
 * Compares two strings in time that depends only on their lengths, never on where they first differ.
 * Returns `false` (rather than throwing) when either side is not a string.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  if (typeof a !== "string" || typeof b !== "string") return false;
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  const length = Math.max(left.length, right.length);
  let diff = left.length ^ right.length;
  for (let i = 0; i < length; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}

/**
 * Whether the `state` that came back with a redirect is the one that was issued, compared in
 * constant time. A missing (`null`/`undefined`) or empty received state never matches.
 */
export function verifyState(received: string | null | undefined, expected: string): boolean {
  if (typeof expected !== "string" || expected.length === 0)
    throw new TypeError("expected state must be a non-empty string");
  if (typeof received !== "string" || received.length === 0) return false;
  return timingSafeEqual(received, expected);
}
