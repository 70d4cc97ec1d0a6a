/**
 * Keeping users' OAuth2 grants alive: stored access tokens, refreshed shortly before they expire, with
 * Discord's single-use refresh tokens rotated safely.
 *
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-refresh-token-exchange-example
 * @module
 */
import { OAuth2Error, ReauthorizationRequiredError } from "../errors.js";
import { deserializeAuthorizationToken } from "../factory/oauth2.js";
import { INSPECT } from "../internal/inspect.js";
import type { OAuth2AuthorizationToken } from "../models/oauth2.js";
import type { RESTClient } from "../rest/client.js";
import type { Snowflake } from "../snowflakes.js";
import { clockOption, refreshSkewMs, snowflakeOption } from "./options.js";
import { MemoryTokenStore, type TokenStore } from "./token-store.js";

/** Token-endpoint errors after which a grant can never be used again. */
const DEAD_GRANT_ERRORS = new Set(["invalid_grant"]);

/** Options of a {@link TokenManager}. */
export interface TokenManagerOptions {
  /** A client for the token endpoints, from `app.acquire()`. */
  readonly rest: RESTClient;
  /** The application's ID (its client ID). */
  readonly clientId: Snowflake | bigint;
  /** The client secret; leave it out for a public client that uses PKCE. */
  readonly clientSecret?: string;
  /** Where grants live (default: a new {@link MemoryTokenStore}). */
  readonly store?: TokenStore;
  /**
   * How long before its expiry an access token is refreshed, in seconds (default 60): a token handed
   * out is valid for at least this long.
   */
  readonly refreshSkewSeconds?: number;
  /** The clock, in milliseconds since the epoch (default `Date.now`); for tests. */
  readonly now?: () => number;
}

/**
 * Manages the grants of many users, each stored under a key of your choice.
 *
 * - {@link TokenManager.getAccessToken} answers from the store while the access token is fresh and
 *   refreshes it when it is within `refreshSkewSeconds` of expiry.
 * - Discord's refresh tokens are single-use: using one twice kills the grant. So every operation on a
 *   key runs one at a time, and concurrent `getAccessToken` calls for a key share one store read and at
 *   most one refresh request.
 * - The rotated grant is written to the store before any caller receives the new access token, so a
 *   crash can never leave the store holding a spent refresh token while a caller holds the new one.
 * - When Discord answers `invalid_grant` (the user revoked the app, the grant expired, ...), the grant
 *   is deleted and {@link ReauthorizationRequiredError} is thrown: send the user through the
 *   authorization flow again.
 *
 * Serialization is per manager: when several processes share one store, route each key to one process
 * (or give the store a lock), or two of them may spend the same refresh token.
 *
 * @example
 * ```ts
 * const app = new RESTApp();
 * const tokens = new TokenManager({ rest: app.acquire(), clientId, clientSecret, store });
 * await tokens.saveGrant(userId, await app.acquire().authorizeAccessToken({ clientId, clientSecret, code, redirectUri }));
 * const me = await app.acquire(await tokens.getAccessToken(userId)).fetchMyUser();
 * ```
 */
export class TokenManager {
  /** The application's ID. */
  readonly clientId: Snowflake;
  readonly #rest: RESTClient;
  readonly #clientSecret: string | undefined;
  readonly #store: TokenStore;
  readonly #skewMs: number;
  readonly #now: () => number;
  /** The tail of each key's queue of operations. */
  readonly #queues = new Map<string, Promise<unknown>>();
  /** The `getAccessToken` in flight for each key, which later callers join. */
  readonly #reads = new Map<string, Promise<string>>();

  /** @param options - see {@link TokenManagerOptions}. */
  constructor(options: TokenManagerOptions) {
    if (options === null || typeof options !== "object")
      throw new TypeError("TokenManager needs an options object");
    if (options.rest === null || typeof options.rest !== "object")
      throw new TypeError("rest must be a RESTClient (app.acquire())");
    const clientId = snowflakeOption(options.clientId, "clientId");
    if (
      options.clientSecret !== undefined &&
      (typeof options.clientSecret !== "string" || options.clientSecret === "")
    ) {
      throw new TypeError("clientSecret must be a non-empty string, or left out for a public client");
    }
    this.clientId = clientId;
    this.#rest = options.rest;
    this.#clientSecret = options.clientSecret;
    this.#store = options.store ?? new MemoryTokenStore();
    this.#skewMs = refreshSkewMs(options.refreshSkewSeconds);
    this.#now = clockOption(options.now);
  }

  /**
   * Stores a grant under `key`, typically right after the code exchange (`authorizeAccessToken`),
   * replacing any grant stored there.
   */
  async saveGrant(key: string, token: OAuth2AuthorizationToken): Promise<void> {
    checkKey(key);
    if (token === null || typeof token !== "object" || typeof token.refreshToken !== "string") {
      throw new TypeError("token must be an OAuth2AuthorizationToken (the code exchange's answer)");
    }
    const raw = token.toJSON();
    return this.#enqueue(key, () => this.#store.set(key, raw));
  }

  /** The grant stored under `key` as it is (possibly expired), or `null`. Never refreshes. */
  async getGrant(key: string): Promise<OAuth2AuthorizationToken | null> {
    checkKey(key);
    return this.#enqueue(key, () => this.#load(key));
  }

  /**
   * Resolves to an access token for `key` that is valid for at least `refreshSkewSeconds`, refreshing
   * (and storing) the grant first when needed.
   *
   * @throws ReauthorizationRequiredError if no grant is stored under `key`, or Discord refused to
   * refresh it (`invalid_grant`); the grant is then deleted.
   * @throws whatever the refresh request or the store throws otherwise (the grant is kept; try later).
   */
  async getAccessToken(key: string): Promise<string> {
    checkKey(key);
    const joined = this.#reads.get(key);
    if (joined) return joined;
    const read = this.#enqueue(key, () => this.#freshAccessToken(key));
    this.#reads.set(key, read);
    const forget = (): void => {
      if (this.#reads.get(key) === read) this.#reads.delete(key);
    };
    read.then(forget, forget);
    return read;
  }

  /**
   * Revokes the grant under `key` at Discord (every access and refresh token of that authorization)
   * and deletes it from the store. Resolves without a request when nothing is stored.
   *
   * @throws whatever the revocation request throws; the grant is then kept, so you can retry. A grant
   * that Discord no longer knows (`invalid_grant`) is simply deleted.
   * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-token-revocation-example
   */
  async revoke(key: string): Promise<void> {
    checkKey(key);
    return this.#enqueue(key, async () => {
      const grant = await this.#load(key);
      if (grant === null) return;
      try {
        await this.#rest.revokeAccessToken({
          clientId: this.clientId,
          clientSecret: this.#clientSecret,
          token: grant.refreshToken,
          tokenTypeHint: "refresh_token",
        });
      } catch (error) {
        if (!isDeadGrant(error)) throw error;
      }
      await this.#store.delete(key);
    });
  }

  /** Deletes the grant under `key` locally, without telling Discord (see {@link TokenManager.revoke}). */
  async deleteGrant(key: string): Promise<void> {
    checkKey(key);
    return this.#enqueue(key, () => this.#store.delete(key));
  }

  /**
   * Refreshes the grant under `key` now, whatever its expiry (to pick up a change on the user's side,
   * or to rotate on demand), stores the rotated grant and resolves to it. Queued with every other
   * operation on `key`, so it never races {@link TokenManager.getAccessToken}.
   *
   * @throws ReauthorizationRequiredError if no grant is stored under `key`, or Discord refused to
   * refresh it (`invalid_grant`); the grant is then deleted.
   * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-refresh-token-exchange-example
   */
  async refresh(key: string): Promise<OAuth2AuthorizationToken> {
    checkKey(key);
    return this.#enqueue(key, async () => this.#rotate(key, await this.#loadOrFail(key)));
  }

  async #freshAccessToken(key: string): Promise<string> {
    const grant = await this.#loadOrFail(key);
    if (this.#now() < grant.expiresAt.getTime() - this.#skewMs) return grant.accessToken;
    return (await this.#rotate(key, grant)).accessToken;
  }

  async #rotate(key: string, grant: OAuth2AuthorizationToken): Promise<OAuth2AuthorizationToken> {
    let refreshed: OAuth2AuthorizationToken;
    try {
      refreshed = await this.#rest.refreshAccessToken({
        clientId: this.clientId,
        clientSecret: this.#clientSecret,
        refreshToken: grant.refreshToken,
      });
    } catch (error) {
      if (!isDeadGrant(error)) throw error;
      await this.#store.delete(key);
      throw new ReauthorizationRequiredError({ key, cause: error });
    }
    // The expiry is taken from this manager's clock, like every check against it.
    const expiresAt = new Date(this.#now() + refreshed.expiresIn * 1000);
    const raw = { ...refreshed.toJSON(), expires_at: expiresAt.toISOString() };
    await this.#store.set(key, raw);
    return deserializeAuthorizationToken(raw, this.#rest);
  }

  async #loadOrFail(key: string): Promise<OAuth2AuthorizationToken> {
    const grant = await this.#load(key);
    if (grant === null) throw new ReauthorizationRequiredError({ key });
    return grant;
  }

  async #load(key: string): Promise<OAuth2AuthorizationToken | null> {
    const raw = await this.#store.get(key);
    if (raw === null || raw === undefined) return null;
    return deserializeAuthorizationToken(raw, this.#rest);
  }

  /** Runs `task` after every operation queued before it on `key` has settled. */
  #enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(key, tail);
    void tail.then(() => {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    });
    return result;
  }

  /** `TokenManager(<client id>)`, without secrets. */
  toString(): string {
    return `TokenManager(${this.clientId})`;
  }

  /** Node's `util.inspect` output: {@link TokenManager.toString}. */
  [INSPECT](): string {
    return this.toString();
  }
}

function checkKey(key: string): void {
  if (typeof key !== "string" || key === "") throw new TypeError("A grant key must be a non-empty string");
}

function isDeadGrant(error: unknown): boolean {
  return error instanceof OAuth2Error && DEAD_GRANT_ERRORS.has(error.error);
}
