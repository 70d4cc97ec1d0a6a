/**
 * discord-appkit: typed models, REST client, OAuth2 helpers and interaction signature checks for
 * Discord applications. Runs anywhere `fetch` and WebCrypto do.
 *
 * Exports are listed by module path, so each area (cdn, errors, factory, interactions, models, oauth2,
 * payloads, rest, snowflakes) stays together.
 *
 * @packageDocumentation
 */

export {
  type AssetReadOptions,
  AssetUrl,
  CDN_APPLICATION_COVER,
  CDN_APPLICATION_ICON,
  CDN_AVATAR_DECORATION,
  CDN_CUSTOM_EMOJI,
  CDN_DEFAULT_USER_AVATAR,
  CDN_GUILD_BANNER,
  CDN_GUILD_DISCOVERY_SPLASH,
  CDN_GUILD_ICON,
  CDN_GUILD_SPLASH,
  CDN_GUILD_TAG_BADGE,
  CDN_MEMBER_AVATAR,
  CDN_MEMBER_BANNER,
  CDN_ROLE_ICON,
  CDN_STICKER,
  CDN_TEAM_ICON,
  CDN_URL,
  CDN_USER_AVATAR,
  CDN_USER_BANNER,
  CdnRoute,
  type ImageFormat,
  type ImageOptions,
  type RouteVariables,
} from "./cdn/index.js";
export {
  BadRequestError,
  ClientHTTPResponseError,
  CloudflareBanError,
  DeserializationError,
  type DeserializationErrorOptions,
  DiscordAppkitError,
  type DiscordErrorTree,
  ForbiddenError,
  HTTPError,
  HTTPResponseError,
  type HTTPResponseErrorOptions,
  httpStatusText,
  InternalServerError,
  InvalidRequestBudgetError,
  NetworkError,
  NotFoundError,
  OAuth2AuthorizationError,
  OAuth2Error,
  OAuth2StateMismatchError,
  RateLimitTooLongError,
  ReauthorizationRequiredError,
  RequestTimeoutError,
  UnauthorizedError,
} from "./errors.js";
export {
  EntityFactory,
  type EntityFactoryOptions,
  type ImplicitTokenSource,
  type TokenReadOptions,
} from "./factory/entity-factory.js";
export { parseScopes } from "./factory/oauth2.js";
export { type InteractionSignatureOptions, verifyInteractionSignature } from "./interactions/verify.js";
export type { Open } from "./internal/enums.js";
export { BitFlags, type FlagClass, type FlagInput } from "./internal/flags.js";
export {
  Application,
  ApplicationContextType,
  ApplicationEventWebhookStatus,
  ApplicationEventWebhookType,
  ApplicationExplicitContentFilter,
  ApplicationFlags,
  type ApplicationInit,
  ApplicationInstallParameters,
  type ApplicationInstallParametersInit,
  ApplicationIntegrationConfiguration,
  type ApplicationIntegrationConfigurationInit,
  ApplicationIntegrationType,
  ApplicationType,
  AuthorizationApplication,
  BaseApplication,
  type BaseApplicationInit,
  InviteApplication,
  PartialApplication,
  type PartialApplicationInit,
} from "./models/applications.js";
export {
  ConnectionVisibility,
  OwnConnection,
  type OwnConnectionInit,
} from "./models/connections.js";
export { KnownCustomEmoji, type KnownCustomEmojiInit } from "./models/emojis.js";
export {
  GuildExplicitContentFilterLevel,
  GuildFeature,
  GuildIncidents,
  type GuildIncidentsInit,
  GuildMessageNotificationsLevel,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  PartialGuild,
  type PartialGuildFields,
  type PartialGuildInit,
  RESTGuild,
  type RESTGuildInit,
} from "./models/guilds.js";
export {
  IntegrationAccount,
  IntegrationExpireBehaviour,
  IntegrationType,
  PartialIntegration,
  type PartialIntegrationInit,
} from "./models/integrations.js";
export { Locale, type LocaleLike } from "./models/locales.js";
export { GuildMemberFlags, Member, type MemberInit } from "./models/members.js";
export {
  AuthorizationInformation,
  type AuthorizationInformationInit,
  OAuth2AuthorizationToken,
  type OAuth2AuthorizationTokenInit,
  OAuth2ImplicitToken,
  type OAuth2ImplicitTokenInit,
  OAuth2Scope,
  PartialOAuth2Token,
  type PartialOAuth2TokenInit,
  TokenType,
} from "./models/oauth2.js";
export { OwnGuild, type OwnGuildInit } from "./models/own-guilds.js";
export { Permissions } from "./models/permissions.js";
export {
  ApplicationRoleConnection,
  type ApplicationRoleConnectionInit,
  ApplicationRoleConnectionMetadata,
  type ApplicationRoleConnectionMetadataInit,
  ApplicationRoleConnectionMetadataType,
} from "./models/role-connections.js";
export {
  colorToHex,
  Role,
  RoleColors,
  type RoleColorsInit,
  RoleFlags,
  type RoleInit,
} from "./models/roles.js";
export { GuildSticker, type GuildStickerInit, StickerFormatType, StickerType } from "./models/stickers.js";
export {
  Team,
  type TeamInit,
  TeamMember,
  type TeamMemberInit,
  TeamMemberRole,
  TeamMembershipState,
} from "./models/teams.js";
export {
  AvatarDecoration,
  type AvatarDecorationInit,
  Collectibles,
  Nameplate,
  type NameplateInit,
  NameplatePalette,
  OwnUser,
  type OwnUserInit,
  PartialUser,
  type PartialUserInit,
  PremiumType,
  PrimaryGuild,
  type PrimaryGuildInit,
  User,
  UserFlags,
  type UserInit,
} from "./models/users.js";
export { IncomingWebhook, type IncomingWebhookInit, WebhookType } from "./models/webhooks.js";
export {
  type AuthorizationUrlOptions,
  buildAuthorizationUrl,
  DEFAULT_AUTHORIZE_URL,
  type OAuth2Prompt,
  type OAuth2ResponseType,
} from "./oauth2/authorization-url.js";
export {
  type AuthorizationCallback,
  type CallbackOptions,
  parseAuthorizationCallback,
  type RedirectInput,
} from "./oauth2/callback.js";
export {
  ClientCredentialsStrategy,
  type ClientCredentialsStrategyOptions,
} from "./oauth2/client-credentials.js";
export { parseImplicitGrant } from "./oauth2/implicit.js";
export {
  computePkceChallenge,
  createPkcePair,
  MAX_PKCE_VERIFIER_LENGTH,
  MIN_PKCE_VERIFIER_LENGTH,
  type PkcePair,
  type PkcePairOptions,
} from "./oauth2/pkce.js";
export { generateState, timingSafeEqual, verifyState } from "./oauth2/state.js";
export { TokenManager, type TokenManagerOptions } from "./oauth2/token-manager.js";
export { MemoryTokenStore, type TokenStore } from "./oauth2/token-store.js";
export type {
  RawApplication,
  RawApplicationRoleConnection,
  RawApplicationRoleConnectionMetadata,
  RawAuthorizationApplication,
  RawInstallParams,
  RawIntegrationTypeConfiguration,
  RawInviteApplication,
  RawPartialApplication,
} from "./payloads/applications.js";
export type { RawConnection, RawOwnGuild } from "./payloads/connections.js";
export type { RawEmoji } from "./payloads/emojis.js";
export type {
  RawGuildIncidentsData,
  RawGuildMember,
  RawIntegrationAccount,
  RawIntegrationGuild,
  RawPartialGuildFields,
  RawPartialIntegration,
  RawRESTGuild,
} from "./payloads/guilds.js";
export type {
  RawAuthorizationInformation,
  RawAuthorizationToken,
  RawImplicitToken,
  RawPartialToken,
} from "./payloads/oauth2.js";
export type { RawRole, RawRoleColors, RawRoleTags } from "./payloads/permissions.js";
export type { RawGuildSticker } from "./payloads/stickers.js";
export type { RawTeam, RawTeamMember } from "./payloads/teams.js";
export type {
  RawAvatarDecorationData,
  RawCollectibles,
  RawNameplate,
  RawOwnUser,
  RawPartialUser,
  RawPrimaryGuild,
  RawUser,
} from "./payloads/users.js";
export type { RawIncomingWebhook } from "./payloads/webhooks.js";
export {
  type AddUserToGuildOptions,
  type AuthorizeAccessTokenOptions,
  type AuthorizeClientCredentialsTokenOptions,
  type BitsInput,
  type ClientAuthentication,
  DEFAULT_API_URL,
  DEFAULT_USER_AGENT,
  type EditApplicationOptions,
  type FetchLike,
  type FetchMyGuildsOptions,
  type FetchResponseHeaders,
  type FetchResponseLike,
  type HTTPMethod,
  type ImageInput,
  INVALID_REQUEST_WINDOW_MS,
  type InstallParametersInput,
  type IntegrationConfigurationInput,
  type InvalidRequestStatus,
  isTokenStrategy,
  type OAuth2ClientOptions,
  RESTApp,
  type RESTAppOptions,
  RESTClient,
  type RESTClientInit,
  type RefreshAccessTokenOptions,
  type RequestOptions,
  type RevokeAccessTokenOptions,
  ROUTES,
  type RoleConnectionUpdate,
  type Route,
  type SnowflakeLike,
  type TokenStrategy,
  VERSION,
} from "./rest/index.js";
export {
  compareSnowflakes,
  DISCORD_EPOCH_MS,
  dateToSnowflake,
  isSnowflake,
  MAX_SNOWFLAKE,
  MIN_SNOWFLAKE,
  type Snowflake,
  type SnowflakeParts,
  snowflakeParts,
  snowflakeToDate,
} from "./snowflakes.js";
export { getTokenId } from "./tokens.js";
export type { RESTAware } from "./traits.js";
