import { createHash, randomBytes } from "node:crypto";
import { ALNUM } from "./prng.js";

/** Seconds an access token lives (Discord: 7 days). */
export const ACCESS_TOKEN_TTL = 604800;
/** Milliseconds an authorization code lives. */
export const CODE_TTL_MS = 10 * 60 * 1000;

/** One authorization (access + refresh token pair) of a user for the application. */
export interface Grant {
  id: number;
  clientId: string;
  userId: string;
  /** Scopes the user consented to. */
  grantScopes: string[];
  /** Scopes of the current access token (narrower after a scoped refresh). */
  scopes: string[];
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number;
  /** Whether the grant started with a PKCE code (a public client may then refresh and revoke it). */
  pkce: boolean;
  revoked: boolean;
}

/** An issued, not yet used authorization code. */
export interface CodeRecord {
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  expiresAt: number;
  /** Guild picked for a `bot` or `webhook.incoming` authorization. */
  guildId: string | null;
  /** Channel of the incoming webhook. */
  channelId: string | null;
}

/** An opaque random token like Discord's (30 alphanumeric characters by default). */
export function opaqueToken(length = 30): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length)) {
      // 248 = 4 × 62: dropping larger bytes keeps every character equally likely.
      if (b < 248 && out.length < length) out += ALNUM[b % ALNUM.length];
    }
  }
  return out;
}

/** base64url(SHA-256(verifier)), the S256 PKCE transform. */
export function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

/**
 * Codes and grants of one emulator. Tokens are looked up through maps; a grant keeps its id across
 * refreshes, so rate limits and `prompt=none` follow the authorization, not one token.
 */
export class GrantStore {
  readonly #codes = new Map<string, CodeRecord>();
  readonly #byAccess = new Map<string, Grant>();
  readonly #byRefresh = new Map<string, Grant>();
  readonly #grants = new Set<Grant>();
  #nextId = 1;

  /** Stores a new code and returns it; codes that expired by `now` are dropped on the way. */
  issueCode(record: CodeRecord, now: number): string {
    for (const [code, old] of this.#codes) if (old.expiresAt <= now) this.#codes.delete(code);
    const code = opaqueToken();
    this.#codes.set(code, record);
    return code;
  }

  /** Removes and returns a code (codes are single-use, even when the exchange fails later). */
  consumeCode(code: string): CodeRecord | undefined {
    const record = this.#codes.get(code);
    this.#codes.delete(code);
    return record;
  }

  /** Starts a grant with a fresh access token (and a refresh token when `withRefresh`). */
  create(
    init: Omit<Grant, "id" | "accessToken" | "refreshToken" | "revoked" | "expiresAt">,
    now: number,
    withRefresh: boolean,
  ): Grant {
    const grant: Grant = {
      ...init,
      id: this.#nextId++,
      accessToken: opaqueToken(),
      refreshToken: withRefresh ? opaqueToken() : null,
      expiresAt: now + ACCESS_TOKEN_TTL * 1000,
      revoked: false,
    };
    for (const old of this.#grants) {
      if (old.refreshToken === null && old.expiresAt <= now) this.revoke(old);
    }
    this.#grants.add(grant);
    this.#byAccess.set(grant.accessToken, grant);
    if (grant.refreshToken) this.#byRefresh.set(grant.refreshToken, grant);
    return grant;
  }

  /** Replaces both tokens of a grant (refresh-token rotation); the old ones stop working. */
  rotate(grant: Grant, scopes: string[], now: number): void {
    this.#byAccess.delete(grant.accessToken);
    if (grant.refreshToken) this.#byRefresh.delete(grant.refreshToken);
    grant.accessToken = opaqueToken();
    grant.refreshToken = opaqueToken();
    grant.scopes = scopes;
    grant.expiresAt = now + ACCESS_TOKEN_TTL * 1000;
    this.#byAccess.set(grant.accessToken, grant);
    this.#byRefresh.set(grant.refreshToken, grant);
  }

  /** Kills a whole grant: its access and refresh tokens. */
  revoke(grant: Grant): void {
    grant.revoked = true;
    this.#grants.delete(grant);
    this.#byAccess.delete(grant.accessToken);
    if (grant.refreshToken) this.#byRefresh.delete(grant.refreshToken);
  }

  /** The live grant whose current access token is `token`. */
  byAccessToken(token: string): Grant | undefined {
    return this.#byAccess.get(token);
  }

  /** The live grant whose current refresh token is `token` (an old, rotated one finds nothing). */
  byRefreshToken(token: string): Grant | undefined {
    return this.#byRefresh.get(token);
  }

  /** Live grants of one user for one client (for `prompt=none`). */
  liveGrantsOf(userId: string, clientId: string, now: number): Grant[] {
    return [...this.#grants].filter(
      (g) => g.userId === userId && g.clientId === clientId && g.expiresAt > now,
    );
  }

  /** Revokes every live grant, or those of one user (a user removing the app in their settings). */
  revokeGrants(userId?: string): number {
    let count = 0;
    for (const grant of this.#grants) {
      if (userId !== undefined && grant.userId !== userId) continue;
      this.revoke(grant);
      count++;
    }
    return count;
  }
}
