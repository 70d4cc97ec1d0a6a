/**
 * discord-appkit: typed models, REST client, OAuth2 helpers and interaction signature checks for
 * Discord applications. Runs anywhere `fetch` and WebCrypto do.
 *
 * @packageDocumentation
 */

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

// cdn

// models: users, guilds, webhooks, permissions

// models: applications, oauth2 tokens, teams, connections; entity factory

// rest

// oauth2

// interactions
