/**
 * Builds application models from Discord's payloads, and back.
 * @module
 */
import { toHex } from "../internal/base64.js";
import type { Open } from "../internal/enums.js";
import {
  asObject,
  boolValueOr,
  fail,
  flagReader,
  hexValue,
  knownStringsValue,
  objectValue,
  optIntValue,
  optSnowflakeValue,
  optStringValue,
  type RawObject,
  StringTable,
  snowflakeValue,
  stringsValue,
  stringValue,
} from "../internal/read.js";
import {
  Application,
  ApplicationFlags,
  ApplicationInstallParameters,
  ApplicationIntegrationConfiguration,
  type ApplicationIntegrationType,
  AuthorizationApplication,
  type BaseApplication,
  type BaseApplicationInit,
  InviteApplication,
  PartialApplication,
} from "../models/applications.js";
import { OAuth2Scope } from "../models/oauth2.js";
import type { User } from "../models/users.js";
import type {
  RawApplication,
  RawInstallParams,
  RawIntegrationTypeConfiguration,
  RawPartialApplication,
} from "../payloads/applications.js";
import { isDecimalId } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import { readPermissions } from "./guilds.js";
import { deserializeTeam, serializeTeam } from "./teams.js";
import { deserializeUser, serializeUser } from "./users.js";

/** The public key's length: an Ed25519 key is 32 bytes (64 hex characters). */
const PUBLIC_KEY_BYTES = 32;
const readApplicationFlags = flagReader(() => ApplicationFlags);

let scopeTable: StringTable | undefined;

/** Every documented scope: scope lists share these strings instead of copies. */
function knownScopes(): StringTable {
  scopeTable ??= new StringTable(Object.values(OAuth2Scope));
  return scopeTable;
}

/** Reads `install_params`-shaped objects. */
function readInstallParameters(raw: RawObject, path: string): ApplicationInstallParameters {
  return new ApplicationInstallParameters({
    scopes: knownStringsValue(raw.scopes, path, "scopes", knownScopes(), true),
    permissions: readPermissions(raw.permissions, path, "permissions"),
  });
}

function optInstallParameters(
  value: unknown,
  path: string,
  key: string,
): ApplicationInstallParameters | null {
  if (value == null) return null;
  return readInstallParameters(objectValue(value, path, key), `${path}.${key}`);
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
    oauth2InstallParameters: optInstallParameters(raw.oauth2_install_params, path, "oauth2_install_params"),
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
  value: unknown,
  path: string,
): Map<Open<ApplicationIntegrationType>, ApplicationIntegrationConfiguration> {
  const out = new Map<Open<ApplicationIntegrationType>, ApplicationIntegrationConfiguration>();
  if (value == null) return out;
  const configs = objectValue(value, path, "integration_types_config");
  const keys = Object.keys(configs);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key.length > 9 || !isDecimalId(key)) {
      fail(
        `${path}.integration_types_config[${JSON.stringify(key)}]`,
        "an installation context ID as the key",
        key,
      );
    }
    const where = `${path}.integration_types_config["${key}"]`;
    out.set(Number(key), readIntegrationConfiguration(asObject(configs[key], where), where));
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

function optUser(value: unknown, app: RESTAware | null, path: string, key: string): User | null {
  return value == null ? null : deserializeUser(value, app, `${path}.${key}`);
}

/** `flags_new` (every bit, as a decimal string) when present, else the legacy `flags`, else none. */
function readFlags(raw: RawObject, path: string): ApplicationFlags {
  const modern = raw.flags_new;
  if (modern != null) return readApplicationFlags(modern, path, "flags_new");
  const legacy = raw.flags;
  if (legacy != null) return readApplicationFlags(legacy, path, "flags");
  return ApplicationFlags.from(0n);
}

/** The fields of Discord's `ApplicationResponse`, shared by every application view. */
function readPublicFields(raw: RawObject, app: RESTAware | null, path: string): BaseApplicationInit {
  return {
    id: snowflakeValue(raw.id, path, "id"),
    name: stringValue(raw.name, path, "name"),
    description: stringValue(raw.description, path, "description"),
    iconHash: optStringValue(raw.icon, path, "icon"),
    app,
    type: optIntValue(raw.type, path, "type"),
    coverImageHash: optStringValue(raw.cover_image, path, "cover_image"),
    primarySkuId: optSnowflakeValue(raw.primary_sku_id, path, "primary_sku_id"),
    bot: optUser(raw.bot, app, path, "bot"),
    slug: optStringValue(raw.slug, path, "slug"),
    guildId: optSnowflakeValue(raw.guild_id, path, "guild_id"),
    rpcOrigins: stringsValue(raw.rpc_origins, path, "rpc_origins"),
    isBotPublic: boolValueOr(raw.bot_public, path, "bot_public"),
    isBotCodeGrantRequired: boolValueOr(raw.bot_require_code_grant, path, "bot_require_code_grant"),
    termsOfServiceUrl: optStringValue(raw.terms_of_service_url, path, "terms_of_service_url"),
    privacyPolicyUrl: optStringValue(raw.privacy_policy_url, path, "privacy_policy_url"),
    customInstallUrl: optStringValue(raw.custom_install_url, path, "custom_install_url"),
    installParameters: optInstallParameters(raw.install_params, path, "install_params"),
    integrationTypesConfig: readIntegrationTypesConfig(raw.integration_types_config, path),
    publicKey: hexValue(raw.verify_key, path, "verify_key", PUBLIC_KEY_BYTES),
    flags: readFlags(raw, path),
    maxParticipants: optIntValue(raw.max_participants, path, "max_participants"),
    tags: stringsValue(raw.tags, path, "tags"),
  };
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
  const id = snowflakeValue(obj.id, path, "id");
  const skuId = obj.primary_sku_id;
  return new Application({
    id,
    name: stringValue(obj.name, path, "name"),
    description: stringValue(obj.description, path, "description"),
    iconHash: optStringValue(obj.icon, path, "icon"),
    app,
    type: optIntValue(obj.type, path, "type"),
    coverImageHash: optStringValue(obj.cover_image, path, "cover_image"),
    primarySkuId: skuId === id ? id : optSnowflakeValue(skuId, path, "primary_sku_id"),
    bot: optUser(obj.bot, app, path, "bot"),
    slug: optStringValue(obj.slug, path, "slug"),
    guildId: optSnowflakeValue(obj.guild_id, path, "guild_id"),
    rpcOrigins: stringsValue(obj.rpc_origins, path, "rpc_origins"),
    isBotPublic: boolValueOr(obj.bot_public, path, "bot_public"),
    isBotCodeGrantRequired: boolValueOr(obj.bot_require_code_grant, path, "bot_require_code_grant"),
    termsOfServiceUrl: optStringValue(obj.terms_of_service_url, path, "terms_of_service_url"),
    privacyPolicyUrl: optStringValue(obj.privacy_policy_url, path, "privacy_policy_url"),
    customInstallUrl: optStringValue(obj.custom_install_url, path, "custom_install_url"),
    installParameters: optInstallParameters(obj.install_params, path, "install_params"),
    integrationTypesConfig: readIntegrationTypesConfig(obj.integration_types_config, path),
    publicKey: hexValue(obj.verify_key, path, "verify_key", PUBLIC_KEY_BYTES),
    flags: readFlags(obj, path),
    maxParticipants: optIntValue(obj.max_participants, path, "max_participants"),
    tags: stringsValue(obj.tags, path, "tags"),
    owner: optUser(obj.owner, app, path, "owner"),
    redirectUris: stringsValue(obj.redirect_uris, path, "redirect_uris"),
    interactionsEndpointUrl: optStringValue(obj.interactions_endpoint_url, path, "interactions_endpoint_url"),
    roleConnectionsVerificationUrl: optStringValue(
      obj.role_connections_verification_url,
      path,
      "role_connections_verification_url",
    ),
    approximateGuildCount: optIntValue(obj.approximate_guild_count, path, "approximate_guild_count"),
    approximateUserInstallCount: optIntValue(
      obj.approximate_user_install_count,
      path,
      "approximate_user_install_count",
    ),
    approximateUserAuthorizationCount: optIntValue(
      obj.approximate_user_authorization_count,
      path,
      "approximate_user_authorization_count",
    ),
    eventWebhooksUrl: optStringValue(obj.event_webhooks_url, path, "event_webhooks_url"),
    eventWebhooksStatus: optIntValue(obj.event_webhooks_status, path, "event_webhooks_status"),
    eventWebhooksTypes: stringsValue(obj.event_webhooks_types, path, "event_webhooks_types"),
    explicitContentFilter: optIntValue(obj.explicit_content_filter, path, "explicit_content_filter"),
    team: obj.team == null ? null : deserializeTeam(obj.team, app, `${path}.team`),
    eligibleOauth2Scopes: knownStringsValue(
      obj.eligible_oauth2_scopes,
      path,
      "eligible_oauth2_scopes",
      knownScopes(),
    ),
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
  return new InviteApplication(readPublicFields(asObject(raw, path), app, path));
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
  return new AuthorizationApplication(readPublicFields(asObject(raw, path), app, path));
}

/**
 * Builds a {@link PartialApplication}: only `id`, `name`, `description` and `icon` are read.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializePartialApplication(raw: unknown, path = "$"): PartialApplication {
  const obj = asObject(raw, path);
  return new PartialApplication({
    id: snowflakeValue(obj.id, path, "id"),
    name: stringValue(obj.name, path, "name"),
    description: stringValue(obj.description, path, "description"),
    iconHash: optStringValue(obj.icon, path, "icon"),
  });
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
