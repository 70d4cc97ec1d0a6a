/**
 * discord-appkit: typed models, REST client, OAuth2 helpers and interaction signature checks for
 * Discord applications. Runs anywhere `fetch` and WebCrypto do.
 *
 * @packageDocumentation
 */

// cdn
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
// core
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
export { BitFlags, type FlagClass, type FlagInput } from "./internal/flags.js";
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

// models: users, guilds, webhooks, permissions

// models: applications, oauth2 tokens, teams, connections; entity factory

// rest

// oauth2

// interactions
