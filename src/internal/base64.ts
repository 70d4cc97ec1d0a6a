/**
 * Base64, base64url and hex without `Buffer`, for every runtime.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  LOOKUP[ALPHABET.charCodeAt(i)] = i;
  LOOKUP[URL_ALPHABET.charCodeAt(i)] = i;
}

/** Encodes bytes as base64url without padding (RFC 4648 §5), as PKCE and state values use. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      URL_ALPHABET[n >> 18]! +
      URL_ALPHABET[(n >> 12) & 63]! +
      URL_ALPHABET[(n >> 6) & 63]! +
      URL_ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += URL_ALPHABET[n >> 18]! + URL_ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += URL_ALPHABET[n >> 18]! + URL_ALPHABET[(n >> 12) & 63]! + URL_ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * Decodes base64 or base64url, with or without correct padding. Returns `null` for anything that is
 * not valid: a bad character, a length of 1 mod 4, wrong padding, or non-zero trailing bits.
 */
export function decodeBase64(text: string): Uint8Array | null {
  let end = text.length;
  if (end % 4 === 0 && end > 0) {
    if (text.charCodeAt(end - 1) === 61) end--;
    if (text.charCodeAt(end - 1) === 61) end--;
  } else if (text.includes("=")) {
    return null;
  }
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? LOOKUP[code]! : -1;
    if (digit < 0) return null;
    buffer = ((buffer << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

/** Exactly `length` bytes from `2 * length` hex characters (either case), or `null` for anything else. */
export function fromHex(text: string, length: number): Uint8Array<ArrayBuffer> | null {
  if (text.length !== length * 2) return null;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const high = text.charCodeAt(2 * i);
    const low = text.charCodeAt(2 * i + 1);
    const h = high < 128 ? (HEX[high] as number) : -1;
    const l = low < 128 ? (HEX[low] as number) : -1;
    if ((h | l) < 0) return null;
    out[i] = (h << 4) | l;
  }
  return out;
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}
