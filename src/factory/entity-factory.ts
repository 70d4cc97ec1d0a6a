/**
 * The entity factory: one place that turns Discord's payloads into models and models back into
 * payloads.
 * @module
 */
import type {
  Application,
  ApplicationInstallParameters,
  ApplicationIntegrationConfiguration,
  AuthorizationApplication,
  InviteApplication,
  PartialApplication,
} from "../models/applications.js";
import type { OwnConnection } from "../models/connections.js";
import type { KnownCustomEmoji } from "../models/emojis.js";
import type { RESTGuild } from "../models/guilds.js";
import type { PartialIntegration } from "../models/integrations.js";
import type { Member } from "../models/members.js";
import type {
  AuthorizationInformation,
  OAuth2AuthorizationToken,
  OAuth2ImplicitToken,
  PartialOAuth2Token,
} from "../models/oauth2.js";
import type { OwnGuild } from "../models/own-guilds.js";
import type {
  ApplicationRoleConnection,
  ApplicationRoleConnectionMetadata,
} from "../models/role-connections.js";
import type { Role } from "../models/roles.js";
import type { GuildSticker } from "../models/stickers.js";
import type { Team, TeamMember } from "../models/teams.js";
import type { OwnUser, PartialUser, User } from "../models/users.js";
import type { IncomingWebhook } from "../models/webhooks.js";
import type {
  RawApplication,
  RawApplicationRoleConnection,
  RawApplicationRoleConnectionMetadata,
  RawInstallParams,
  RawIntegrationTypeConfiguration,
  RawPartialApplication,
} from "../payloads/applications.js";
import type { RawConnection, RawOwnGuild } from "../payloads/connections.js";
import type { RawEmoji } from "../payloads/emojis.js";
import type { RawGuildMember, RawPartialIntegration, RawRESTGuild } from "../payloads/guilds.js";
import type {
  RawAuthorizationInformation,
  RawAuthorizationToken,
  RawImplicitToken,
  RawPartialToken,
} from "../payloads/oauth2.js";
import type { RawRole } from "../payloads/permissions.js";
import type { RawGuildSticker } from "../payloads/stickers.js";
import type { RawTeam, RawTeamMember } from "../payloads/teams.js";
import type { RawOwnUser, RawPartialUser, RawUser } from "../payloads/users.js";
import type { RawIncomingWebhook } from "../payloads/webhooks.js";
import type { Snowflake } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import * as applications from "./applications.js";
import * as connections from "./connections.js";
import * as guilds from "./guilds.js";
import * as oauth2 from "./oauth2.js";
import * as ownGuilds from "./own-guilds.js";
import * as roleConnections from "./role-connections.js";
import * as teams from "./teams.js";
import * as users from "./users.js";
import * as webhooks from "./webhooks.js";

/** Options of {@link EntityFactory}'s constructor. */
export interface EntityFactoryOptions {
  /**
   * The clock token deserializers use to turn `expires_in` into `expiresAt`, in milliseconds since the
   * Unix epoch (default `Date.now`). Useful in tests.
   */
  readonly clock?: () => number;
}

/** Options of the token deserializers. */
export interface TokenReadOptions {
  /** The JSON path of the payload, for error messages (default `$`). */
  readonly path?: string;
  /** When the token was received (default: the factory's clock). */
  readonly now?: Date | number;
}

const NO_OPTIONS: TokenReadOptions = Object.freeze({});

/** What {@link EntityFactory.deserializeImplicitToken} accepts. */
export type { ImplicitTokenSource } from "./oauth2.js";

/**
 * Builds every model from Discord's JSON payloads (`deserializeX`) and turns models back into
 * Discord-shaped JSON (`serializeX`). Models get the factory's `app`.
 *
 * Every `deserializeX` checks the whole payload and throws a {@link DeserializationError} naming the
 * JSON path of the first value that does not fit (`$.team.members[2].user.id`); no other error ever
 * escapes, whatever JSON value it is given. Unknown keys are ignored. `path` arguments let a caller that
 * reads a value out of a larger document report the full path.
 *
 * @example
 * ```ts
 * const factory = new EntityFactory();
 * const application = factory.deserializeApplication(await response.json());
 * ```
 */
export class EntityFactory {
  readonly #app: RESTAware | null;
  readonly #clock: () => number;

  /**
   * @param app - the client that built models carry (`RESTClient` passes itself), or `null`.
   * @param options - see {@link EntityFactoryOptions}.
   */
  constructor(app: RESTAware | null = null, options: EntityFactoryOptions = {}) {
    this.#app = app;
    this.#clock = options.clock ?? Date.now;
  }

  /** The client that models built here carry, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  #now(options: TokenReadOptions): Date | number {
    return options.now ?? this.#clock();
  }

  // applications

  /** Builds an {@link Application} from `GET /applications/@me` (or `/oauth2/applications/@me`). */
  deserializeApplication(raw: unknown, path = "$"): Application {
    return applications.deserializeApplication(raw, this.#app, path);
  }

  /** Discord's `PrivateApplicationResponse` for `application`. */
  serializeApplication(application: Application): RawApplication {
    return applications.serializeApplication(application);
  }

  /** Builds an {@link AuthorizationApplication} (the `application` of `GET /oauth2/@me`). */
  deserializeAuthorizationApplication(raw: unknown, path = "$"): AuthorizationApplication {
    return applications.deserializeAuthorizationApplication(raw, this.#app, path);
  }

  /** Discord's `ApplicationResponse` for `application`. */
  serializeAuthorizationApplication(application: AuthorizationApplication): RawPartialApplication {
    return applications.serializeAuthorizationApplication(application);
  }

  /** Builds an {@link InviteApplication} (an invite's `target_application`). */
  deserializeInviteApplication(raw: unknown, path = "$"): InviteApplication {
    return applications.deserializeInviteApplication(raw, this.#app, path);
  }

  /** Discord's `InviteApplicationResponse` for `application`. */
  serializeInviteApplication(application: InviteApplication): RawPartialApplication {
    return applications.serializeInviteApplication(application);
  }

  /** Builds a {@link PartialApplication} from any application object (only the four shared keys). */
  deserializePartialApplication(raw: unknown, path = "$"): PartialApplication {
    return applications.deserializePartialApplication(raw, path);
  }

  /** The four keys every application object has: `id`, `name`, `icon`, `description`. */
  serializePartialApplication(
    application: PartialApplication,
  ): Pick<RawPartialApplication, "id" | "name" | "description" | "icon"> {
    return applications.serializePartialApplication(application);
  }

  /** Builds {@link ApplicationInstallParameters} from an install params object. */
  deserializeApplicationInstallParameters(raw: unknown, path = "$"): ApplicationInstallParameters {
    return applications.deserializeApplicationInstallParameters(raw, path);
  }

  /** Discord's install params object for `params`. */
  serializeApplicationInstallParameters(params: ApplicationInstallParameters): RawInstallParams {
    return applications.serializeApplicationInstallParameters(params);
  }

  /** Builds one {@link ApplicationIntegrationConfiguration} (a value of `integration_types_config`). */
  deserializeApplicationIntegrationConfiguration(
    raw: unknown,
    path = "$",
  ): ApplicationIntegrationConfiguration {
    return applications.deserializeApplicationIntegrationConfiguration(raw, path);
  }

  /** Discord's integration type configuration object for `config`. */
  serializeApplicationIntegrationConfiguration(
    config: ApplicationIntegrationConfiguration,
  ): RawIntegrationTypeConfiguration {
    return applications.serializeApplicationIntegrationConfiguration(config);
  }

  /** Builds an {@link ApplicationRoleConnection} (the current user's role connection to an application). */
  deserializeApplicationRoleConnection(raw: unknown, path = "$"): ApplicationRoleConnection {
    return roleConnections.deserializeApplicationRoleConnection(raw, path);
  }

  /** Discord's application role connection object for `connection` (also the PUT body). */
  serializeApplicationRoleConnection(connection: ApplicationRoleConnection): RawApplicationRoleConnection {
    return roleConnections.serializeApplicationRoleConnection(connection);
  }

  /** Builds one {@link ApplicationRoleConnectionMetadata} record. */
  deserializeApplicationRoleConnectionMetadata(raw: unknown, path = "$"): ApplicationRoleConnectionMetadata {
    return roleConnections.deserializeApplicationRoleConnectionMetadata(raw, path);
  }

  /** Discord's metadata object for `record` (an element of the PUT body). */
  serializeApplicationRoleConnectionMetadata(
    record: ApplicationRoleConnectionMetadata,
  ): RawApplicationRoleConnectionMetadata {
    return roleConnections.serializeApplicationRoleConnectionMetadata(record);
  }

  // teams

  /** Builds a {@link Team}. */
  deserializeTeam(raw: unknown, path = "$"): Team {
    return teams.deserializeTeam(raw, this.#app, path);
  }

  /** Discord's team object for `team`. */
  serializeTeam(team: Team): RawTeam {
    return teams.serializeTeam(team);
  }

  /** Builds a {@link TeamMember}. */
  deserializeTeamMember(raw: unknown, path = "$"): TeamMember {
    return teams.deserializeTeamMember(raw, this.#app, path);
  }

  /** Discord's team member object for `member`. */
  serializeTeamMember(member: TeamMember): RawTeamMember {
    return teams.serializeTeamMember(member);
  }

  // oauth2

  /** Builds {@link AuthorizationInformation} from `GET /oauth2/@me`. */
  deserializeAuthorizationInformation(raw: unknown, path = "$"): AuthorizationInformation {
    return oauth2.deserializeAuthorizationInformation(raw, this.#app, path);
  }

  /** Discord's `OAuth2GetAuthorizationResponse` for `info`. */
  serializeAuthorizationInformation(info: AuthorizationInformation): RawAuthorizationInformation {
    return oauth2.serializeAuthorizationInformation(info);
  }

  /**
   * Builds a {@link PartialOAuth2Token} from a client-credentials token response. `expiresAt` is our
   * stored `expires_at` when present, else the moment of receipt plus `expires_in`.
   */
  deserializePartialToken(raw: unknown, options: TokenReadOptions = NO_OPTIONS): PartialOAuth2Token {
    return oauth2.deserializePartialToken(raw, options.path, this.#now(options));
  }

  /** The token response for `token`, access token included, plus our `expires_at`. */
  serializePartialToken(token: PartialOAuth2Token): RawPartialToken {
    return oauth2.serializePartialToken(token);
  }

  /** Builds an {@link OAuth2AuthorizationToken} from an authorization-code or refresh-token response. */
  deserializeAuthorizationToken(
    raw: unknown,
    options: TokenReadOptions = NO_OPTIONS,
  ): OAuth2AuthorizationToken {
    return oauth2.deserializeAuthorizationToken(raw, this.#app, options.path, this.#now(options));
  }

  /** The token response for `token`, secrets included, plus our `expires_at`. */
  serializeAuthorizationToken(token: OAuth2AuthorizationToken): RawAuthorizationToken {
    return oauth2.serializeAuthorizationToken(token);
  }

  /**
   * Builds an {@link OAuth2ImplicitToken} from the implicit grant's redirect: the whole URL (a `URL` or a
   * string with `#` or `?`), its fragment or query alone (`URLSearchParams` or a bare `a=b&c=d`), or an
   * object of its values. It only converts; `parseImplicitGrant` also checks `state`.
   */
  deserializeImplicitToken(source: unknown, options: TokenReadOptions = NO_OPTIONS): OAuth2ImplicitToken {
    return oauth2.deserializeImplicitToken(source, options.path, this.#now(options));
  }

  /** The implicit grant's values for `token`, access token included, plus our `expires_at`. */
  serializeImplicitToken(token: OAuth2ImplicitToken): RawImplicitToken {
    return oauth2.serializeImplicitToken(token);
  }

  // the current user's connections and guilds

  /** Builds an {@link OwnConnection} (one entry of `GET /users/@me/connections`). */
  deserializeOwnConnection(raw: unknown, path = "$"): OwnConnection {
    return connections.deserializeOwnConnection(raw, this.#app, path);
  }

  /** Discord's connection object for `connection`. */
  serializeOwnConnection(connection: OwnConnection): RawConnection {
    return connections.serializeOwnConnection(connection);
  }

  /** Builds an {@link OwnGuild} (one entry of `GET /users/@me/guilds`). */
  deserializeOwnGuild(raw: unknown, path = "$"): OwnGuild {
    return ownGuilds.deserializeOwnGuild(raw, this.#app, path);
  }

  /** Discord's `MyGuildResponse` for `guild`. */
  serializeOwnGuild(guild: OwnGuild): RawOwnGuild {
    return ownGuilds.serializeOwnGuild(guild);
  }

  // users

  /** Builds a {@link User}. */
  deserializeUser(raw: unknown, path = "$"): User {
    return users.deserializeUser(raw, this.#app, path);
  }

  /** Discord's `UserResponse` for `user`. */
  serializeUser(user: User): RawUser {
    return users.serializeUser(user);
  }

  /** Builds the {@link OwnUser} of `GET /users/@me`. */
  deserializeMyUser(raw: unknown, path = "$"): OwnUser {
    return users.deserializeMyUser(raw, this.#app, path);
  }

  /** Discord's `UserPIIResponse` for `user`. */
  serializeMyUser(user: OwnUser): RawOwnUser {
    return users.serializeMyUser(user);
  }

  /** Builds a {@link PartialUser} (only `id` is required). */
  deserializePartialUser(raw: unknown, path = "$"): PartialUser {
    return users.deserializePartialUser(raw, this.#app, path);
  }

  /** The known keys of `user`. */
  serializePartialUser(user: PartialUser): RawPartialUser {
    return users.serializePartialUser(user);
  }

  // guilds

  /** Builds a {@link RESTGuild} (a full guild object, as in a bot authorization's token response). */
  deserializeRestGuild(raw: unknown, path = "$"): RESTGuild {
    return guilds.deserializeRestGuild(raw, this.#app, path);
  }

  /** Discord's guild object for `guild`. */
  serializeRestGuild(guild: RESTGuild): RawRESTGuild {
    return guilds.serializeRestGuild(guild);
  }

  /** Builds a {@link Role} of the guild `guildId` (a role payload does not name its guild). */
  deserializeRole(raw: unknown, guildId: Snowflake, path = "$"): Role {
    return guilds.deserializeRole(raw, this.#app, guildId, path);
  }

  /** Discord's role object for `role`. */
  serializeRole(role: Role): RawRole {
    return guilds.serializeRole(role);
  }

  /** Builds a {@link KnownCustomEmoji} of the guild `guildId` (`null` for an application's emoji). */
  deserializeKnownCustomEmoji(raw: unknown, guildId: Snowflake | null, path = "$"): KnownCustomEmoji {
    return guilds.deserializeKnownCustomEmoji(raw, this.#app, guildId, path);
  }

  /** Discord's emoji object for `emoji`. */
  serializeKnownCustomEmoji(emoji: KnownCustomEmoji): RawEmoji {
    return guilds.serializeKnownCustomEmoji(emoji);
  }

  /** Builds a {@link GuildSticker}. */
  deserializeGuildSticker(raw: unknown, path = "$"): GuildSticker {
    return guilds.deserializeGuildSticker(raw, this.#app, path);
  }

  /** Discord's sticker object for `sticker`. */
  serializeGuildSticker(sticker: GuildSticker): RawGuildSticker {
    return guilds.serializeGuildSticker(sticker);
  }

  /** Builds a {@link PartialIntegration} (as a connection lists it). */
  deserializePartialIntegration(raw: unknown, path = "$"): PartialIntegration {
    return guilds.deserializePartialIntegration(raw, this.#app, path);
  }

  /** Discord's connection integration object for `integration`. */
  serializePartialIntegration(integration: PartialIntegration): RawPartialIntegration {
    return guilds.serializePartialIntegration(integration);
  }

  /** Builds a {@link Member} of the guild `guildId` (a member payload does not name its guild). */
  deserializeMember(raw: unknown, guildId: Snowflake, path = "$"): Member {
    return guilds.deserializeMember(raw, this.#app, guildId, path);
  }

  /** Discord's guild member object for `member`. */
  serializeMember(member: Member): RawGuildMember {
    return guilds.serializeMember(member);
  }

  // webhooks

  /** Builds an {@link IncomingWebhook} (as in a `webhook.incoming` token response). */
  deserializeIncomingWebhook(raw: unknown, path = "$"): IncomingWebhook {
    return webhooks.deserializeIncomingWebhook(raw, this.#app, path);
  }

  /** Discord's webhook object for `webhook`, token and URL included. */
  serializeIncomingWebhook(webhook: IncomingWebhook): RawIncomingWebhook {
    return webhooks.serializeIncomingWebhook(webhook);
  }
}
