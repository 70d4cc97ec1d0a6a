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
  scopes: string[];
  /** Decimal permission bits (older payloads send an integer). */
  permissions: string | number;
}

/** One installation context's settings inside `integration_types_config`. */
export interface RawIntegrationTypeConfiguration {
  oauth2_install_params?: RawInstallParams;
}

/**
 * The public part of an application: `ApplicationResponse` (the application of `GET /oauth2/@me`) and
 * `InviteApplicationResponse` (an invite's `target_application`) share this shape.
 */
export interface RawPartialApplication {
  id: string;
  name: string;
  icon: string | null;
  description: string;
  type?: number | null;
  cover_image?: string;
  primary_sku_id?: string;
  bot?: RawUser;
  slug?: string;
  guild_id?: string;
  rpc_origins?: string[];
  bot_public?: boolean;
  bot_require_code_grant?: boolean;
  terms_of_service_url?: string;
  privacy_policy_url?: string;
  custom_install_url?: string;
  install_params?: RawInstallParams;
  /** Keyed by installation context as a string: `"0"` guild install, `"1"` user install. */
  integration_types_config?: Record<string, RawIntegrationTypeConfiguration>;
  /** Hex-encoded Ed25519 public key (64 hex characters). */
  verify_key: string;
  /** Legacy 31-bit flags. */
  flags?: number;
  /** Every flag bit as a decimal string. */
  flags_new?: string;
  max_participants?: number | null;
  tags?: string[];
}

/** `ApplicationResponse`: the application inside `GET /oauth2/@me`. */
export type RawAuthorizationApplication = RawPartialApplication;

/** `InviteApplicationResponse`: an invite's `target_application`. */
export type RawInviteApplication = RawPartialApplication;

/** `PrivateApplicationResponse`: the token owner's own application (`GET /applications/@me`). */
export interface RawApplication extends RawPartialApplication {
  redirect_uris?: string[];
  interactions_endpoint_url?: string | null;
  role_connections_verification_url?: string | null;
  owner?: RawUser;
  approximate_guild_count?: number;
  approximate_user_install_count?: number;
  approximate_user_authorization_count?: number;
  event_webhooks_url?: string | null;
  event_webhooks_status?: number;
  event_webhooks_types?: string[];
  explicit_content_filter?: number;
  team?: RawTeam | null;
  eligible_oauth2_scopes?: string[];
}

/**
 * A user's role connection for one application (linked roles).
 * @see https://discord.com/developers/docs/resources/user#application-role-connection-object
 */
export interface RawApplicationRoleConnection {
  platform_name?: string | null;
  platform_username?: string | null;
  metadata?: Record<string, string>;
}

/**
 * One metadata record an application declares for linked roles.
 * @see https://discord.com/developers/docs/resources/application-role-connection-metadata
 */
export interface RawApplicationRoleConnectionMetadata {
  type: number;
  key: string;
  name: string;
  name_localizations?: Record<string, string> | null;
  description: string;
  description_localizations?: Record<string, string> | null;
}
