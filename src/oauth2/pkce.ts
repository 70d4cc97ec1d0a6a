/**
 * PKCE (RFC 7636) for the authorization code grant: a secret verifier kept by the client and its
 * SHA-256 challenge sent with the authorization URL. Discord accepts only the `S256` method.
 *
 * Discord documents PKCE only in its Social SDK guides; the OAuth2 endpoints accept it for every app,
 * and a "Public Client" app may exchange a code with its verifier and no client secret.
 *
 * @see https://datatracker.ietf.org/doc/html/rfc7636
 * @see https://discord.com/developers/docs/discord-social-sdk/development-guides/account-linking-with-discord
 * @module
 */
import { encodeBase64Url } from "../internal/base64.js";
import { INSPECT } from "../internal/inspect.js";

/** The shortest code verifier RFC 7636 (and Discord) allows. */
export const MIN_PKCE_VERIFIER_LENGTH = 43;
/** The longest code verifier RFC 7636 allows. */
export const MAX_PKCE_VERIFIER_LENGTH = 128;

const VERIFIER_PATTERN = /^[A-Za-z0-9._~-]{43,128}$/;
const encoder = new TextEncoder();

/** A PKCE code verifier and its challenge. */
export interface PkcePair {
  /** The secret to send with the code exchange (`codeVerifier`); keep it with the user's session, never in the URL. */
  readonly verifier: string;
  /** The base64url SHA-256 of the verifier, for `buildAuthorizationUrl({ codeChallenge })`. */
  readonly challenge: string;
  /** Always `"S256"`, the only method Discord accepts. */
  readonly method: "S256";
}

/** Options of {@link createPkcePair}. */
export interface PkcePairOptions {
  /** Length of the verifier in characters, from 43 to 128. Defaults to 64. */
  readonly length?: number;
}

/** The {@link PkcePair} we hand out: its text and `inspect` output show the challenge, never the verifier. */
class Pair implements PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method = "S256";

  constructor(verifier: string, challenge: string) {
    this.verifier = verifier;
    this.challenge = challenge;
  }

  toString(): string {
    return `PkcePair(verifier=[REDACTED], challenge=${this.challenge}, method=S256)`;
  }

  [INSPECT](): string {
    return this.toString();
  }
}

/**
 * The S256 code challenge of `verifier`: base64url (no padding) of its SHA-256.
 * @throws RangeError if `verifier` is not 43–128 characters of `A–Z a–z 0–9 - . _ ~`.
 * @see https://datatracker.ietf.org/doc/html/rfc7636#section-4.2
 */
export async function computePkceChallenge(verifier: string): Promise<string> {
  if (typeof verifier !== "string" || !VERIFIER_PATTERN.test(verifier)) {
    throw new RangeError(
      "A PKCE code verifier is 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'",
    );
  }
  const digest = await globalThis.crypto.subtle.digest("SHA-256", encoder.encode(verifier));
  return encodeBase64Url(new Uint8Array(digest));
}

/**
 * A new PKCE pair: a random verifier (base64url characters, at least 256 bits of entropy at the
 * default length) and its S256 challenge. Its `toString()` and `inspect` output leave the verifier out.
 * @throws RangeError if `length` is not an integer from 43 to 128.
 * @see https://datatracker.ietf.org/doc/html/rfc7636#section-4.1
 */
export async function createPkcePair(options: PkcePairOptions = {}): Promise<PkcePair> {
  const length = options.length ?? 64;
  if (!Number.isInteger(length) || length < MIN_PKCE_VERIFIER_LENGTH || length > MAX_PKCE_VERIFIER_LENGTH) {
    throw new RangeError(
      `A PKCE verifier length must be an integer from ${MIN_PKCE_VERIFIER_LENGTH} to ${MAX_PKCE_VERIFIER_LENGTH}`,
    );
  }
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(Math.ceil((length * 3) / 4)));
  const verifier = encodeBase64Url(bytes).slice(0, length);
  return new Pair(verifier, await computePkceChallenge(verifier));
}
