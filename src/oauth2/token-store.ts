/**
 * Where a `TokenManager` keeps users' grants.
 * @module
 */

import { INSPECT } from "../internal/inspect.js";
import type { RawAuthorizationToken } from "../payloads/oauth2.js";

/**
 * Persistent storage for OAuth2 grants, keyed by a string of your choice (a user ID, a session ID).
 * Values are the token model's JSON (`OAuth2AuthorizationToken.toJSON()`: Discord's token response plus
 * `expires_at`), so any key-value store, database row or encrypted cookie can hold them.
 *
 * They contain access and refresh tokens: store them like passwords (encrypted at rest, never logged).
 */
export interface TokenStore {
  /** The grant stored under `key`, or `null`/`undefined` when there is none. */
  get(key: string): Promise<RawAuthorizationToken | null | undefined>;
  /** Stores `value` under `key`, replacing what was there. Must have finished (durably) when it resolves. */
  set(key: string, value: RawAuthorizationToken): Promise<void>;
  /** Removes the grant under `key`; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * A {@link TokenStore} in memory, for tests and single-process apps. Grants are lost when the process
 * ends. Values are kept as JSON text, so callers never share (or mutate) a stored object.
 */
export class MemoryTokenStore implements TokenStore {
  readonly #grants = new Map<string, string>();

  /** The grant stored under `key`, or `null`. */
  async get(key: string): Promise<RawAuthorizationToken | null> {
    const text = this.#grants.get(key);
    return text === undefined ? null : (JSON.parse(text) as RawAuthorizationToken);
  }

  /** Stores a copy of `value` under `key`. */
  async set(key: string, value: RawAuthorizationToken): Promise<void> {
    this.#grants.set(key, JSON.stringify(value));
  }

  /** Removes the grant under `key`. */
  async delete(key: string): Promise<void> {
    this.#grants.delete(key);
  }

  /** How many grants are stored. */
  get size(): number {
    return this.#grants.size;
  }

  /** `MemoryTokenStore(<n> grants)`, without any token. */
  toString(): string {
    return `MemoryTokenStore(${this.#grants.size} grants)`;
  }

  /** Node's `util.inspect` output: {@link MemoryTokenStore.toString}. */
  [INSPECT](): string {
    return this.toString();
  }
}
