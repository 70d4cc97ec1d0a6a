/**
 * Wire types of Discord's Application resource, in Discord's snake_case.
 *
 * @see https://discord.com/developers/docs/resources/application
 * @module
 */
import type { RawTeam } from "./teams.js";
import type { RawUser } from "./users.js";

/** Install parameters: the scopes and bot permissions of an application's default install link. */
export interface RawInstallParams {
  /** OAuth2 scopes requested when the application is added. */
  scopes: string[];
  /** Decimal permission bits (older payloads send an integer). */
  permissions: string | number;
}

/** One installation context's settings inside `integration_types_config`. */
export interface RawIntegrationTypeConfiguration {
  /** Default install parameters for this context. */
  oauth2_install_params?: RawInstallParams;
}

/**
 * The public part of an application: `ApplicationResponse` (the application of `GET /oauth2/@me`) and
 * `InviteApplicationResponse` (an invite's `target_application`) share this shape.
 */
export interface RawPartialApplication {
  /** The application's ID. */
  id: string;
  /** The application's name. */
  name: string;
  /** The application's icon hash, or null. */
  icon: string | null;
  /** The application's description (may be empty). */
  description: string;
  /** The application's type, or null. */
  type?: number | null;
  /** Hash of the rich presence invite cover image. */
  cover_image?: string;
  /** ID of the game SKU, for applications sold on Discord. */
  primary_sku_id?: string;
  /** The application's bot user, as a partial user. */
  bot?: RawUser;
  /** URL slug of the store page, for applications sold on Discord. */
  slug?: string;
  /** ID of the guild tied to the application (for example its support server). */
  guild_id?: string;
  /** Origins allowed to use RPC. */
  rpc_origins?: string[];
  /** Whether users other than the owner can add the bot to guilds. */
  bot_public?: boolean;
  /** Whether adding the bot requires the full OAuth2 code grant. */
  bot_require_code_grant?: boolean;
  /** URL of the application's terms of service. */
  terms_of_service_url?: string;
  /** URL of the application's privacy policy. */
  privacy_policy_url?: string;
  /** The custom authorization URL shown when adding the application. */
  custom_install_url?: string;
  /** Settings of the default in-app authorization link. */
  install_params?: RawInstallParams;
  /** Keyed by installation context as a string: `"0"` guild install, `"1"` user install. */
  integration_types_config?: Record<string, RawIntegrationTypeConfiguration>;
  /** Hex-encoded Ed25519 public key (64 hex characters). */
  verify_key: string;
  /** Legacy 31-bit flags. */
  flags?: number;
  /** Every flag bit as a decimal string. */
  flags_new?: string;
  /** Maximum number of participants in an activity, or null. */
  max_participants?: number | null;
  /** Up to five tags describing the application. */
  tags?: string[];
}

/** `ApplicationResponse`: the application inside `GET /oauth2/@me`. */
export type RawAuthorizationApplication = RawPartialApplication;

/** `InviteApplicationResponse`: an invite's `target_application`. */
export type RawInviteApplication = RawPartialApplication;

/** `PrivateApplicationResponse`: the token owner's own application (`GET /applications/@me`). */
export interface RawApplication extends RawPartialApplication {
  /** OAuth2 redirect URIs registered for the application. */
  redirect_uris?: string[];
  /** URL that receives interactions over HTTP, or null. */
  interactions_endpoint_url?: string | null;
  /** URL used to verify linked roles, or null. */
  role_connections_verification_url?: string | null;
  /** The user who owns the application, as a partial user. */
  owner?: RawUser;
  /** Estimated number of guilds the application is in. */
  approximate_guild_count?: number;
  /** Estimated number of users who installed the application. */
  approximate_user_install_count?: number;
  /** Estimated number of users who authorized the application via OAuth2. */
  approximate_user_authorization_count?: number;
  /** URL that receives webhook events, or null. */
  event_webhooks_url?: string | null;
  /** Whether event webhooks are on: 1 disabled, 2 enabled, 3 disabled by Discord. */
  event_webhooks_status?: number;
  /** Names of the webhook event types the application receives. */
  event_webhooks_types?: string[];
  /** Explicit content filter for the application's messages: 0 follow each guild's setting, 1 always scan. */
  explicit_content_filter?: number;
  /** The team that owns the application, or null when a single user owns it. */
  team?: RawTeam | null;
  /** OAuth2 scopes the application may request. */
  eligible_oauth2_scopes?: string[];
}

/**
 * A user's role connection for one application (linked roles).
 * @see https://discord.com/developers/docs/resources/user#application-role-connection-object
 */
export interface RawApplicationRoleConnection {
  /** The platform name shown on the user's linked-role badge, or null. */
  platform_name?: string | null;
  /** The user's name on that platform, or null. */
  platform_username?: string | null;
  /** Values for the application's metadata keys, each as a string. */
  metadata?: Record<string, string>;
}

/**
 * One metadata record an application declares for linked roles.
 * @see https://discord.com/developers/docs/resources/application-role-connection-metadata
 */
export interface RawApplicationRoleConnectionMetadata {
  /** How the value is compared (integer or date comparison, or boolean equality), 1 to 8. */
  type: number;
  /** Dictionary key of the field (`a-z`, `0-9` or `_`, up to 50 characters). */
  key: string;
  /** Display name of the field (up to 100 characters). */
  name: string;
  /** Localized display names, keyed by locale, or null. */
  name_localizations?: Record<string, string> | null;
  /** Description of the field (up to 200 characters). */
  description: string;
  /** Localized descriptions, keyed by locale, or null. */
  description_localizations?: Record<string, string> | null;
}
