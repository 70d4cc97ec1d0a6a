import { signEd25519 } from "./application.js";
import type { EmulatorFault, FaultMatch, RateLimitOptions, RateLimitWindow } from "./limits.js";
import {
  type EmulatorAuthKind,
  type EmulatorConfig,
  type EmulatorRequest,
  EmulatorServer,
} from "./server.js";
import { World } from "./world.js";

export { DEFAULT_RATE_LIMITS } from "./limits.js";
/** Types of the emulator's settings, faults and request log, re-exported for callers of {@link startEmulator}. */
export type {
  EmulatorAuthKind,
  EmulatorConfig,
  EmulatorFault,
  EmulatorRequest,
  FaultMatch,
  RateLimitOptions,
  RateLimitWindow,
};

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port to listen on; `0` (default) picks a free one. */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Seed of the generated world; the same seed always yields the same ids, names and secrets. Default `"discord-appkit"`. */
  seed?: string | number;
  /**
   * Redirect URIs registered for the application. Default: `http://127.0.0.1/callback`,
   * `http://localhost/callback` and `https://appkit.example/callback`. A registered `http` loopback URI
   * (127.0.0.1, localhost, [::1]) accepts any port, so `http://127.0.0.1:5173/callback` matches
   * `http://127.0.0.1/callback`.
   */
  redirectUris?: readonly string[];
  /**
   * Whether the application is a "Public Client" (default `true`): then the token endpoint accepts
   * a `client_id` without a secret for PKCE authorization codes and for refreshing or revoking grants
   * that started with PKCE. `client_credentials` always needs the secret.
   */
  publicClient?: boolean;
  /** How many guilds the first user is in (default 450, enough for three 200-guild pages). */
  guildCount?: number;
  /** Initial settings, as for `handle.configure()`. */
  config?: EmulatorConfig;
}

/** The seeded application as a test sees it, secrets included (they are hidden from inspection). */
export interface EmulatorApplication {
  /** Application (client) id. */
  readonly id: string;
  /** Application name, as the consent page shows it. */
  readonly name: string;
  /** Client secret for the token endpoints (HTTP Basic or form fields). */
  readonly clientSecret: string;
  /** A bot token whose first segment is the base64 of the bot user's id. */
  readonly botToken: string;
  /** Ed25519 public key (hex), the application's `verify_key`. */
  readonly publicKey: string;
  /** Registered redirect URIs (loopback `http` ones accept any port). */
  readonly redirectUris: readonly string[];
  /** Whether PKCE codes may be exchanged without the secret ({@link EmulatorOptions.publicClient}). */
  readonly publicClient: boolean;
  /** Id of the bot user (the same as the application id here; very old apps can differ). */
  readonly botUserId: string;
  /** Id of the team that owns the application. */
  readonly teamId: string;
  /** The user who owns the team (and receives client-credentials tokens). */
  readonly ownerUserId: string;
  /** Signs `timestamp + body` with the application's private key, as Discord signs interactions (hex). */
  signInteraction(timestamp: string, body: string): string;
}

/** A seeded user. */
export interface EmulatorUser {
  /** User id. */
  readonly id: string;
  /** Unique username (the migrated kind, discriminator `"0"`). */
  readonly username: string;
  /** Display name, or null when the user has none. */
  readonly globalName: string | null;
  /** Number of guilds the user is in at start-up. */
  readonly guildCount: number;
  /** Number of connections. */
  readonly connectionCount: number;
  /** Team role (`admin`, `developer`, `read_only`), `"owner"` for the team owner, or null. */
  readonly teamRole: string | null;
}

/** Options of the consent step driven by {@link EmulatorHandle.authorize}. */
export interface ConsentOptions {
  /** The consenting user (default: the first user, or `user_id` from the URL). */
  userId?: string;
  /** Guild for `bot` / `webhook.incoming` scopes (default: `guild_id` from the URL). */
  guildId?: string;
  /** `"authorize"` (default) or `"cancel"`. */
  action?: "authorize" | "cancel";
}

/** A running emulator. */
export interface EmulatorHandle {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** `url + "/api/v10"`: the REST base URL. */
  readonly apiUrl: string;
  /** `url + "/oauth2/authorize"`: the consent page. */
  readonly authorizeUrl: string;
  /** `apiUrl + "/oauth2/token"`. */
  readonly tokenUrl: string;
  /** `apiUrl + "/oauth2/token/revoke"`. */
  readonly revokeUrl: string;
  /** The seeded application with its credentials. */
  readonly application: EmulatorApplication;
  /**
   * Seeded users, always five: `users[0]` owns the team, is in `guildCount` guilds (450 by default)
   * and has seven connections; `users[1]` (team admin) is in three guilds; `users[2]` (developer)
   * in twelve; `users[3]` (read-only, invitation pending) in one; `users[4]` is not on the team and
   * has no guilds and no connections. The bot is in about a quarter of the guilds.
   */
  readonly users: readonly EmulatorUser[];
  /** Changes rate limits, faults or latency; takes effect for the next request. */
  configure(config: EmulatorConfig): void;
  /** A copy of the request log, oldest first. */
  readonly requests: readonly EmulatorRequest[];
  /** Empties the request log. */
  clearRequests(): void;
  /**
   * Submits the consent form for an authorization URL (as built for `authorizeUrl`) and resolves
   * to the URL the browser would be redirected to. Rejects with the page's message when the request
   * is invalid.
   */
  authorize(authorizationUrl: string | URL, options?: ConsentOptions): Promise<URL>;
  /**
   * Moves the emulator's clock forward so codes and tokens expire without waiting. It affects only
   * the emulator's view of expiry (`expires_in`, `/oauth2/@me` `expires`, 401s); rate-limit windows
   * and `X-RateLimit-Reset` stay on real time.
   */
  advanceTime(ms: number): void;
  /**
   * Revokes every live grant, or only those of `userId`, as when a user removes the app from their
   * authorized apps: access tokens then answer 401 and refresh tokens `invalid_grant`. Returns how
   * many grants were revoked.
   */
  revokeGrants(userId?: string): number;
  /**
   * Stops the server: idle keep-alive connections close at once, requests in flight get up to a
   * second to finish before their connections are dropped. Calling it again is harmless.
   */
  close(): Promise<void>;
}

const DEFAULT_REDIRECT_URIS = [
  "http://127.0.0.1/callback",
  "http://localhost/callback",
  "https://appkit.example/callback",
];

class Application implements EmulatorApplication {
  readonly id: string;
  readonly name: string;
  readonly redirectUris: readonly string[];
  readonly publicClient: boolean;
  readonly botUserId: string;
  readonly teamId: string;
  readonly ownerUserId: string;
  readonly publicKey: string;
  readonly #world: World;

  constructor(world: World) {
    this.#world = world;
    const app = world.app;
    this.id = app.id;
    this.name = app.name;
    this.redirectUris = Object.freeze([...app.redirectUris]);
    this.publicClient = app.publicClient;
    this.botUserId = world.bot.id;
    this.teamId = app.teamId;
    this.ownerUserId = app.ownerUserId;
    this.publicKey = app.publicKey;
  }

  get clientSecret(): string {
    return this.#world.app.clientSecret;
  }

  get botToken(): string {
    return this.#world.app.botToken;
  }

  signInteraction(timestamp: string, body: string): string {
    return signEd25519(this.#world.app.publicKeySeed, timestamp + body);
  }

  toJSON(): Record<string, unknown> {
    return { id: this.id, name: this.name, publicKey: this.publicKey, redirectUris: this.redirectUris };
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `EmulatorApplication { id: '${this.id}', name: '${this.name}', clientSecret: [redacted], botToken: [redacted] }`;
  }
}

/**
 * Starts a local Discord API and OAuth2 server with a seeded world, for tests, demos and offline
 * development. It listens on `127.0.0.1` and a free port unless told otherwise; `close()` stops it.
 *
 * What it serves (under `/api/v10`, `/api/v9` or `/api`):
 * - `GET /oauth2/authorize` (also under the API prefix): an HTML consent page with the app name,
 *   the scopes, an account picker (`user_id`), a guild picker for `bot` / `webhook.incoming`
 *   (`guild_id`) and Authorize / Cancel buttons. The form POSTs to `/oauth2/authorize` with the
 *   original query plus `action=authorize|cancel`, `user_id` and `guild_id` (form fields override
 *   the query). Invalid requests (unknown `client_id`, unregistered `redirect_uri`, unknown or
 *   ineligible scope, bad `response_type`, PKCE method other than S256) get an HTML error page, never
 *   a redirect. `response_type=token` redirects with a fragment; only `client_id` (plus `permissions`,
 *   `guild_id`) installs the bot with the default install params; `prompt=none` skips the page when
 *   the user already granted the scopes.
 * - `POST /oauth2/token` (form-encoded only; HTTP Basic or body credentials): `authorization_code`
 *   (codes live 10 minutes, single use, bound to client, `redirect_uri` and PKCE challenge; a
 *   `code_verifier` for a code issued without a challenge is refused),
 *   `refresh_token` (rotates both tokens: the old pair dies; `scope` may narrow, never widen) and
 *   `client_credentials` (a bearer token of the team owner; team apps may only ask for `identify`
 *   and `applications.commands.update`). A public client may omit the secret for PKCE codes and for
 *   refreshing or revoking grants that started with PKCE. Errors are RFC 6749 bodies
 *   (`invalid_client` 401, others 400).
 * - `POST /oauth2/token/revoke`: revoking the access or the refresh token kills the whole grant.
 * - `GET|PATCH /applications/@me`, `GET /oauth2/applications/@me`, `GET /users/{id}`,
 *   `DELETE /users/@me/guilds/{id}`, `PUT /guilds/{id}/members/{user}`,
 *   `GET|PUT /applications/{id}/role-connections/metadata`: Bot token only.
 * - `GET /oauth2/@me` (any bearer scope; `user` only with `identify`), `GET /users/@me` (bot, or
 *   `identify`; `email`/`verified` only with `email`), `GET /users/@me/guilds` (bot, or `guilds`;
 *   `before`/`after`/`limit` 1–200/`with_counts`, pages always ascending, `before` gives the `limit`
 *   guilds just below the cursor; with both, the first `limit` guilds between them), `GET /users/@me/connections`
 *   (bot, or `connections`), `GET /users/@me/guilds/{id}/member` (`guilds.members.read`),
 *   `GET|PUT /users/@me/applications/{id}/role-connection` (`role_connections.write`).
 *
 * Failures look like Discord's: 401 `{"message": "401: Unauthorized", "code": 0}` for a missing,
 * invalid, expired or revoked token or the wrong kind of token, 403 `{"message": "Missing Access",
 * "code": 50001}` for a missing scope, 400 code 50035 with nested `errors` for bad input, 404/405
 * `{"message": "404: Not Found", "code": 0}`, 413 code 40005 for a body over 1 MiB. Every API
 * response carries `X-RateLimit-*` headers; see {@link EmulatorConfig} for limits and fault
 * injection. HTML pages forbid framing and foreign scripts, and everything they show is escaped.
 * The request log ({@link EmulatorHandle.requests}) never holds a token, code or secret.
 *
 * @example
 * ```ts
 * const emu = await startEmulator({ seed: "my-tests" });
 * const res = await fetch(`${emu.apiUrl}/applications/@me`, {
 *   headers: { Authorization: `Bot ${emu.application.botToken}` },
 * });
 * await emu.close();
 * ```
 * @see https://discord.com/developers/docs/topics/oauth2
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const guildCount = options.guildCount ?? 450;
  if (!Number.isInteger(guildCount) || guildCount < 3 || guildCount > 5000) {
    throw new RangeError("guildCount must be an integer from 3 to 5000");
  }
  const redirectUris = options.redirectUris ?? DEFAULT_REDIRECT_URIS;
  for (const uri of redirectUris) {
    if (!URL.canParse(uri)) throw new TypeError("redirectUris must hold absolute URLs");
  }
  const world = new World({
    seed: options.seed ?? "discord-appkit",
    redirectUris,
    publicClient: options.publicClient ?? true,
    manyGuilds: guildCount,
  });
  const server = new EmulatorServer(world);
  if (options.config) server.configure(options.config);
  const url = await server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  const apiUrl = `${url}/api/v10`;
  const application = new Application(world);
  const team = world.teamMembers;
  const users: EmulatorUser[] = world.users.map((u) => ({
    id: u.id,
    username: u.username,
    globalName: u.global_name,
    guildCount: world.guildsOf(u.id).length,
    connectionCount: world.connections.get(u.id)?.length ?? 0,
    teamRole: u.id === world.app.ownerUserId ? "owner" : (team.find((m) => m.userId === u.id)?.role ?? null),
  }));
  return {
    url,
    apiUrl,
    authorizeUrl: `${url}/oauth2/authorize`,
    tokenUrl: `${apiUrl}/oauth2/token`,
    revokeUrl: `${apiUrl}/oauth2/token/revoke`,
    application,
    users: Object.freeze(users),
    configure: (config) => server.configure(config),
    get requests() {
      return server.requests;
    },
    clearRequests: () => server.clearRequests(),
    async authorize(authorizationUrl, consent = {}) {
      const source = new URL(authorizationUrl);
      const form = new URLSearchParams({ action: consent.action ?? "authorize" });
      if (consent.userId !== undefined) form.set("user_id", consent.userId);
      if (consent.guildId !== undefined) form.set("guild_id", consent.guildId);
      const response = await fetch(`${url}/oauth2/authorize${source.search}`, {
        method: "POST",
        body: form,
        redirect: "manual",
      });
      const location = response.headers.get("location");
      if (response.status === 302 && location) return new URL(location);
      const page = await response.text();
      const message = /<p id="(?:error|result)">([^<]*)<\/p>/.exec(page)?.[1] ?? `status ${response.status}`;
      throw new Error(`The emulator did not redirect: ${message}`);
    },
    advanceTime: (ms) => server.advanceTime(ms),
    revokeGrants: (userId) => server.env.grants.revokeGrants(userId),
    close: () => server.close(),
  };
}
