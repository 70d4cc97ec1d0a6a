/**
 * {@link RESTClient}: Discord's REST endpoints for one token.
 * @module
 */
import { EntityFactory } from "../factory/entity-factory.js";
import { INSPECT } from "../internal/inspect.js";
import { fail } from "../internal/read.js";
import type { Application } from "../models/applications.js";
import type { OwnConnection } from "../models/connections.js";
import type { Member } from "../models/members.js";
import type {
  AuthorizationInformation,
  OAuth2AuthorizationToken,
  PartialOAuth2Token,
} from "../models/oauth2.js";
import type { OwnGuild } from "../models/own-guilds.js";
import type {
  ApplicationRoleConnection,
  ApplicationRoleConnectionMetadata,
} from "../models/role-connections.js";
import type { OwnUser, User } from "../models/users.js";
import {
  compareSnowflakes,
  dateToSnowflake,
  MAX_SNOWFLAKE,
  MIN_SNOWFLAKE,
  type Snowflake,
} from "../snowflakes.js";
import type { RESTApp } from "./app.js";
import { type EditApplicationOptions, editApplicationBody } from "./edit-application.js";
import type { RequestAuth, RequestPipeline, RequestSpec } from "./pipeline.js";
import { compileRoute, ROUTES, type Route, type SnowflakeLike, snowflakeOf } from "./routes.js";
import {
  type AuthorizeAccessTokenOptions,
  type AuthorizeClientCredentialsTokenOptions,
  type RefreshAccessTokenOptions,
  type RevokeAccessTokenOptions,
  type TokenRequest,
  tokenRequest,
} from "./token-endpoint.js";

/** Per-call options every method accepts. */
export interface RequestOptions {
  /** Aborts the call, including any rate-limit wait. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of {@link RESTClient.fetchMyGuilds}. */
export interface FetchMyGuildsOptions extends RequestOptions {
  /** Newest (highest id) first instead of oldest first (default `false`). */
  readonly newestFirst?: boolean | undefined;
  /** Start after (oldest first) or before (newest first) this guild id or point in time. */
  readonly startAt?: SnowflakeLike | Date | undefined;
  /** Ask for `approximate_member_count` and `approximate_presence_count` (default `true`). */
  readonly withCounts?: boolean | undefined;
}

/** Options of {@link RESTClient.addUserToGuild}. */
export interface AddUserToGuildOptions extends RequestOptions {
  /** The guild to add the user to. */
  readonly guild: SnowflakeLike;
  /** The user to add (the owner of `accessToken`). */
  readonly user: SnowflakeLike;
  /** The user's OAuth2 access token with the `guilds.join` scope (or a token model holding it). */
  readonly accessToken:
    | string
    | {
        /** The access token to use. */
        readonly accessToken: string;
      };
  /** Nickname to give the new member. */
  readonly nick?: string | undefined;
  /** Role ids to give the new member. */
  readonly roles?: readonly SnowflakeLike[] | undefined;
  /** Whether the new member is muted in voice channels. */
  readonly mute?: boolean | undefined;
  /** Whether the new member is deafened in voice channels. */
  readonly deaf?: boolean | undefined;
}

/** Fields of {@link RESTClient.setMyUserApplicationRoleConnection}. */
export interface RoleConnectionUpdate {
  /** The vanity name of the platform the bot connected (at most 50 characters). */
  readonly platformName?: string | null | undefined;
  /** The user's name on that platform (at most 100 characters). */
  readonly platformUsername?: string | null | undefined;
  /**
   * Metadata values by key. Booleans become `"1"`/`"0"`, dates ISO 8601 strings, numbers decimal strings.
   */
  readonly metadata?: Readonly<Record<string, string | number | bigint | boolean | Date>> | undefined;
}

/**
 * What a {@link RESTClient} is built from; use {@link RESTApp.acquire} instead of building one. Its
 * pipeline and auth parts are package-internal, so it is left out of the API docs.
 * @internal
 */
export interface RESTClientInit {
  /** The app the client belongs to. */
  readonly app: RESTApp;
  /** The app's request pipeline. */
  readonly pipeline: RequestPipeline;
  /** Where the client's `Authorization` header comes from. */
  readonly auth: RequestAuth;
  /** See {@link RESTClient.tokenType}. */
  readonly tokenType: string | null;
  /** Rate-limit identity of the app's token-endpoint requests. */
  readonly tokenEndpointIdentity: unknown;
}

const MY_GUILDS_PAGE_SIZE = 200;

function metadataValue(value: string | number | bigint | boolean | Date, key: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "1" : "0";
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "bigint")
    return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  throw new TypeError(`metadata.${key} must be a string, finite number, bigint, boolean or valid Date`);
}

function accessTokenOf(value: string | { readonly accessToken: string }): string {
  const token = typeof value === "string" ? value : value?.accessToken;
  if (typeof token !== "string" || token === "")
    throw new TypeError("accessToken must be a non-empty string or a token");
  return token;
}

/**
 * Discord's REST API for one token, acquired from a {@link RESTApp}. It is also the `RESTAware` the
 * models it returns carry (`rest` is the client itself). It holds no timers, so creating one per request
 * is cheap; it never shows its token in `toString()` or `inspect` output.
 *
 * @see https://discord.com/developers/docs/reference
 */
export class RESTClient {
  /** The factory this client builds models with; the models it builds carry this client as their `app`. */
  readonly entityFactory: EntityFactory;
  /** The token's scheme (`"Bearer"`, `"Bot"`, a strategy's type), or `null` for a client without a token. */
  readonly tokenType: string | null;
  readonly #app: RESTApp;
  readonly #pipeline: RequestPipeline;
  readonly #auth: RequestAuth;
  readonly #tokenEndpointIdentity: unknown;

  /**
   * Not for direct use: get a client from {@link RESTApp.acquire}, which wires it to the app's pipeline.
   * @param init - supplied by {@link RESTApp.acquire}.
   * @internal
   */
  constructor(init: RESTClientInit) {
    this.#app = init.app;
    this.#pipeline = init.pipeline;
    this.#auth = init.auth;
    this.tokenType = init.tokenType;
    this.#tokenEndpointIdentity = init.tokenEndpointIdentity;
    this.entityFactory = new EntityFactory(this);
  }

  /** This client (the `RESTAware` contract). */
  get rest(): RESTClient {
    return this;
  }

  /** The {@link RESTApp} this client was acquired from. */
  get app(): RESTApp {
    return this.#app;
  }

  #request(
    route: Route,
    spec: Omit<RequestSpec, "route"> & { params?: Record<string, string> },
  ): Promise<unknown> {
    const { params, ...rest } = spec;
    return this.#pipeline.request({ ...rest, route: compileRoute(route, params) }, this.#auth);
  }

  #token(request: TokenRequest, signal: AbortSignal | undefined): Promise<unknown> {
    const header = { value: request.basic === null ? null : `Basic ${request.basic}`, token: request.basic };
    return this.#pipeline.request(
      {
        route: compileRoute(request.route),
        form: request.form,
        secrets: request.secrets,
        signal,
        expect: request.expect,
        auth: {
          identity: this.#tokenEndpointIdentity,
          header: () => header,
        },
      },
      this.#auth,
    );
  }

  /**
   * The bot's application, with its owner or team (`GET /oauth2/applications/@me`, bot token).
   * @see https://discord.com/developers/docs/topics/oauth2#get-current-bot-application-information
   */
  async fetchApplication(options: RequestOptions = {}): Promise<Application> {
    const raw = await this.#request(ROUTES.getMyOAuth2Application, { signal: options.signal });
    return this.entityFactory.deserializeApplication(raw);
  }

  /**
   * The bot's application (`GET /applications/@me`, bot token).
   * @see https://discord.com/developers/docs/resources/application#get-current-application
   */
  async fetchMyApplication(options: RequestOptions = {}): Promise<Application> {
    const raw = await this.#request(ROUTES.getMyApplication, { signal: options.signal });
    return this.entityFactory.deserializeApplication(raw);
  }

  /**
   * Edits the bot's application (`PATCH /applications/@me`, bot token). Only the given fields are sent;
   * `null` clears a field where Discord allows it.
   * @see https://discord.com/developers/docs/resources/application#edit-current-application
   */
  async editApplication(
    changes: EditApplicationOptions = {},
    options: RequestOptions = {},
  ): Promise<Application> {
    const raw = await this.#request(ROUTES.updateMyApplication, {
      json: editApplicationBody(changes),
      signal: options.signal,
    });
    return this.entityFactory.deserializeApplication(raw);
  }

  /**
   * What the bearer token grants: application, scopes, expiry and user (`GET /oauth2/@me`).
   * @see https://discord.com/developers/docs/topics/oauth2#get-current-authorization-information
   */
  async fetchAuthorization(options: RequestOptions = {}): Promise<AuthorizationInformation> {
    const raw = await this.#request(ROUTES.getMyOAuth2Authorization, { signal: options.signal });
    return this.entityFactory.deserializeAuthorizationInformation(raw);
  }

  /**
   * Exchanges an authorization code for tokens (`POST /oauth2/token`, `authorization_code` grant). Public
   * PKCE clients leave out `clientSecret` and pass `codeVerifier`.
   * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-exchange-example
   */
  async authorizeAccessToken(options: AuthorizeAccessTokenOptions): Promise<OAuth2AuthorizationToken> {
    const raw = await this.#token(
      tokenRequest.authorizationCode(options, this.#app.clientAuthentication),
      options.signal,
    );
    return this.entityFactory.deserializeAuthorizationToken(raw);
  }

  /**
   * Trades a refresh token for a new token pair (`POST /oauth2/token`, `refresh_token` grant). Discord
   * rotates refresh tokens: store the new one before using the access token.
   * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-refresh-token-exchange-example
   */
  async refreshAccessToken(options: RefreshAccessTokenOptions): Promise<OAuth2AuthorizationToken> {
    const raw = await this.#token(
      tokenRequest.refreshToken(options, this.#app.clientAuthentication),
      options.signal,
    );
    return this.entityFactory.deserializeAuthorizationToken(raw);
  }

  /**
   * Revokes a token and with it the whole authorization (`POST /oauth2/token/revoke`). Any 2xx response
   * is success; its body is ignored.
   * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-token-revocation-example
   */
  async revokeAccessToken(options: RevokeAccessTokenOptions): Promise<void> {
    await this.#token(tokenRequest.revoke(options, this.#app.clientAuthentication), options.signal);
  }

  /**
   * A token for the application owner from the client credentials (`POST /oauth2/token`,
   * `client_credentials` grant). There is no refresh token.
   * @see https://discord.com/developers/docs/topics/oauth2#client-credentials-grant
   */
  async authorizeClientCredentialsToken(
    options: AuthorizeClientCredentialsTokenOptions,
  ): Promise<PartialOAuth2Token> {
    const raw = await this.#token(
      tokenRequest.clientCredentials(options, this.#app.clientAuthentication),
      options.signal,
    );
    return this.entityFactory.deserializePartialToken(raw);
  }

  /**
   * The token's user (`GET /users/@me`; bearer tokens need `identify`, and `email` for the address).
   * @see https://discord.com/developers/docs/resources/user#get-current-user
   */
  async fetchMyUser(options: RequestOptions = {}): Promise<OwnUser> {
    const raw = await this.#request(ROUTES.getMyUser, { signal: options.signal });
    return this.entityFactory.deserializeMyUser(raw);
  }

  /**
   * The user's connected accounts (`GET /users/@me/connections`, scope `connections`).
   * @see https://discord.com/developers/docs/resources/user#get-current-user-connections
   */
  async fetchMyConnections(options: RequestOptions = {}): Promise<OwnConnection[]> {
    const raw = await this.#request(ROUTES.listMyConnections, { signal: options.signal });
    return this.#list(raw, (item, path) => this.entityFactory.deserializeOwnConnection(item, path));
  }

  /**
   * The user's guilds, fetched lazily 200 at a time (`GET /users/@me/guilds`, scope `guilds`). Nothing is
   * requested until iteration starts; paging stops at the first empty page, since a short page does not
   * prove there is nothing after it.
   * @see https://discord.com/developers/docs/resources/user#get-current-user-guilds
   */
  fetchMyGuilds(options: FetchMyGuildsOptions = {}): AsyncIterable<OwnGuild> {
    const newestFirst = options.newestFirst === true;
    const withCounts = options.withCounts ?? true;
    const { signal } = options;
    const start = options.startAt;
    const first =
      start === undefined
        ? newestFirst
          ? MAX_SNOWFLAKE
          : MIN_SNOWFLAKE
        : start instanceof Date
          ? dateToSnowflake(start)
          : snowflakeOf(start, "startAt");
    const fetchPage = (cursor: Snowflake): Promise<unknown> => {
      const query = new URLSearchParams({
        [newestFirst ? "before" : "after"]: cursor,
        limit: String(MY_GUILDS_PAGE_SIZE),
      });
      if (withCounts) query.set("with_counts", "true");
      return this.#request(ROUTES.listMyGuilds, { query, signal });
    };
    const factory = this.entityFactory;
    const list = this.#list.bind(this);
    return {
      async *[Symbol.asyncIterator]() {
        let cursor = first;
        for (;;) {
          const guilds = list(await fetchPage(cursor), (item, path) =>
            factory.deserializeOwnGuild(item, path),
          );
          if (guilds.length === 0) return;
          guilds.sort((a, b) =>
            newestFirst ? compareSnowflakes(b.id, a.id) : compareSnowflakes(a.id, b.id),
          );
          cursor = guilds[guilds.length - 1]!.id;
          yield* guilds;
        }
      },
    };
  }

  /**
   * The user's member object in one guild (`GET /users/@me/guilds/{guild_id}/member`, scope
   * `guilds.members.read`).
   * @see https://discord.com/developers/docs/resources/user#get-current-user-guild-member
   */
  async fetchMyMember(guild: SnowflakeLike, options: RequestOptions = {}): Promise<Member> {
    const guildId = snowflakeOf(guild, "guild");
    const raw = await this.#request(ROUTES.getMyGuildMember, {
      params: { guild_id: guildId },
      signal: options.signal,
    });
    return this.entityFactory.deserializeMember(raw, guildId);
  }

  /**
   * Leaves a guild (`DELETE /users/@me/guilds/{guild_id}`).
   * @see https://discord.com/developers/docs/resources/user#leave-guild
   */
  async leaveGuild(guild: SnowflakeLike, options: RequestOptions = {}): Promise<void> {
    await this.#request(ROUTES.leaveGuild, {
      params: { guild_id: snowflakeOf(guild, "guild") },
      signal: options.signal,
      expect: "none",
    });
  }

  /**
   * A user by id (`GET /users/{user_id}`).
   * @see https://discord.com/developers/docs/resources/user#get-user
   */
  async fetchUser(user: SnowflakeLike, options: RequestOptions = {}): Promise<User> {
    const raw = await this.#request(ROUTES.getUser, {
      params: { user_id: snowflakeOf(user, "user") },
      signal: options.signal,
    });
    return this.entityFactory.deserializeUser(raw);
  }

  /**
   * Adds a user to a guild with their `guilds.join` access token (`PUT /guilds/{guild_id}/members/{user_id}`).
   * Needs a bot token whose bot is in the guild with `CREATE_INSTANT_INVITE`.
   * @returns the new member, or `null` when the user was already a member (204).
   * @see https://discord.com/developers/docs/resources/guild#add-guild-member
   */
  async addUserToGuild(options: AddUserToGuildOptions): Promise<Member | null> {
    if (this.tokenType !== "Bot")
      throw new TypeError("addUserToGuild needs a client acquired with a Bot token");
    const guildId = snowflakeOf(options.guild, "guild");
    const accessToken = accessTokenOf(options.accessToken);
    const body: Record<string, unknown> = { access_token: accessToken };
    if (options.nick !== undefined) body.nick = options.nick;
    if (options.mute !== undefined) body.mute = options.mute;
    if (options.deaf !== undefined) body.deaf = options.deaf;
    if (options.roles !== undefined) body.roles = options.roles.map((role) => snowflakeOf(role, "roles[]"));
    const raw = await this.#request(ROUTES.addGuildMember, {
      params: { guild_id: guildId, user_id: snowflakeOf(options.user, "user") },
      json: body,
      secrets: [accessToken],
      signal: options.signal,
    });
    return raw === null ? null : this.entityFactory.deserializeMember(raw, guildId);
  }

  /**
   * The user's role connection for an application (`GET /users/@me/applications/{application_id}/role-connection`,
   * scope `role_connections.write`).
   * @see https://discord.com/developers/docs/resources/user#get-current-user-application-role-connection
   */
  async fetchMyUserApplicationRoleConnection(
    application: SnowflakeLike,
    options: RequestOptions = {},
  ): Promise<ApplicationRoleConnection> {
    const params = { application_id: snowflakeOf(application, "application") };
    const raw = await this.#request(ROUTES.getApplicationUserRoleConnection, {
      params,
      signal: options.signal,
    });
    return this.entityFactory.deserializeApplicationRoleConnection(raw);
  }

  /**
   * Sets the user's role connection for an application (`PUT /users/@me/applications/{application_id}/role-connection`).
   * @see https://discord.com/developers/docs/resources/user#update-current-user-application-role-connection
   */
  async setMyUserApplicationRoleConnection(
    application: SnowflakeLike,
    update: RoleConnectionUpdate,
    options: RequestOptions = {},
  ): Promise<ApplicationRoleConnection> {
    const params = { application_id: snowflakeOf(application, "application") };
    const body: Record<string, unknown> = {};
    if (update.platformName !== undefined) body.platform_name = update.platformName;
    if (update.platformUsername !== undefined) body.platform_username = update.platformUsername;
    if (update.metadata !== undefined) {
      const metadata: Record<string, string> = {};
      for (const [key, value] of Object.entries(update.metadata)) metadata[key] = metadataValue(value, key);
      body.metadata = metadata;
    }
    const raw = await this.#request(ROUTES.updateApplicationUserRoleConnection, {
      params,
      json: body,
      signal: options.signal,
    });
    return this.entityFactory.deserializeApplicationRoleConnection(raw);
  }

  /**
   * The application's linked-role metadata records (`GET /applications/{application_id}/role-connections/metadata`, bot token).
   * @see https://discord.com/developers/docs/resources/application-role-connection-metadata#get-application-role-connection-metadata-records
   */
  async fetchApplicationRoleConnectionMetadataRecords(
    application: SnowflakeLike,
    options: RequestOptions = {},
  ): Promise<ApplicationRoleConnectionMetadata[]> {
    const params = { application_id: snowflakeOf(application, "application") };
    const raw = await this.#request(ROUTES.getApplicationRoleConnectionsMetadata, {
      params,
      signal: options.signal,
    });
    return this.#list(raw, (item, path) =>
      this.entityFactory.deserializeApplicationRoleConnectionMetadata(item, path),
    );
  }

  /**
   * Replaces the application's linked-role metadata records (at most 5) and returns what Discord stored.
   * @see https://discord.com/developers/docs/resources/application-role-connection-metadata#update-application-role-connection-metadata-records
   */
  async setApplicationRoleConnectionMetadataRecords(
    application: SnowflakeLike,
    records: readonly ApplicationRoleConnectionMetadata[],
    options: RequestOptions = {},
  ): Promise<ApplicationRoleConnectionMetadata[]> {
    const params = { application_id: snowflakeOf(application, "application") };
    const json = records.map((record) =>
      this.entityFactory.serializeApplicationRoleConnectionMetadata(record),
    );
    const raw = await this.#request(ROUTES.updateApplicationRoleConnectionsMetadata, {
      params,
      json,
      signal: options.signal,
    });
    return this.#list(raw, (item, path) =>
      this.entityFactory.deserializeApplicationRoleConnectionMetadata(item, path),
    );
  }

  #list<T>(raw: unknown, convert: (item: unknown, path: string) => T): T[] {
    if (!Array.isArray(raw)) fail("$", "array", raw);
    return raw.map((item, index) => convert(item, `$[${index}]`));
  }

  /** `RESTClient(Bearer)`: the token type only, never the token. */
  toString(): string {
    return `RESTClient(${this.tokenType ?? "no token"})`;
  }

  /** Shows the token type only. */
  [INSPECT](): string {
    return this.toString();
  }

  /** `{ tokenType }`: a client serializes without its token. */
  toJSON(): {
    /** {@link RESTClient.tokenType}. */
    tokenType: string | null;
  } {
    return { tokenType: this.tokenType };
  }
}
