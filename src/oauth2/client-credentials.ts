/**
 * A token strategy for the client credentials grant: the application authenticates as its owner
 * with its client ID and secret, and the client renews the token by itself.
 *
 * @see https://discord.com/developers/docs/topics/oauth2#client-credentials-grant
 * @module
 */
import type { Open } from "../internal/enums.js";
import { INSPECT } from "../internal/inspect.js";
import { OAuth2Scope, type PartialOAuth2Token, TokenType } from "../models/oauth2.js";
import type { RESTClient } from "../rest/client.js";
import type { TokenStrategy } from "../rest/token-strategy.js";
import type { Snowflake } from "../snowflakes.js";
import { clockOption, refreshSkewMs, snowflakeOption } from "./options.js";

/** Options of a {@link ClientCredentialsStrategy}. */
export interface ClientCredentialsStrategyOptions {
  /** The application's ID (its client ID). */
  readonly clientId: Snowflake | bigint;
  /** The application's client secret. */
  readonly clientSecret: string;
  /**
   * The scopes to ask for. Defaults to `applications.commands.update` and `identify`, as hikari does.
   * Apps owned by a team may only ask for those two.
   */
  readonly scopes?: readonly Open<OAuth2Scope>[];
  /**
   * How long before its expiry a cached token is replaced, in seconds (default 60, at most a tenth of
   * the token's lifetime), so a request never leaves with a token about to die.
   */
  readonly refreshSkewSeconds?: number;
  /** The clock, in milliseconds since the epoch (default `Date.now`); for tests. */
  readonly now?: () => number;
}

/**
 * A {@link TokenStrategy} that fetches a client-credentials token when first needed and keeps it until
 * shortly before it expires. Concurrent callers share one token request. A failed request is not
 * remembered: the next call tries again (hikari caches the failure for good; this does not).
 *
 * @example
 * ```ts
 * const app = new RESTApp();
 * const client = app.acquire(new ClientCredentialsStrategy({ clientId, clientSecret }));
 * const me = await client.fetchAuthorization();
 * ```
 * @see https://discord.com/developers/docs/topics/oauth2#client-credentials-grant
 */
export class ClientCredentialsStrategy implements TokenStrategy {
  /** Always `"Bearer"`. */
  readonly tokenType = TokenType.BEARER;
  /** The application's ID. */
  readonly clientId: Snowflake;
  /** The scopes requested. */
  readonly scopes: readonly Open<OAuth2Scope>[];
  readonly #clientSecret: string;
  readonly #skewMs: number;
  readonly #now: () => number;
  #token: string | null = null;
  #renewAt = 0;
  #pending: Promise<string> | null = null;

  /** @param options - see {@link ClientCredentialsStrategyOptions}. */
  constructor(options: ClientCredentialsStrategyOptions) {
    if (options === null || typeof options !== "object")
      throw new TypeError("ClientCredentialsStrategy needs an options object");
    const clientId = snowflakeOption(options.clientId, "clientId");
    if (typeof options.clientSecret !== "string" || options.clientSecret === "") {
      throw new TypeError("clientSecret must be a non-empty string");
    }
    const scopes = options.scopes ?? [OAuth2Scope.APPLICATIONS_COMMANDS_UPDATE, OAuth2Scope.IDENTIFY];
    if (
      !Array.isArray(scopes) ||
      scopes.length === 0 ||
      !scopes.every((s) => typeof s === "string" && /^\S+$/.test(s))
    ) {
      throw new TypeError("scopes must be a non-empty array of scope strings");
    }
    this.clientId = clientId;
    this.scopes = Object.freeze([...scopes]);
    this.#clientSecret = options.clientSecret;
    this.#skewMs = refreshSkewMs(options.refreshSkewSeconds);
    this.#now = clockOption(options.now);
  }

  /**
   * Resolves to a valid access token, requesting one through `client` when none is cached or the
   * cached one is close to expiry.
   * @param client - a token-endpoint client (`app.acquire()`).
   * @throws whatever the token request throws (such as `OAuth2Error` for a wrong secret); not cached.
   */
  acquire(client: RESTClient): Promise<string> {
    if (this.#token !== null && this.#now() < this.#renewAt) return Promise.resolve(this.#token);
    this.#pending ??= this.#request(client).finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  /**
   * Forgets the cached token when it is `token` (or whatever it is, when `token` is left out), so the
   * next {@link ClientCredentialsStrategy.acquire} requests a new one. Another token is ignored.
   */
  invalidate(token?: string): void {
    if (!token || token === this.#token) {
      this.#token = null;
      this.#renewAt = 0;
    }
  }

  async #request(client: RESTClient): Promise<string> {
    const token: PartialOAuth2Token = await client.authorizeClientCredentialsToken({
      clientId: this.clientId,
      clientSecret: this.#clientSecret,
      scopes: this.scopes,
    });
    const received = this.#now();
    const lifetimeMs = Number.isFinite(token.expiresIn) ? Math.max(0, token.expiresIn * 1000) : 0;
    this.#token = token.accessToken;
    this.#renewAt = received + lifetimeMs - Math.min(this.#skewMs, lifetimeMs / 10);
    return token.accessToken;
  }

  /** `ClientCredentialsStrategy(<client id>, scopes=…)`, without the secret or the token. */
  toString(): string {
    return `ClientCredentialsStrategy(${this.clientId}, scopes=${this.scopes.join(" ")})`;
  }

  /** Node's `util.inspect` output: {@link ClientCredentialsStrategy.toString}. */
  [INSPECT](): string {
    return this.toString();
  }
}
