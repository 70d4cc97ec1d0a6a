/**
 * Applications: the token owner's own application, the public view of an application seen through an
 * authorization or an invite, install parameters, and the enums and flags they use.
 *
 * @see https://discord.com/developers/docs/resources/application
 * @module
 */
import {
  type AssetUrl,
  CDN_APPLICATION_COVER,
  CDN_APPLICATION_ICON,
  type ImageOptions,
} from "../cdn/index.js";
import {
  serializeApplication,
  serializeApplicationInstallParameters,
  serializeApplicationIntegrationConfiguration,
  serializeAuthorizationApplication,
  serializeInviteApplication,
  serializePartialApplication,
} from "../factory/applications.js";
import type { Open } from "../internal/enums.js";
import { BitFlags } from "../internal/flags.js";
import { sameList } from "../internal/lists.js";
import type {
  RawApplication,
  RawInstallParams,
  RawIntegrationTypeConfiguration,
  RawPartialApplication,
} from "../payloads/applications.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { OAuth2Scope } from "./oauth2.js";
import type { Permissions } from "./permissions.js";
import type { Team } from "./teams.js";
import type { User } from "./users.js";

/**
 * Bit flags of an application. hikari's names are the primary names; Discord's current names for the
 * same bits are aliases (`GATEWAY_PRESENCE` is `VERIFIED_FOR_GUILD_PRESENCES`).
 *
 * @see https://discord.com/developers/docs/resources/application#application-object-application-flags
 */
export class ApplicationFlags extends BitFlags {
  /** Bit 6: the application uses the AutoMod API (it has created an auto-moderation rule). */
  static readonly APPLICATION_AUTO_MODERATION_RULE_CREATE_BADGE = new ApplicationFlags(1n << 6n);
  /** Bit 12: the presence intent, granted after review. */
  static readonly VERIFIED_FOR_GUILD_PRESENCES = new ApplicationFlags(1n << 12n);
  /** Bit 13: the presence intent, self-serve (below the verification threshold). */
  static readonly GUILD_PRESENCES_INTENT = new ApplicationFlags(1n << 13n);
  /** Bit 14: the guild members intent, granted after review. */
  static readonly VERIFIED_FOR_GUILD_MEMBERS_INTENT = new ApplicationFlags(1n << 14n);
  /** Bit 15: the guild members intent, self-serve. */
  static readonly GUILD_MEMBERS_INTENT = new ApplicationFlags(1n << 15n);
  /** Bit 16: verification is blocked by unusual growth. */
  static readonly VERIFICATION_PENDING_GUILD_LIMIT = new ApplicationFlags(1n << 16n);
  /** Bit 17: the application is embedded in the client (an Activity). */
  static readonly EMBEDDED = new ApplicationFlags(1n << 17n);
  /** Bit 18: the message content intent, granted after review. */
  static readonly MESSAGE_CONTENT_INTENT = new ApplicationFlags(1n << 18n);
  /** Bit 19: the message content intent, self-serve. */
  static readonly MESSAGE_CONTENT_INTENT_LIMITED = new ApplicationFlags(1n << 19n);
  /** Bit 23: the application has at least one global command. */
  static readonly APPLICATION_COMMAND_BADGE = new ApplicationFlags(1n << 23n);

  /** Discord's name for {@link ApplicationFlags.VERIFIED_FOR_GUILD_PRESENCES}. */
  static readonly GATEWAY_PRESENCE = ApplicationFlags.VERIFIED_FOR_GUILD_PRESENCES;
  /** Discord's name for {@link ApplicationFlags.GUILD_PRESENCES_INTENT}. */
  static readonly GATEWAY_PRESENCE_LIMITED = ApplicationFlags.GUILD_PRESENCES_INTENT;
  /** Discord's name for {@link ApplicationFlags.VERIFIED_FOR_GUILD_MEMBERS_INTENT}. */
  static readonly GATEWAY_GUILD_MEMBERS = ApplicationFlags.VERIFIED_FOR_GUILD_MEMBERS_INTENT;
  /** Discord's name for {@link ApplicationFlags.GUILD_MEMBERS_INTENT}. */
  static readonly GATEWAY_GUILD_MEMBERS_LIMITED = ApplicationFlags.GUILD_MEMBERS_INTENT;
  /** Discord's name for {@link ApplicationFlags.MESSAGE_CONTENT_INTENT}. */
  static readonly GATEWAY_MESSAGE_CONTENT = ApplicationFlags.MESSAGE_CONTENT_INTENT;
  /** Discord's name for {@link ApplicationFlags.MESSAGE_CONTENT_INTENT_LIMITED}. */
  static readonly GATEWAY_MESSAGE_CONTENT_LIMITED = ApplicationFlags.MESSAGE_CONTENT_INTENT_LIMITED;
}

/**
 * The kind of an application. Discord documents one value; ordinary applications have `null`.
 */
export const ApplicationType = {
  /** An application created for a guild's role subscriptions. */
  GUILD_ROLE_SUBSCRIPTIONS: 4,
} as const;
/** A value of {@link ApplicationType}. */
export type ApplicationType = (typeof ApplicationType)[keyof typeof ApplicationType];

/**
 * Where an application can be installed.
 * @see https://discord.com/developers/docs/resources/application#application-object-application-integration-types
 */
export const ApplicationIntegrationType = {
  /** Installed to a guild. */
  GUILD_INSTALL: 0,
  /** Installed to a user's account. */
  USER_INSTALL: 1,
} as const;
/** A value of {@link ApplicationIntegrationType}. */
export type ApplicationIntegrationType =
  (typeof ApplicationIntegrationType)[keyof typeof ApplicationIntegrationType];

/**
 * Where an application's commands can be used.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-context-types
 */
export const ApplicationContextType = {
  /** Inside a guild. */
  GUILD: 0,
  /** In the bot's DM with the user. */
  BOT_DM: 1,
  /** In group DMs and DMs other than the bot's. */
  PRIVATE_CHANNEL: 2,
} as const;
/** A value of {@link ApplicationContextType}. */
export type ApplicationContextType = (typeof ApplicationContextType)[keyof typeof ApplicationContextType];

/**
 * Whether Discord delivers webhook events to the application's `eventWebhooksUrl`.
 * @see https://discord.com/developers/docs/resources/application#application-object-application-event-webhook-status
 */
export const ApplicationEventWebhookStatus = {
  /** Turned off by the developer (Discord's default). */
  DISABLED: 1,
  /** Turned on by the developer. */
  ENABLED: 2,
  /** Turned off by Discord, usually because the endpoint stopped answering. */
  DISABLED_BY_DISCORD: 3,
} as const;
/** A value of {@link ApplicationEventWebhookStatus}. */
export type ApplicationEventWebhookStatus =
  (typeof ApplicationEventWebhookStatus)[keyof typeof ApplicationEventWebhookStatus];

/**
 * The webhook events an application can subscribe to.
 * @see https://discord.com/developers/docs/events/webhook-events#event-types
 */
export const ApplicationEventWebhookType = {
  /** A user or guild installed the application. */
  APPLICATION_AUTHORIZED: "APPLICATION_AUTHORIZED",
  /** A user removed the application. */
  APPLICATION_DEAUTHORIZED: "APPLICATION_DEAUTHORIZED",
  /** An entitlement was created. */
  ENTITLEMENT_CREATE: "ENTITLEMENT_CREATE",
  /** An entitlement was updated. */
  ENTITLEMENT_UPDATE: "ENTITLEMENT_UPDATE",
  /** An entitlement was deleted. */
  ENTITLEMENT_DELETE: "ENTITLEMENT_DELETE",
  /** A user enrolled in a quest. */
  QUEST_USER_ENROLLMENT: "QUEST_USER_ENROLLMENT",
  /** A message was sent in a lobby. */
  LOBBY_MESSAGE_CREATE: "LOBBY_MESSAGE_CREATE",
  /** A lobby message was edited. */
  LOBBY_MESSAGE_UPDATE: "LOBBY_MESSAGE_UPDATE",
  /** A lobby message was deleted. */
  LOBBY_MESSAGE_DELETE: "LOBBY_MESSAGE_DELETE",
  /** A game direct message was sent. */
  GAME_DIRECT_MESSAGE_CREATE: "GAME_DIRECT_MESSAGE_CREATE",
  /** A game direct message was edited. */
  GAME_DIRECT_MESSAGE_UPDATE: "GAME_DIRECT_MESSAGE_UPDATE",
  /** A game direct message was deleted. */
  GAME_DIRECT_MESSAGE_DELETE: "GAME_DIRECT_MESSAGE_DELETE",
} as const;
/** A value of {@link ApplicationEventWebhookType}. */
export type ApplicationEventWebhookType =
  (typeof ApplicationEventWebhookType)[keyof typeof ApplicationEventWebhookType];

/**
 * Whether Discord scans the content of an application's interactions (present in Discord's spec only).
 */
export const ApplicationExplicitContentFilter = {
  /** Use each guild's own setting. */
  INHERIT: 0,
  /** Always scan. */
  ALWAYS: 1,
} as const;
/** A value of {@link ApplicationExplicitContentFilter}. */
export type ApplicationExplicitContentFilter =
  (typeof ApplicationExplicitContentFilter)[keyof typeof ApplicationExplicitContentFilter];

/** Everything an {@link ApplicationInstallParameters} is built from. */
export interface ApplicationInstallParametersInit {
  /** Scopes the install link asks for. */
  readonly scopes: readonly Open<OAuth2Scope>[];
  /** Permissions the bot's role gets. */
  readonly permissions: Permissions;
}

/**
 * The scopes and bot permissions of an application's default install link (Discord's "install params").
 * @see https://discord.com/developers/docs/resources/application#install-params-object
 */
export class ApplicationInstallParameters {
  /** Scopes the install link asks for; unknown scopes pass through as strings. */
  declare readonly scopes: readonly Open<OAuth2Scope>[];
  /** Permissions the bot's role gets when the bot is added to a guild. */
  declare readonly permissions: Permissions;

  /** @param init - the field values. */
  constructor(init: ApplicationInstallParametersInit) {
    this.scopes = init.scopes;
    this.permissions = init.permissions;
  }

  /** Whether `other` is install parameters with the same scopes (in order) and permissions. */
  equals(other: unknown): boolean {
    return (
      other instanceof ApplicationInstallParameters &&
      other.permissions.value === this.permissions.value &&
      sameList(other.scopes, this.scopes)
    );
  }

  /** `ApplicationInstallParameters(scopes=bot,applications.commands, permissions=ADMINISTRATOR)`. */
  toString(): string {
    return `ApplicationInstallParameters(scopes=${this.scopes.join(",")}, permissions=${this.permissions.toString()})`;
  }

  /** Discord's install params object. */
  toJSON(): RawInstallParams {
    return serializeApplicationInstallParameters(this);
  }
}

/** Everything an {@link ApplicationIntegrationConfiguration} is built from. */
export interface ApplicationIntegrationConfigurationInit {
  /** The install link settings for this context, or `null` when the context uses none. */
  readonly oauth2InstallParameters: ApplicationInstallParameters | null;
}

/**
 * One installation context's settings (a value of {@link Application.integrationTypesConfig}).
 * @see https://discord.com/developers/docs/resources/application#application-object-application-integration-type-configuration-object
 */
export class ApplicationIntegrationConfiguration {
  /** The default install link settings for this context, or `null`. */
  declare readonly oauth2InstallParameters: ApplicationInstallParameters | null;

  /** @param init - the field values. */
  constructor(init: ApplicationIntegrationConfigurationInit) {
    this.oauth2InstallParameters = init.oauth2InstallParameters;
  }

  /** Whether `other` holds the same install parameters. */
  equals(other: unknown): boolean {
    if (!(other instanceof ApplicationIntegrationConfiguration)) return false;
    const mine = this.oauth2InstallParameters;
    const theirs = other.oauth2InstallParameters;
    return mine === null ? theirs === null : mine.equals(theirs);
  }

  /** Discord's integration type configuration object. */
  toJSON(): RawIntegrationTypeConfiguration {
    return serializeApplicationIntegrationConfiguration(this);
  }
}

/** Everything a {@link PartialApplication} is built from. */
export interface PartialApplicationInit {
  /** The application's ID. */
  readonly id: Snowflake;
  /** The application's name. */
  readonly name: string;
  /** The description (`""` when there is none). */
  readonly description: string;
  /** Hash of the icon, or `null`. */
  readonly iconHash: string | null;
}

/**
 * The fields every view of an application has: ID, name, description and icon.
 * @see https://discord.com/developers/docs/resources/application#application-object
 */
export class PartialApplication {
  /** The application's ID (also its OAuth2 client ID). */
  declare readonly id: Snowflake;
  /** The application's name. */
  declare readonly name: string;
  /** The description; `""` when there is none (hikari turns that into `null`; we keep the string). */
  declare readonly description: string;
  /** Hash of the icon, or `null` when the application has none. */
  declare readonly iconHash: string | null;

  /** @param init - the field values. */
  constructor(init: PartialApplicationInit) {
    this.id = init.id;
    this.name = init.name;
    this.description = init.description;
    this.iconHash = init.iconHash;
  }

  /** When the application was created, read from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The icon's URL as a PNG at 4096 px, or `null` without an icon. */
  get iconUrl(): AssetUrl | null {
    return this.makeIconUrl();
  }

  /**
   * The icon's URL, or `null` without an icon.
   * @param options - `ext` (png, jpeg, jpg or webp; default png) and `size` (a power of two from 16 to 4096; default 4096).
   * @throws TypeError for a format application icons do not come in; RangeError for a bad size.
   * @see https://discord.com/developers/docs/reference#image-formatting-cdn-endpoints
   */
  makeIconUrl(options?: ImageOptions): AssetUrl | null {
    if (this.iconHash === null) return null;
    return CDN_APPLICATION_ICON.compile({ application_id: this.id, hash: this.iconHash }, options);
  }

  /** Whether `other` is the same kind of application object with the same ID. */
  equals(other: unknown): boolean {
    return (
      other instanceof PartialApplication && other.constructor === this.constructor && other.id === this.id
    );
  }

  /** The application's name. */
  toString(): string {
    return this.name;
  }

  /** The Discord-shaped payload. */
  toJSON(): Pick<RawPartialApplication, "id" | "name" | "description" | "icon"> {
    return serializePartialApplication(this);
  }
}

/** Everything an application object seen from outside (by an authorization or an invite) is built from. */
export interface BaseApplicationInit extends PartialApplicationInit {
  /** The client that built the model, or `null`. */
  readonly app: RESTAware | null;
  /** {@link BaseApplication.type}. */
  readonly type: Open<ApplicationType> | null;
  /** {@link BaseApplication.coverImageHash}. */
  readonly coverImageHash: string | null;
  /** {@link BaseApplication.primarySkuId}. */
  readonly primarySkuId: Snowflake | null;
  /** {@link BaseApplication.bot}. */
  readonly bot: User | null;
  /** {@link BaseApplication.slug}. */
  readonly slug: string | null;
  /** {@link BaseApplication.guildId}. */
  readonly guildId: Snowflake | null;
  /** {@link BaseApplication.rpcOrigins}. */
  readonly rpcOrigins: readonly string[];
  /** {@link BaseApplication.isBotPublic}. */
  readonly isBotPublic: boolean;
  /** {@link BaseApplication.isBotCodeGrantRequired}. */
  readonly isBotCodeGrantRequired: boolean;
  /** {@link BaseApplication.termsOfServiceUrl}. */
  readonly termsOfServiceUrl: string | null;
  /** {@link BaseApplication.privacyPolicyUrl}. */
  readonly privacyPolicyUrl: string | null;
  /** {@link BaseApplication.customInstallUrl}. */
  readonly customInstallUrl: string | null;
  /** {@link BaseApplication.installParameters}. */
  readonly installParameters: ApplicationInstallParameters | null;
  /** {@link BaseApplication.integrationTypesConfig}. */
  readonly integrationTypesConfig: ReadonlyMap<
    Open<ApplicationIntegrationType>,
    ApplicationIntegrationConfiguration
  >;
  /** {@link BaseApplication.publicKey}. */
  readonly publicKey: Uint8Array;
  /** {@link BaseApplication.flags}. */
  readonly flags: ApplicationFlags;
  /** {@link BaseApplication.maxParticipants}. */
  readonly maxParticipants: number | null;
  /** {@link BaseApplication.tags}. */
  readonly tags: readonly string[];
}

/**
 * The fields Discord shows to anyone who sees an application (its `ApplicationResponse`): shared by
 * {@link Application}, {@link AuthorizationApplication} and {@link InviteApplication}.
 */
export abstract class BaseApplication extends PartialApplication {
  readonly #app: RESTAware | null;
  /** The application's type: `null` for ordinary applications. */
  declare readonly type: Open<ApplicationType> | null;
  /** Hash of the rich-presence invite cover image, or `null`. */
  declare readonly coverImageHash: string | null;
  /** ID of the game SKU, if the application sells one. */
  declare readonly primarySkuId: Snowflake | null;
  /** The application's bot user, when Discord includes it. */
  declare readonly bot: User | null;
  /** The store page slug, if any. */
  declare readonly slug: string | null;
  /** ID of the guild associated with the application (such as its support server), or `null`. */
  declare readonly guildId: Snowflake | null;
  /** RPC origin URLs; `[]` when none. */
  declare readonly rpcOrigins: readonly string[];
  /** Whether anyone can add the bot (`false` when Discord leaves the key out). */
  declare readonly isBotPublic: boolean;
  /** Whether the bot joins only after a full authorization-code grant (`false` when left out). */
  declare readonly isBotCodeGrantRequired: boolean;
  /** Terms of service URL, or `null`. */
  declare readonly termsOfServiceUrl: string | null;
  /** Privacy policy URL, or `null`. */
  declare readonly privacyPolicyUrl: string | null;
  /** The application's custom install URL, or `null`. */
  declare readonly customInstallUrl: string | null;
  /** Settings of the default in-app install link, or `null`. */
  declare readonly installParameters: ApplicationInstallParameters | null;
  /** Per-installation-context settings, keyed by {@link ApplicationIntegrationType}; empty when absent. */
  declare readonly integrationTypesConfig: ReadonlyMap<
    Open<ApplicationIntegrationType>,
    ApplicationIntegrationConfiguration
  >;
  /** The Ed25519 public key (32 bytes) that signs the application's interactions (`verify_key`). */
  declare readonly publicKey: Uint8Array;
  /** The application's flags, read from `flags_new` when present, else from `flags`. */
  declare readonly flags: ApplicationFlags;
  /** Participant limit of an Activity, or `null` (`-1` means unlimited). */
  declare readonly maxParticipants: number | null;
  /** Up to five tags describing the application; `[]` when none. */
  declare readonly tags: readonly string[];

  /** @param init - the field values. */
  constructor(init: BaseApplicationInit) {
    super(init);
    this.#app = init.app;
    this.type = init.type;
    this.coverImageHash = init.coverImageHash;
    this.primarySkuId = init.primarySkuId;
    this.bot = init.bot;
    this.slug = init.slug;
    this.guildId = init.guildId;
    this.rpcOrigins = init.rpcOrigins;
    this.isBotPublic = init.isBotPublic;
    this.isBotCodeGrantRequired = init.isBotCodeGrantRequired;
    this.termsOfServiceUrl = init.termsOfServiceUrl;
    this.privacyPolicyUrl = init.privacyPolicyUrl;
    this.customInstallUrl = init.customInstallUrl;
    this.installParameters = init.installParameters;
    this.integrationTypesConfig = init.integrationTypesConfig;
    this.publicKey = init.publicKey;
    this.flags = init.flags;
    this.maxParticipants = init.maxParticipants;
    this.tags = init.tags;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** The cover image's URL as a PNG at 4096 px, or `null` without one. */
  get coverImageUrl(): AssetUrl | null {
    return this.makeCoverImageUrl();
  }

  /**
   * The cover image's URL (under `app-icons/`, as Discord documents it), or `null` without one.
   * @param options - `ext` (png, jpeg, jpg or webp; default png) and `size` (default 4096).
   * @throws TypeError for a format covers do not come in; RangeError for a bad size.
   */
  makeCoverImageUrl(options?: ImageOptions): AssetUrl | null {
    if (this.coverImageHash === null) return null;
    return CDN_APPLICATION_COVER.compile({ application_id: this.id, hash: this.coverImageHash }, options);
  }
}

/**
 * An application as an invite shows it (the invite's `target_application`).
 * @see https://discord.com/developers/docs/resources/invite#invite-object
 */
export class InviteApplication extends BaseApplication {
  /** Discord's `InviteApplicationResponse`. */
  override toJSON(): RawPartialApplication {
    return serializeInviteApplication(this);
  }
}

/**
 * The application a bearer token was granted to (inside {@link AuthorizationInformation}).
 * @see https://discord.com/developers/docs/topics/oauth2#get-current-authorization-information
 */
export class AuthorizationApplication extends BaseApplication {
  /** Discord's `ApplicationResponse`. */
  override toJSON(): RawPartialApplication {
    return serializeAuthorizationApplication(this);
  }
}

/** Everything an {@link Application} is built from. */
export interface ApplicationInit extends BaseApplicationInit {
  /** {@link Application.owner}. */
  readonly owner: User | null;
  /** {@link Application.redirectUris}. */
  readonly redirectUris: readonly string[];
  /** {@link Application.interactionsEndpointUrl}. */
  readonly interactionsEndpointUrl: string | null;
  /** {@link Application.roleConnectionsVerificationUrl}. */
  readonly roleConnectionsVerificationUrl: string | null;
  /** {@link Application.approximateGuildCount}. */
  readonly approximateGuildCount: number | null;
  /** {@link Application.approximateUserInstallCount}. */
  readonly approximateUserInstallCount: number | null;
  /** {@link Application.approximateUserAuthorizationCount}. */
  readonly approximateUserAuthorizationCount: number | null;
  /** {@link Application.eventWebhooksUrl}. */
  readonly eventWebhooksUrl: string | null;
  /** {@link Application.eventWebhooksStatus}. */
  readonly eventWebhooksStatus: Open<ApplicationEventWebhookStatus> | null;
  /** {@link Application.eventWebhooksTypes}. */
  readonly eventWebhooksTypes: readonly Open<ApplicationEventWebhookType>[];
  /** {@link Application.explicitContentFilter}. */
  readonly explicitContentFilter: Open<ApplicationExplicitContentFilter> | null;
  /** {@link Application.team}. */
  readonly team: Team | null;
  /** {@link Application.eligibleOauth2Scopes}. */
  readonly eligibleOauth2Scopes: readonly Open<OAuth2Scope>[];
}

/**
 * The token owner's own application (`GET /applications/@me` or `GET /oauth2/applications/@me`), with
 * the private fields only its owner sees.
 * @see https://discord.com/developers/docs/resources/application#application-object
 */
export class Application extends BaseApplication {
  /** The owner: a user, or for team applications the team's pseudo-user; `null` when left out. */
  declare readonly owner: User | null;
  /** Registered OAuth2 redirect URIs; `[]` when none. */
  declare readonly redirectUris: readonly string[];
  /** The interactions endpoint URL, or `null` when interactions arrive over the gateway. */
  declare readonly interactionsEndpointUrl: string | null;
  /** The linked-roles verification URL, or `null`. */
  declare readonly roleConnectionsVerificationUrl: string | null;
  /** Approximate number of guilds the application is in, or `null` when left out. */
  declare readonly approximateGuildCount: number | null;
  /** Approximate number of users who installed the application, or `null`. */
  declare readonly approximateUserInstallCount: number | null;
  /** Approximate number of users with any OAuth2 authorization for the application, or `null`. */
  declare readonly approximateUserAuthorizationCount: number | null;
  /** Where webhook events are sent, or `null`. */
  declare readonly eventWebhooksUrl: string | null;
  /** Whether webhook events are on, or `null` when left out. */
  declare readonly eventWebhooksStatus: Open<ApplicationEventWebhookStatus> | null;
  /** The webhook events subscribed to; `[]` when none. */
  declare readonly eventWebhooksTypes: readonly Open<ApplicationEventWebhookType>[];
  /** Whether Discord scans interaction content, or `null` when left out. */
  declare readonly explicitContentFilter: Open<ApplicationExplicitContentFilter> | null;
  /** The team that owns the application, or `null`. */
  declare readonly team: Team | null;
  /** Scopes the application may request; `[]` when left out. */
  declare readonly eligibleOauth2Scopes: readonly Open<OAuth2Scope>[];

  /** @param init - the field values. */
  constructor(init: ApplicationInit) {
    super(init);
    this.owner = init.owner;
    this.redirectUris = init.redirectUris;
    this.interactionsEndpointUrl = init.interactionsEndpointUrl;
    this.roleConnectionsVerificationUrl = init.roleConnectionsVerificationUrl;
    this.approximateGuildCount = init.approximateGuildCount;
    this.approximateUserInstallCount = init.approximateUserInstallCount;
    this.approximateUserAuthorizationCount = init.approximateUserAuthorizationCount;
    this.eventWebhooksUrl = init.eventWebhooksUrl;
    this.eventWebhooksStatus = init.eventWebhooksStatus;
    this.eventWebhooksTypes = init.eventWebhooksTypes;
    this.explicitContentFilter = init.explicitContentFilter;
    this.team = init.team;
    this.eligibleOauth2Scopes = init.eligibleOauth2Scopes;
  }

  /** Discord's `PrivateApplicationResponse`. */
  override toJSON(): RawApplication {
    return serializeApplication(this);
  }
}
