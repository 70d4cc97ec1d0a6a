// Signed, HTTP-only cookies for the demo: the value is readable JSON, and an HMAC-SHA256 signature
// (WebCrypto) proves the server wrote it. Signed is not encrypted, so keep only what the browser may
// see (a session ID, the OAuth2 state and PKCE verifier of a login in progress), never tokens.

const encoder = new TextEncoder();

function toBase64Url(bytes) {
  return Buffer.from(bytes).toString("base64url");
}

function fromBase64Url(text) {
  return /^[A-Za-z0-9_-]*$/.test(text) ? new Uint8Array(Buffer.from(text, "base64url")) : null;
}

/**
 * Creates a signer bound to one secret key.
 * @param {string | Uint8Array} secret at least 32 bytes of key material (a random key per process is fine for a demo)
 */
export async function createCookieSigner(secret) {
  const keyBytes = typeof secret === "string" ? encoder.encode(secret) : secret;
  if (keyBytes.length < 32) throw new RangeError("The cookie secret must be at least 32 bytes long");
  const key = await crypto.subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);

  return {
    /** Serializes `value` with an expiry and signs it. */
    async sign(value, maxAgeSeconds) {
      const payload = toBase64Url(
        encoder.encode(JSON.stringify({ v: value, exp: Date.now() + maxAgeSeconds * 1000 })),
      );
      const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(payload)));
      return `${payload}.${toBase64Url(signature)}`;
    },
    /** The value if the signature is ours and it has not expired, else `null`. */
    async verify(cookie) {
      if (typeof cookie !== "string") return null;
      const [payload, signature, extra] = cookie.split(".");
      const signatureBytes = fromBase64Url(signature ?? "");
      if (!payload || !signatureBytes || extra !== undefined) return null;
      const valid = await crypto.subtle.verify("HMAC", key, signatureBytes, encoder.encode(payload));
      if (!valid) return null;
      try {
        const { v, exp } = JSON.parse(new TextDecoder().decode(fromBase64Url(payload)));
        return typeof exp === "number" && exp > Date.now() ? v : null;
      } catch {
        return null;
      }
    },
  };
}

/** Reads the `Cookie` header into a Map. A malformed cookie (say, a stray `%`) is skipped, not fatal. */
export function readCookies(header) {
  const cookies = new Map();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    try {
      cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // URIError: not a cookie we wrote.
    }
  }
  return cookies;
}

/**
 * A `Set-Cookie` value that JavaScript cannot read (HttpOnly), that is not sent on cross-site
 * requests (SameSite=Lax), and that is Secure when the app is served over https.
 */
export function cookieHeader(name, value, { maxAge, secure }) {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
  ];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

/** A `Set-Cookie` value that deletes the cookie. */
export function clearCookieHeader(name, { secure }) {
  return cookieHeader(name, "", { maxAge: 0, secure });
}
