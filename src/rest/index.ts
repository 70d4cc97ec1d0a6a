/**
 * The REST layer: {@link RESTApp}, {@link RESTClient} and what they take and return.
 * @module
 */
export {
  type ClientAuthentication,
  DEFAULT_API_URL,
  DEFAULT_USER_AGENT,
  RESTApp,
  type RESTAppOptions,
} from "./app.js";
export {
  type AddUserToGuildOptions,
  type FetchMyGuildsOptions,
  RESTClient,
  type RESTClientInit,
  type RequestOptions,
  type RoleConnectionUpdate,
} from "./client.js";
export type {
  BitsInput,
  EditApplicationOptions,
  ImageInput,
  InstallParametersInput,
  IntegrationConfigurationInput,
} from "./edit-application.js";
export { INVALID_REQUEST_WINDOW_MS, type InvalidRequestStatus } from "./invalid-requests.js";
export type { FetchLike, FetchResponseHeaders, FetchResponseLike } from "./pipeline.js";
export { type HTTPMethod, ROUTES, type Route, type SnowflakeLike } from "./routes.js";
export type {
  AuthorizeAccessTokenOptions,
  AuthorizeClientCredentialsTokenOptions,
  OAuth2ClientOptions,
  RefreshAccessTokenOptions,
  RevokeAccessTokenOptions,
} from "./token-endpoint.js";
export { isTokenStrategy, type TokenStrategy } from "./token-strategy.js";
export { VERSION } from "./version.js";
