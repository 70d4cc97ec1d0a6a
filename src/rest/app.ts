/**
 * {@link RESTApp}: what every REST client of one application shares.
 * @module
 */
import { RESTClient } from "./client.js";
import { InvalidRequestBudget, type InvalidRequestStatus } from "./invalid-requests.js";
import { type AuthHeader, type FetchLike, type RequestAuth, RequestPipeline } from "./pipeline.js";
import { RateLimiter } from "./rate-limits.js";
import { isTokenStrategy, type TokenStrategy } from "./token-strategy.js";
import { VERSION } from "./version.js";

/** Discord's API base URL, version 10. */
export const DEFAULT_API_URL = "https://discord.com/api/v10";

/** The `User-Agent` Discord asks for: `DiscordBot (<url>, <version>)`. */
export const DEFAULT_USER_AGENT = `DiscordBot (https://www.npmjs.com/package/discord-appkit, ${VERSION})`;

/** How the token endpoints authenticate the OAuth2 client. */
export type ClientAuthentication = "basic" | "body";

/** Options of a {@link RESTApp}. Every one has a default. */
export interface RESTAppOptions {
  /** The `fetch` to send requests with (default: the global `fetch`). */
  readonly fetch?: FetchLike | undefined;
  /** API base URL without a trailing slash (default {@link DEFAULT_API_URL}); the emulator's `apiUrl` fits. */
  readonly apiUrl?: string | undefined;
  /** `User-Agent` header (default {@link DEFAULT_USER_AGENT}). Browsers do not let scripts set it. */
  readonly userAgent?: string | undefined;
  /** Retries after a 5xx response or a network error, 0 to 10 (default 3). 4xx responses are never retried. */
  readonly maxRetries?: number | undefined;
  /** Milliseconds one HTTP attempt may take, body included, before it fails with `RequestTimeoutError` (default 15,000). */
  readonly timeoutMs?: number | undefined;
  /** The longest rate-limit wait accepted, in seconds; longer waits throw `RateLimitTooLongError` (default 60). */
  readonly maxRateLimitWait?: number | undefined;
  /**
   * How many 401, 403 and 429 responses the app accepts in a sliding ten-minute window before it refuses
   * to send with `InvalidRequestBudgetError` (default 5,000; Cloudflare bans an IP at 10,000).
   */
  readonly invalidRequestLimit?: number | undefined;
  /**
   * Requests per second one token may send across all routes, to stay under Discord's global limit.
   * Left out, bot tokens get 50 (Discord's documented limit per bot) and other tokens none, since Discord
   * documents no global limit for OAuth2 bearer tokens. A number applies to every token; `0` turns the
   * proactive limit off. A global 429 holds a token back either way.
   * @see https://discord.com/developers/docs/topics/rate-limits#global-rate-limit
   */
  readonly globalRequestsPerSecond?: number | undefined;
  /**
   * First retry delay in ms; each further retry doubles it, up to 16 s, with jitter (default 1,000). A 5xx
   * response's `Retry-After` wins when it asks for longer (up to `maxRateLimitWait`).
   */
  readonly retryBackoffMs?: number | undefined;
  /**
   * How the token endpoints send the client id and secret: HTTP Basic (`"basic"`, the default) or as
   * `client_id`/`client_secret` form fields (`"body"`). Each call can override it.
   */
  readonly clientAuthentication?: ClientAuthentication | undefined;
}

function option(value: number | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`${name} must be a number`);
  if (value < min || value > max) throw new RangeError(`${name} must be between ${min} and ${max}`);
  return value;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Printable ASCII without spaces: anything else cannot go into a header (and the error would quote it). */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;
const SCHEME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Discord's global limit for a bot, in requests per second. */
const BOT_GLOBAL_PER_SECOND = 50;

function checkedToken(token: string): string {
  if (!TOKEN_PATTERN.test(token)) {
    throw new TypeError("A token must be printable ASCII without spaces or line breaks");
  }
  return token;
}

/** The header of a request without a token. */
const NO_AUTH: AuthHeader = { value: null, token: null };

/**
 * Holds what every REST client of one application shares: `fetch`, base URL, user agent, retries,
 * timeouts, the per-token rate-limit state and the invalid-request budget. Create one per process and
 * call {@link RESTApp.acquire} for each token; thousands of users' bearer tokens can share it, and one
 * token's 401 or rate limit never changes another token's state.
 *
 * @example
 * ```ts
 * const app = new RESTApp();
 * const user = await app.acquire(accessToken, "Bearer").fetchMyUser();
 * ```
 * @see https://discord.com/developers/docs/reference#http-api
 */
export class RESTApp {
  /** The API base URL requests go to. */
  readonly apiUrl: string;
  /** The `User-Agent` header sent with every request. */
  readonly userAgent: string;
  /** Retries after 5xx responses and network errors. */
  readonly maxRetries: number;
  /** Timeout of one HTTP attempt, in ms. */
  readonly timeoutMs: number;
  /** The longest accepted rate-limit wait, in seconds. */
  readonly maxRateLimitWait: number;
  /** The default client authentication of the token endpoints. */
  readonly clientAuthentication: ClientAuthentication;
  readonly #pipeline: RequestPipeline;
  readonly #budget: InvalidRequestBudget;
  readonly #tokenEndpointIdentity = Symbol("token endpoint");
  /** The authorization of clients without a token: no header, and one rate-limit identity for all. */
  readonly #anonymousAuth: RequestAuth = { identity: Symbol("no token"), header: () => NO_AUTH };
  /** The explicit `globalRequestsPerSecond`, or `undefined` for the per-type default. */
  readonly #globalPerSecond: number | undefined;
  #anonymous: RESTClient | undefined;

  /** @param options - see {@link RESTAppOptions}. */
  constructor(options: RESTAppOptions = {}) {
    const fetchImpl =
      options.fetch ??
      (typeof globalThis.fetch === "function" ? globalThis.fetch.bind(globalThis) : undefined);
    if (typeof fetchImpl !== "function") throw new TypeError("No fetch available: pass options.fetch");
    const apiUrl = options.apiUrl ?? DEFAULT_API_URL;
    if (!/^https?:\/\//.test(apiUrl)) throw new TypeError("apiUrl must be an http(s) URL");
    this.apiUrl = apiUrl.replace(/\/+$/, "");
    const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    if (typeof userAgent !== "string" || !/^[\x20-\x7e]+$/.test(userAgent))
      throw new TypeError("userAgent must be printable ASCII on one line");
    this.userAgent = userAgent;
    this.maxRetries = option(options.maxRetries, 3, "maxRetries", 0, 10);
    this.timeoutMs = option(options.timeoutMs, 15_000, "timeoutMs", 1, 2_147_483_647);
    this.maxRateLimitWait = option(options.maxRateLimitWait, 60, "maxRateLimitWait", 0, 86_400);
    const retryBackoffMs = option(options.retryBackoffMs, 1_000, "retryBackoffMs", 0, 60_000);
    const limit = option(options.invalidRequestLimit, 5_000, "invalidRequestLimit", 1, 10_000);
    const authentication = options.clientAuthentication ?? "basic";
    if (authentication !== "basic" && authentication !== "body")
      throw new TypeError('clientAuthentication must be "basic" or "body"');
    this.clientAuthentication = authentication;
    this.#budget = new InvalidRequestBudget(limit);
    this.#globalPerSecond =
      options.globalRequestsPerSecond === undefined
        ? undefined
        : option(options.globalRequestsPerSecond, 0, "globalRequestsPerSecond", 0, 100_000);
    this.#pipeline = new RequestPipeline({
      fetch: fetchImpl,
      apiUrl: this.apiUrl,
      userAgent: this.userAgent,
      maxRetries: this.maxRetries,
      timeoutMs: this.timeoutMs,
      maxRateLimitWait: this.maxRateLimitWait,
      retryBackoffMs,
      limiter: new RateLimiter({
        maxWait: this.maxRateLimitWait,
        globalPerSecond: this.#globalPerSecond ?? 0,
      }),
      budget: this.#budget,
    });
  }

  /** The invalid-request window: how many 401/403/429 responses it holds and how many more fit. */
  get invalidRequests(): InvalidRequestStatus {
    return this.#budget.status();
  }

  /** A client with no token of its own, for the OAuth2 token endpoints. */
  acquire(): RESTClient;
  /**
   * A client bound to `token`.
   * @param token - the bare token, without its scheme.
   * @param tokenType - `"Bearer"` (default) for OAuth2 access tokens or `"Bot"` for bot tokens.
   */
  acquire(token: string, tokenType?: string): RESTClient;
  /** A client whose token comes from `strategy` (for example a client-credentials grant). */
  acquire(strategy: TokenStrategy): RESTClient;
  acquire(token?: string | TokenStrategy, tokenType?: string): RESTClient {
    if (token === undefined) {
      if (tokenType !== undefined) throw new TypeError("A token type needs a token");
      return this.#client(this.#anonymousAuth, null);
    }
    if (isTokenStrategy(token)) {
      if (tokenType !== undefined) throw new TypeError("A token strategy sets its own token type");
      return this.#client(this.#strategyAuth(token), token.tokenType);
    }
    if (typeof token !== "string") throw new TypeError("token must be a string or a TokenStrategy");
    if (token.trim() === "") throw new TypeError("token must not be empty");
    const bare = checkedToken(token.trim());
    const type = tokenType === undefined ? "Bearer" : titleCase(String(tokenType).trim());
    if (!SCHEME_PATTERN.test(type))
      throw new TypeError("tokenType must be a scheme name such as Bearer or Bot");
    const header: AuthHeader = { value: `${type} ${bare}`, token: bare };
    return this.#client(
      { identity: header.value, globalPerSecond: this.#perSecond(type), header: () => header },
      type,
    );
  }

  /** The proactive global limit of a token of scheme `type`. */
  #perSecond(type: string): number {
    return this.#globalPerSecond ?? (type === "Bot" ? BOT_GLOBAL_PER_SECOND : 0);
  }

  #client(auth: RequestAuth, tokenType: string | null): RESTClient {
    return new RESTClient({
      app: this,
      pipeline: this.#pipeline,
      auth,
      tokenType,
      tokenEndpointIdentity: this.#tokenEndpointIdentity,
    });
  }

  #tokenClient(): RESTClient {
    this.#anonymous ??= this.acquire();
    return this.#anonymous;
  }

  #strategyAuth(strategy: TokenStrategy): RequestAuth {
    if (!SCHEME_PATTERN.test(strategy.tokenType))
      throw new TypeError("A token strategy's tokenType must be a scheme name such as Bearer");
    return {
      identity: strategy,
      globalPerSecond: this.#perSecond(strategy.tokenType),
      header: async () => {
        const token = await strategy.acquire(this.#tokenClient());
        if (typeof token !== "string") throw new TypeError("The token strategy resolved to a non-string");
        return { value: `${strategy.tokenType} ${checkedToken(token)}`, token };
      },
      invalidate: (token) => strategy.invalidate(token),
    };
  }

  /** `RESTApp(https://discord.com/api/v10)`. */
  toString(): string {
    return `RESTApp(${this.apiUrl})`;
  }
}
