import type { RESTClient } from "./client.js";

/**
 * Supplies the access token for a {@link RESTClient} that was acquired with a strategy instead of a
 * fixed token, such as a client-credentials grant that renews itself.
 *
 * The client calls {@link TokenStrategy.acquire} before every request and sends
 * `Authorization: <tokenType> <token>`. When Discord answers 401, the client calls
 * {@link TokenStrategy.invalidate} with the token it sent, acquires again and retries the request once.
 */
export interface TokenStrategy {
  /** The authorization scheme sent before the token, such as `"Bearer"`. */
  readonly tokenType: string;
  /**
   * Resolves to the bare access token (without the scheme). Called before every request, so it should
   * answer from a cache while the token is valid.
   * @param client - a client for the token endpoints (no token of its own), to fetch a new token with.
   */
  acquire(client: RESTClient): Promise<string>;
  /**
   * Forgets `token` (or the current token when none is given) so the next {@link TokenStrategy.acquire}
   * fetches a new one. A token other than the cached one is ignored.
   */
  invalidate(token?: string): void;
}

/** Whether `value` looks like a {@link TokenStrategy}. */
export function isTokenStrategy(value: unknown): value is TokenStrategy {
  return (
    typeof value === "object" &&
    value !== null &&
    "acquire" in value &&
    typeof value.acquire === "function" &&
    "invalidate" in value &&
    typeof value.invalidate === "function" &&
    "tokenType" in value &&
    typeof value.tokenType === "string"
  );
}
