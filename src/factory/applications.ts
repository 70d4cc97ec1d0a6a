/**
 * Builds application models from Discord's payloads, and back.
 * @module
 */
import { toHex } from "../internal/base64.js";
import type { Open } from "../internal/enums.js";
import {
  arrayOf,
  asBits,
  asHexBytes,
  asObject,
  boolOr,
  fail,
  itemString,
  optInt,
  optObject,
  optSnowflake,
  optString,
  type RawObject,
  reqSnowflake,
  reqString,
} from "../internal/read.js";
import {
  Application,
  ApplicationFlags,
  ApplicationInstallParameters,
  ApplicationIntegrationConfiguration,
  type ApplicationIntegrationType,
  AuthorizationApplication,
  type BaseApplication,
  InviteApplication,
  type PartialApplication,
} from "../models/applications.js";
import { Permissions } from "../models/permissions.js";
import type { User } from "../models/users.js";
import type {
  RawApplication,
  RawInstallParams,
  RawIntegrationTypeConfiguration,
  RawPartialApplication,
} from "../payloads/applications.js";
import type { RESTAware } from "../traits.js";
import { deserializeTeam, serializeTeam } from "./teams.js";
import { deserializeUser, serializeUser } from "./users.js";

/** The public key's length: an Ed25519 key is 32 bytes (64 hex characters). */
const PUBLIC_KEY_BYTES = 32;
const CONTEXT_KEY = /^(?:0|[1-9]\d{0,8})$/;

/** Reads `install_params`-shaped objects. */
function readInstallParameters(raw: RawObject, path: string): ApplicationInstallParameters {
  return new ApplicationInstallParameters({
    scopes: arrayOf(raw, "scopes", path, itemString, true),
    permissions: Permissions.from(asBits(raw.permissions, `${path}.permissions`)),
  });
}

/**
 * Builds {@link ApplicationInstallParameters} from Discord's install params object.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeApplicationInstallParameters(
  raw: unknown,
  path = "$",
): ApplicationInstallParameters {
  return readInstallParameters(asObject(raw, path), path);
}

/** Discord's install params object for `params`; permissions as a decimal string. */
export function serializeApplicationInstallParameters(
  params: ApplicationInstallParameters,
): RawInstallParams {
  return { scopes: [...params.scopes], permissions: params.permissions.toJSON() };
}

function readIntegrationConfiguration(raw: RawObject, path: string): ApplicationIntegrationConfiguration {
  return new ApplicationIntegrationConfiguration({
    oauth2InstallParameters: optObject(raw, "oauth2_install_params", path, readInstallParameters),
  });
}

/**
 * Builds one {@link ApplicationIntegrationConfiguration} (a value of `integration_types_config`).
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeApplicationIntegrationConfiguration(
  raw: unknown,
  path = "$",
): ApplicationIntegrationConfiguration {
  return readIntegrationConfiguration(asObject(raw, path), path);
}

/** Discord's integration type configuration object; `{}` when it has no install parameters. */
export function serializeApplicationIntegrationConfiguration(
  config: ApplicationIntegrationConfiguration,
): RawIntegrationTypeConfiguration {
  const params = config.oauth2InstallParameters;
  return params === null ? {} : { oauth2_install_params: serializeApplicationInstallParameters(params) };
}

function readIntegrationTypesConfig(
  raw: RawObject,
  path: string,
): Map<Open<ApplicationIntegrationType>, ApplicationIntegrationConfiguration> {
  const out = new Map<Open<ApplicationIntegrationType>, ApplicationIntegrationConfiguration>();
  const value = raw.integration_types_config;
  if (value == null) return out;
  const where = `${path}.integration_types_config`;
  const configs = asObject(value, where);
  for (const key of Object.keys(configs)) {
    const at = `${where}[${JSON.stringify(key)}]`;
    if (!CONTEXT_KEY.test(key)) fail(at, "an installation context ID as the key", key);
    out.set(Number(key), readIntegrationConfiguration(asObject(configs[key], at), at));
  }
  return out;
}

function writeIntegrationTypesConfig(
  config: ReadonlyMap<Open<ApplicationIntegrationType>, ApplicationIntegrationConfiguration>,
): Record<string, RawIntegrationTypeConfiguration> {
  const out: Record<string, RawIntegrationTypeConfiguration> = {};
  for (const [key, value] of config) out[String(key)] = serializeApplicationIntegrationConfiguration(value);
  return out;
}

function optUser(raw: RawObject, key: string, path: string, app: RESTAware | null): User | null {
  const value = raw[key];
  return value == null ? null : deserializeUser(value, app, `${path}.${key}`);
}

function readFlags(raw: RawObject, path: string): ApplicationFlags {
  const modern = raw.flags_new;
  if (modern != null) return ApplicationFlags.from(asBits(modern, `${path}.flags_new`));
  const legacy = raw.flags;
  if (legacy != null) return ApplicationFlags.from(asBits(legacy, `${path}.flags`));
  return ApplicationFlags.from(0n);
}

function readPublicKey(raw: RawObject, path: string): Uint8Array {
  return asHexBytes(raw.verify_key, `${path}.verify_key`, PUBLIC_KEY_BYTES);
}

/**
 * Builds a {@link PartialApplication}-shaped model: `new Cls(...)` for the three public views, which
 * share Discord's `ApplicationResponse` fields.
 */
function readPublicApplication<T extends BaseApplication>(
  Cls: new (init: ConstructorParameters<typeof InviteApplication>[0]) => T,
  value: unknown,
  app: RESTAware | null,
  path: string,
): T {
  const raw = asObject(value, path);
  return new Cls({
    id: reqSnowflake(raw, "id", path),
    name: reqString(raw, "name", path),
    description: reqString(raw, "description", path),
    iconHash: optString(raw, "icon", path),
    app,
    type: optInt(raw, "type", path),
    coverImageHash: optString(raw, "cover_image", path),
    primarySkuId: optSnowflake(raw, "primary_sku_id", path),
    bot: optUser(raw, "bot", path, app),
    slug: optString(raw, "slug", path),
    guildId: optSnowflake(raw, "guild_id", path),
    rpcOrigins: arrayOf(raw, "rpc_origins", path, itemString),
    isBotPublic: boolOr(raw, "bot_public", path),
    isBotCodeGrantRequired: boolOr(raw, "bot_require_code_grant", path),
    termsOfServiceUrl: optString(raw, "terms_of_service_url", path),
    privacyPolicyUrl: optString(raw, "privacy_policy_url", path),
    customInstallUrl: optString(raw, "custom_install_url", path),
    installParameters: optObject(raw, "install_params", path, readInstallParameters),
    integrationTypesConfig: readIntegrationTypesConfig(raw, path),
    publicKey: readPublicKey(raw, path),
    flags: readFlags(raw, path),
    maxParticipants: optInt(raw, "max_participants", path),
    tags: arrayOf(raw, "tags", path, itemString),
  });
}

/**
 * Builds the token owner's {@link Application} from `GET /applications/@me` (or
 * `GET /oauth2/applications/@me`).
 * @param raw - the parsed JSON body.
 * @param app - the client models carry, or `null`.
 * @param path - the JSON path of `raw`, for error messages.
 * @throws DeserializationError when the payload does not fit, including a `verify_key` that is not 64
 * hex characters.
 */
export function deserializeApplication(raw: unknown, app: RESTAware | null, path = "$"): Application {
  const obj = asObject(raw, path);
  return new Application({
    id: reqSnowflake(obj, "id", path),
    name: reqString(obj, "name", path),
    description: reqString(obj, "description", path),
    iconHash: optString(obj, "icon", path),
    app,
    type: optInt(obj, "type", path),
    coverImageHash: optString(obj, "cover_image", path),
    primarySkuId: optSnowflake(obj, "primary_sku_id", path),
    bot: optUser(obj, "bot", path, app),
    slug: optString(obj, "slug", path),
    guildId: optSnowflake(obj, "guild_id", path),
    rpcOrigins: arrayOf(obj, "rpc_origins", path, itemString),
    isBotPublic: boolOr(obj, "bot_public", path),
    isBotCodeGrantRequired: boolOr(obj, "bot_require_code_grant", path),
    termsOfServiceUrl: optString(obj, "terms_of_service_url", path),
    privacyPolicyUrl: optString(obj, "privacy_policy_url", path),
    customInstallUrl: optString(obj, "custom_install_url", path),
    installParameters: optObject(obj, "install_params", path, readInstallParameters),
    integrationTypesConfig: readIntegrationTypesConfig(obj, path),
    publicKey: readPublicKey(obj, path),
    flags: readFlags(obj, path),
    maxParticipants: optInt(obj, "max_participants", path),
    tags: arrayOf(obj, "tags", path, itemString),
    owner: optUser(obj, "owner", path, app),
    redirectUris: arrayOf(obj, "redirect_uris", path, itemString),
    interactionsEndpointUrl: optString(obj, "interactions_endpoint_url", path),
    roleConnectionsVerificationUrl: optString(obj, "role_connections_verification_url", path),
    approximateGuildCount: optInt(obj, "approximate_guild_count", path),
    approximateUserInstallCount: optInt(obj, "approximate_user_install_count", path),
    approximateUserAuthorizationCount: optInt(obj, "approximate_user_authorization_count", path),
    eventWebhooksUrl: optString(obj, "event_webhooks_url", path),
    eventWebhooksStatus: optInt(obj, "event_webhooks_status", path),
    eventWebhooksTypes: arrayOf(obj, "event_webhooks_types", path, itemString),
    explicitContentFilter: optInt(obj, "explicit_content_filter", path),
    team: obj.team == null ? null : deserializeTeam(obj.team, app, `${path}.team`),
    eligibleOauth2Scopes: arrayOf(obj, "eligible_oauth2_scopes", path, itemString),
  });
}

/**
 * Builds an {@link InviteApplication} from an invite's `target_application`.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeInviteApplication(
  raw: unknown,
  app: RESTAware | null,
  path = "$",
): InviteApplication {
  return readPublicApplication(InviteApplication, raw, app, path);
}

/**
 * Builds an {@link AuthorizationApplication} from the `application` of `GET /oauth2/@me`.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeAuthorizationApplication(
  raw: unknown,
  app: RESTAware | null,
  path = "$",
): AuthorizationApplication {
  return readPublicApplication(AuthorizationApplication, raw, app, path);
}

/** The four fields every application view has. */
export function serializePartialApplication(
  application: PartialApplication,
): Pick<RawPartialApplication, "id" | "name" | "description" | "icon"> {
  return {
    id: application.id,
    name: application.name,
    icon: application.iconHash,
    description: application.description,
  };
}

function writePublicApplication(application: BaseApplication): RawPartialApplication {
  const out: RawPartialApplication = {
    id: application.id,
    name: application.name,
    icon: application.iconHash,
    description: application.description,
    type: application.type,
    verify_key: toHex(application.publicKey),
    flags: Number(application.flags.value & 0x7fffffffn),
    flags_new: application.flags.toJSON(),
    rpc_origins: [...application.rpcOrigins],
    bot_public: application.isBotPublic,
    bot_require_code_grant: application.isBotCodeGrantRequired,
    integration_types_config: writeIntegrationTypesConfig(application.integrationTypesConfig),
    max_participants: application.maxParticipants,
    tags: [...application.tags],
  };
  if (application.coverImageHash !== null) out.cover_image = application.coverImageHash;
  if (application.primarySkuId !== null) out.primary_sku_id = application.primarySkuId;
  if (application.bot !== null) out.bot = serializeUser(application.bot);
  if (application.slug !== null) out.slug = application.slug;
  if (application.guildId !== null) out.guild_id = application.guildId;
  if (application.termsOfServiceUrl !== null) out.terms_of_service_url = application.termsOfServiceUrl;
  if (application.privacyPolicyUrl !== null) out.privacy_policy_url = application.privacyPolicyUrl;
  if (application.customInstallUrl !== null) out.custom_install_url = application.customInstallUrl;
  if (application.installParameters !== null) {
    out.install_params = serializeApplicationInstallParameters(application.installParameters);
  }
  return out;
}

/** Discord's `InviteApplicationResponse` for `application`. */
export function serializeInviteApplication(application: InviteApplication): RawPartialApplication {
  return writePublicApplication(application);
}

/** Discord's `ApplicationResponse` for `application`. */
export function serializeAuthorizationApplication(
  application: AuthorizationApplication,
): RawPartialApplication {
  return writePublicApplication(application);
}

/**
 * Discord's `PrivateApplicationResponse` for `application`: every modelled field, `null` only where
 * Discord's schema allows it, left out otherwise.
 */
export function serializeApplication(application: Application): RawApplication {
  const out: RawApplication = writePublicApplication(application);
  out.redirect_uris = [...application.redirectUris];
  out.interactions_endpoint_url = application.interactionsEndpointUrl;
  out.role_connections_verification_url = application.roleConnectionsVerificationUrl;
  if (application.owner !== null) out.owner = serializeUser(application.owner);
  if (application.approximateGuildCount !== null)
    out.approximate_guild_count = application.approximateGuildCount;
  if (application.approximateUserInstallCount !== null) {
    out.approximate_user_install_count = application.approximateUserInstallCount;
  }
  if (application.approximateUserAuthorizationCount !== null) {
    out.approximate_user_authorization_count = application.approximateUserAuthorizationCount;
  }
  out.event_webhooks_url = application.eventWebhooksUrl;
  if (application.eventWebhooksStatus !== null) out.event_webhooks_status = application.eventWebhooksStatus;
  out.event_webhooks_types = [...application.eventWebhooksTypes];
  if (application.explicitContentFilter !== null)
    out.explicit_content_filter = application.explicitContentFilter;
  out.team = application.team === null ? null : serializeTeam(application.team);
  out.eligible_oauth2_scopes = [...application.eligibleOauth2Scopes];
  return out;
}
