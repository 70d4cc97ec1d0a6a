import { createHash, randomBytes } from "node:crypto";

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
  pkce: boolean;
  revoked: boolean;
  source: "authorization_code" | "implicit" | "client_credentials";
}

/** An issued, not yet used authorization code. */
export interface CodeRecord {
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  expiresAt: number;
  guildId: string | null;
  channelId: string | null;
  permissions: string | null;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** An opaque random token like Discord's (30 alphanumeric characters by default). */
export function opaqueToken(length = 30): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

/** base64url(SHA-256(verifier)), the S256 PKCE transform. */
export function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

/** Codes and grants of one emulator. */
export class GrantStore {
  readonly #codes = new Map<string, CodeRecord>();
  readonly #byAccess = new Map<string, Grant>();
  readonly #byRefresh = new Map<string, Grant>();
  readonly #grants: Grant[] = [];
  #nextId = 1;

  issueCode(record: CodeRecord): string {
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
    this.#grants.push(grant);
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
    this.#byAccess.delete(grant.accessToken);
    if (grant.refreshToken) this.#byRefresh.delete(grant.refreshToken);
  }

  byAccessToken(token: string): Grant | undefined {
    return this.#byAccess.get(token);
  }

  byRefreshToken(token: string): Grant | undefined {
    return this.#byRefresh.get(token);
  }

  /** Live grants of one user for one client (for `prompt=none`). */
  liveGrantsOf(userId: string, clientId: string, now: number): Grant[] {
    return this.#grants.filter(
      (g) => !g.revoked && g.userId === userId && g.clientId === clientId && g.expiresAt > now,
    );
  }

  /** Revokes every live grant, or those of one user (a user removing the app in their settings). */
  revokeGrants(userId?: string): number {
    let count = 0;
    for (const grant of this.#grants) {
      if (grant.revoked || (userId !== undefined && grant.userId !== userId)) continue;
      this.revoke(grant);
      count++;
    }
    return count;
  }
}
