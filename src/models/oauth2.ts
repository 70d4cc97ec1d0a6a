/**
 * OAuth2: scopes, token types, the token models of each grant, and the current authorization.
 *
 * Token models keep their secrets (access and refresh tokens) behind getters: they never show in
 * `toString()`, in Node's `inspect` output or among the object's own properties. `toJSON()` does
 * include them, on purpose, so a grant can be stored and read back.
 *
 * @see https://discord.com/developers/docs/topics/oauth2
 * @module
 */
import {
  serializeAuthorizationInformation,
  serializeAuthorizationToken,
  serializeImplicitToken,
  serializePartialToken,
} from "../factory/oauth2.js";
import type { Open } from "../internal/enums.js";
import { INSPECT } from "../internal/inspect.js";
import { sameList } from "../internal/lists.js";
import type {
  RawAuthorizationInformation,
  RawAuthorizationToken,
  RawImplicitToken,
  RawPartialToken,
} from "../payloads/oauth2.js";
import type { AuthorizationApplication } from "./applications.js";
import type { RESTGuild } from "./guilds.js";
import type { User } from "./users.js";
import type { IncomingWebhook } from "./webhooks.js";

/**
 * OAuth2 scopes. hikari's member names come first; Discord's spec names that differ are aliases
 * (`GDM_JOIN`, `MESSAGES_READ`, `APPLICATIONS_COMMANDS_PERMISSIONS_UPDATE`). Fields typed
 * `Open<OAuth2Scope>` pass unknown scopes through as plain strings.
 *
 * @see https://discord.com/developers/docs/topics/oauth2#shared-resources-oauth2-scopes
 */
export const OAuth2Scope = {
  /** Read the user's activities (not currently available to applications). */
  ACTIVITIES_READ: "activities.read",
  /** Update the user's activity (not currently available to applications). */
  ACTIVITIES_WRITE: "activities.write",
  /** Read build data for the user's applications. */
  APPLICATIONS_BUILDS_READ: "applications.builds.read",
  /** Upload builds (approved partners only). */
  APPLICATIONS_BUILDS_UPLOAD: "applications.builds.upload",
  /** Use the application's commands; the scope of user installs. */
  APPLICATIONS_COMMANDS: "applications.commands",
  /** Update the application's commands (client-credentials grant only). */
  APPLICATIONS_COMMANDS_UPDATE: "applications.commands.update",
  /** Update command permissions in the user's guilds. */
  APPLICATIONS_COMMANDS_PERMISSION_UPDATE: "applications.commands.permissions.update",
  /** Read the user's entitlements for the application. */
  APPLICATIONS_ENTITLEMENTS: "applications.entitlements",
  /** Manage the application's store data. */
  APPLICATIONS_STORE_UPDATE: "applications.store.update",
  /** Add the bot to a guild. */
  BOT: "bot",
  /** Read the user's third-party connections. */
  CONNECTIONS: "connections",
  /** Read the user's email address. */
  EMAIL: "email",
  /** Join users to a group DM. */
  GROUP_DM_JOIN: "gdm.join",
  /** List the user's guilds. */
  GUILDS: "guilds",
  /** Add the user to a guild. */
  GUILDS_JOIN: "guilds.join",
  /** Read the user's identity (`/users/@me` without email). */
  IDENTIFY: "identify",
  /** Read the user's friends and blocks (Social SDK). */
  RELATIONSHIPS_READ: "relationships.read",
  /** Control the user's local client over RPC (approved partners only). */
  RPC: "rpc",
  /** Read messages over local RPC. */
  RPC_MESSAGES_READ: "messages.read",
  /** Receive notifications over local RPC. */
  RPC_NOTIFICATIONS_READ: "rpc.notifications.read",
  /** Create an incoming webhook in a channel the user picks. */
  WEBHOOK_INCOMING: "webhook.incoming",
  /** Read the user's member object in their guilds. */
  GUILDS_MEMBERS_READ: "guilds.members.read",
  /** Update the user's role connection for the application (linked roles). */
  ROLE_CONNECTIONS_WRITE: "role_connections.write",
  /** Send Activity invites (requires approval). */
  ACTIVITIES_INVITES_WRITE: "activities.invites.write",
  /** Read the user's DM channels (approved partners only). */
  DM_CHANNELS_READ: "dm_channels.read",
  /** Read the user's Nitro type (approved partners only). */
  IDENTIFY_PREMIUM: "identify.premium",
  /** OpenID Connect: an ID token and `/oauth2/userinfo`. */
  OPENID: "openid",
  /** Update the user's activity over RPC (approved partners only). */
  RPC_ACTIVITIES_WRITE: "rpc.activities.write",
  /** Read voice settings over RPC (approved partners only). */
  RPC_VOICE_READ: "rpc.voice.read",
  /** Change voice settings over RPC (approved partners only). */
  RPC_VOICE_WRITE: "rpc.voice.write",
  /** Read video settings over RPC (requires approval). */
  RPC_VIDEO_READ: "rpc.video.read",
  /** Change video settings over RPC (requires approval). */
  RPC_VIDEO_WRITE: "rpc.video.write",
  /** Read screen-share settings over RPC (requires approval). */
  RPC_SCREENSHARE_READ: "rpc.screenshare.read",
  /** Change screen-share settings over RPC (requires approval). */
  RPC_SCREENSHARE_WRITE: "rpc.screenshare.write",
  /** Join voice channels for the user (approved partners only). */
  VOICE: "voice",
  /** Social SDK: the social layer. */
  SDK_SOCIAL_LAYER: "sdk.social_layer",
  /** Social SDK: the social layer with presence. */
  SDK_SOCIAL_LAYER_PRESENCE: "sdk.social_layer_presence",
  /** Discord's spec name for {@link OAuth2Scope.GROUP_DM_JOIN}. */
  GDM_JOIN: "gdm.join",
  /** Discord's spec name for {@link OAuth2Scope.RPC_MESSAGES_READ}. */
  MESSAGES_READ: "messages.read",
  /** Discord's spec name for {@link OAuth2Scope.APPLICATIONS_COMMANDS_PERMISSION_UPDATE}. */
  APPLICATIONS_COMMANDS_PERMISSIONS_UPDATE: "applications.commands.permissions.update",
} as const;
/** A value of {@link OAuth2Scope}. */
export type OAuth2Scope = (typeof OAuth2Scope)[keyof typeof OAuth2Scope];

/**
 * The scheme of an `Authorization` header. Case-sensitive, as in hikari: `"bearer"` is not
 * {@link TokenType.BEARER} and passes through unchanged.
 * @see https://discord.com/developers/docs/reference#authentication
 */
export const TokenType = {
  /** A bot token. */
  BOT: "Bot",
  /** HTTP Basic client credentials. */
  BASIC: "Basic",
  /** An OAuth2 access token. */
  BEARER: "Bearer",
} as const;
/** A value of {@link TokenType}. */
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

/** Everything a {@link PartialOAuth2Token} is built from. */
export interface PartialOAuth2TokenInit {
  /** The access token (a secret). */
  readonly accessToken: string;
  /** The token type, normally `"Bearer"`. */
  readonly tokenType: Open<TokenType>;
  /** Lifetime in seconds, as Discord sent it. */
  readonly expiresIn: number;
  /** When the token expires. */
  readonly expiresAt: Date;
  /** The granted scopes. */
  readonly scopes: readonly Open<OAuth2Scope>[];
}

/**
 * An access token without a refresh token: the client-credentials grant's answer, and the base of the
 * other token models.
 * @see https://discord.com/developers/docs/topics/oauth2#client-credentials-grant
 */
export class PartialOAuth2Token {
  readonly #accessToken: string;
  /** The token type, normally {@link TokenType.BEARER}. */
  declare readonly tokenType: Open<TokenType>;
  /** Lifetime in seconds, as Discord sent it. */
  declare readonly expiresIn: number;
  /** When the token expires: the moment it was received plus `expiresIn`, or the stored `expires_at`. */
  declare readonly expiresAt: Date;
  /** The granted scopes, without empty entries. */
  declare readonly scopes: readonly Open<OAuth2Scope>[];

  /** @param init - the field values. */
  constructor(init: PartialOAuth2TokenInit) {
    this.#accessToken = init.accessToken;
    this.tokenType = init.tokenType;
    this.expiresIn = init.expiresIn;
    this.expiresAt = init.expiresAt;
    this.scopes = init.scopes;
  }

  /** The access token. A secret: keep it out of logs. */
  get accessToken(): string {
    return this.#accessToken;
  }

  /**
   * Whether the token has expired at `at` (default: now).
   * @param at - the moment to check, as a `Date` or milliseconds since the Unix epoch.
   */
  isExpired(at: Date | number = Date.now()): boolean {
    return (typeof at === "number" ? at : at.getTime()) >= this.expiresAt.getTime();
  }

  /** Whether `other` is the same kind of token with the same access token. */
  equals(other: unknown): boolean {
    return (
      other instanceof PartialOAuth2Token &&
      other.constructor === this.constructor &&
      other.#accessToken === this.#accessToken
    );
  }

  /** A description without the token: `PartialOAuth2Token(Bearer, scopes=identify, expires 2026-…)`. */
  toString(): string {
    return `${this.constructor.name}(${this.tokenType}, scopes=${this.scopes.join(" ")}, expires ${describeDate(this.expiresAt)})`;
  }

  /** The token response as Discord sends it, secrets included, plus our `expires_at`. For storage. */
  toJSON(): RawPartialToken {
    return serializePartialToken(this);
  }

  /** Node's `util.inspect` output: {@link PartialOAuth2Token.toString}. */
  [INSPECT](): string {
    return this.toString();
  }
}

/** Everything an {@link OAuth2AuthorizationToken} is built from. */
export interface OAuth2AuthorizationTokenInit extends PartialOAuth2TokenInit {
  /** The refresh token (a secret). */
  readonly refreshToken: string;
  /** The webhook created by the `webhook.incoming` scope, or `null`. */
  readonly webhook: IncomingWebhook | null;
  /** The guild the bot was added to through the `bot` scope, or `null`. */
  readonly guild: RESTGuild | null;
}

/**
 * The answer to the authorization-code and refresh-token grants.
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-response
 */
export class OAuth2AuthorizationToken extends PartialOAuth2Token {
  readonly #refreshToken: string;
  /** The incoming webhook created by the `webhook.incoming` scope, or `null`. */
  declare readonly webhook: IncomingWebhook | null;
  /** The guild the bot joined through the `bot` scope, or `null`. */
  declare readonly guild: RESTGuild | null;

  /** @param init - the field values. */
  constructor(init: OAuth2AuthorizationTokenInit) {
    super(init);
    this.#refreshToken = init.refreshToken;
    this.webhook = init.webhook;
    this.guild = init.guild;
  }

  /** The refresh token (Discord rotates it on every refresh). A secret: keep it out of logs. */
  get refreshToken(): string {
    return this.#refreshToken;
  }

  /** The token response, secrets included, plus our `expires_at`. For storage. */
  override toJSON(): RawAuthorizationToken {
    return serializeAuthorizationToken(this);
  }
}

/** Everything an {@link OAuth2ImplicitToken} is built from. */
export interface OAuth2ImplicitTokenInit extends PartialOAuth2TokenInit {
  /** The `state` echoed back by Discord, or `null`. */
  readonly state: string | null;
}

/**
 * A token from the implicit grant, read from the redirect URL's fragment.
 * @see https://discord.com/developers/docs/topics/oauth2#implicit-grant
 */
export class OAuth2ImplicitToken extends PartialOAuth2Token {
  /** The `state` Discord echoed back, or `null`. */
  declare readonly state: string | null;

  /** @param init - the field values. */
  constructor(init: OAuth2ImplicitTokenInit) {
    super(init);
    this.state = init.state;
  }

  /** The fragment's values as JSON, the token included, plus our `expires_at`. For storage. */
  override toJSON(): RawImplicitToken {
    return serializeImplicitToken(this);
  }
}

/** Everything an {@link AuthorizationInformation} is built from. */
export interface AuthorizationInformationInit {
  /** The application the token was granted to. */
  readonly application: AuthorizationApplication;
  /** When the access token expires. */
  readonly expiresAt: Date;
  /** The granted scopes. */
  readonly scopes: readonly Open<OAuth2Scope>[];
  /** The user who authorized, or `null` without the `identify` scope. */
  readonly user: User | null;
}

/**
 * What the current bearer token grants (`GET /oauth2/@me`).
 * @see https://discord.com/developers/docs/topics/oauth2#get-current-authorization-information
 */
export class AuthorizationInformation {
  /** The application the token was granted to. */
  declare readonly application: AuthorizationApplication;
  /** When the access token expires. */
  declare readonly expiresAt: Date;
  /** The granted scopes. */
  declare readonly scopes: readonly Open<OAuth2Scope>[];
  /** The user who authorized, or `null` when the token lacks the `identify` scope. */
  declare readonly user: User | null;

  /** @param init - the field values. */
  constructor(init: AuthorizationInformationInit) {
    this.application = init.application;
    this.expiresAt = init.expiresAt;
    this.scopes = init.scopes;
    this.user = init.user;
  }

  /** Whether `other` has an equal application, expiry, scope list and user (hikari compares every field). */
  equals(other: unknown): boolean {
    if (!(other instanceof AuthorizationInformation)) return false;
    if (!other.application.equals(this.application)) return false;
    if (other.expiresAt.getTime() !== this.expiresAt.getTime()) return false;
    if (!sameList(other.scopes, this.scopes)) return false;
    return this.user === null ? other.user === null : this.user.equals(other.user);
  }

  /** `AuthorizationInformation(application=…, scopes=…, expires …)`. */
  toString(): string {
    const user = this.user === null ? "" : `, user=${String(this.user)}`;
    return `AuthorizationInformation(application=${this.application.name}, scopes=${this.scopes.join(" ")}, expires ${describeDate(this.expiresAt)}${user})`;
  }

  /** Discord's `OAuth2GetAuthorizationResponse`. */
  toJSON(): RawAuthorizationInformation {
    return serializeAuthorizationInformation(this);
  }
}

function describeDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString();
}
