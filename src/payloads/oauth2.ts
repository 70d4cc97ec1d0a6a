/**
 * Wire types of Discord's OAuth2 topic, in Discord's snake_case.
 *
 * @see https://discord.com/developers/docs/topics/oauth2
 * @module
 */
import type { RawAuthorizationApplication } from "./applications.js";
import type { RawRESTGuild } from "./guilds.js";
import type { RawUser } from "./users.js";
import type { RawIncomingWebhook } from "./webhooks.js";

/** `GET /oauth2/@me`: what the current bearer token grants. */
export interface RawAuthorizationInformation {
  /** The application the token was granted to. */
  application: RawAuthorizationApplication;
  /** The scopes the user authorized. */
  scopes: string[];
  /** ISO 8601 time the access token expires. */
  expires: string;
  /** Present when the token has the `identify` scope. */
  user?: RawUser;
}

/** A token response without a refresh token (client-credentials grant). */
export interface RawPartialToken {
  /** The access token (a secret). */
  access_token: string;
  /** The token type, normally `Bearer`. */
  token_type: string;
  /** Lifetime in seconds. */
  expires_in: number;
  /** Space-separated scopes. */
  scope: string;
  /**
   * Not Discord's: the ISO 8601 expiry that discord-appkit adds when it serializes a token, so a stored
   * grant keeps its expiry. Read back when present.
   */
  expires_at?: string;
}

/** A token response of the authorization-code and refresh-token grants. */
export interface RawAuthorizationToken extends RawPartialToken {
  /** The refresh token (a secret). */
  refresh_token: string;
  /** Present with the `webhook.incoming` scope. */
  webhook?: RawIncomingWebhook;
  /** Present when the `bot` scope went through the code grant. */
  guild?: RawRESTGuild;
}

/**
 * The implicit grant's token as discord-appkit stores it. On the wire these values arrive in the redirect
 * URL's fragment, where `expires_in` is a decimal string.
 */
export interface RawImplicitToken extends RawPartialToken {
  /** The `state` echoed back by Discord. */
  state?: string;
}
