/**
 * Counts invalid responses (401, 403 and 429 other than shared-scope ones) in a sliding ten-minute
 * window. Cloudflare bans an IP that sends Discord 10,000 of them in ten minutes, so a `RESTApp` stops
 * sending once its own, lower limit is reached, until old entries leave the window.
 *
 * @see https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans
 * @module
 */
import { InvalidRequestBudgetError } from "../errors.js";

/** Length of Discord's invalid-request window, in ms. */
export const INVALID_REQUEST_WINDOW_MS = 600_000;

/** A snapshot of a `RESTApp`'s invalid-request counter, as {@link RESTApp.invalidRequests} returns it. */
export interface InvalidRequestStatus {
  /** Invalid responses counted in the last ten minutes. */
  readonly count: number;
  /** The configured limit. */
  readonly limit: number;
  /** How many more invalid responses fit in the window. */
  readonly remaining: number;
}

/** The sliding-window counter behind `RESTApp`'s invalid-request guard. */
export class InvalidRequestBudget {
  readonly #limit: number;
  readonly #now: () => number;
  #times: number[] = [];
  #head = 0;

  /** @param limit - responses allowed per window. @param now - the clock (for tests). */
  constructor(limit: number, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
  }

  #expire(now: number): void {
    const times = this.#times;
    while (this.#head < times.length && times[this.#head]! <= now - INVALID_REQUEST_WINDOW_MS) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > times.length) {
      this.#times = times.slice(this.#head);
      this.#head = 0;
    }
  }

  /** The window's current state. */
  status(): InvalidRequestStatus {
    this.#expire(this.#now());
    const count = this.#times.length - this.#head;
    return { count, limit: this.#limit, remaining: Math.max(0, this.#limit - count) };
  }

  /** Throws {@link InvalidRequestBudgetError} when the window is full. */
  check(): void {
    const now = this.#now();
    this.#expire(now);
    const count = this.#times.length - this.#head;
    if (count < this.#limit) return;
    const oldest = this.#times[this.#head + count - this.#limit] ?? now;
    const retryAfter = Math.max(0, Math.ceil((oldest + INVALID_REQUEST_WINDOW_MS - now) / 1000));
    throw new InvalidRequestBudgetError({ count, limit: this.#limit, retryAfter });
  }

  /** Records one invalid response. */
  record(): void {
    const now = this.#now();
    this.#expire(now);
    this.#times.push(now);
  }
}
