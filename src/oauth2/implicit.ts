/**
 * Reading the implicit grant's redirect: the access token Discord puts in the redirect URI's fragment.
 *
 * @see https://discord.com/developers/docs/topics/oauth2#implicit-grant
 * @module
 */
import { deserializeImplicitToken } from "../factory/oauth2.js";
import type { OAuth2ImplicitToken } from "../models/oauth2.js";
import { type CallbackOptions, checkRedirect, type RedirectInput, redirectParams } from "./callback.js";

/**
 * Reads an implicit-grant redirect (`#access_token=...&token_type=Bearer&expires_in=...&scope=...&state=...`),
 * after checking its state. Pass the page's whole URL (`location.href`); the values are read from the
 * fragment, or from the query when there is no fragment.
 *
 * The implicit grant hands the token to the browser and has no refresh token; prefer the authorization
 * code grant with PKCE where you can.
 *
 * @throws OAuth2StateMismatchError if the state is missing or differs (compared in constant time).
 * @throws OAuth2AuthorizationError if Discord sent `error=` (such as `access_denied`).
 * @throws DeserializationError if the token values are missing or malformed.
 * @throws TypeError if `expectedState` is not a non-empty string or `url` cannot be read.
 * @see https://discord.com/developers/docs/topics/oauth2#implicit-grant
 */
export function parseImplicitGrant(url: RedirectInput, options: CallbackOptions): OAuth2ImplicitToken {
  const params = redirectParams(url, "fragment");
  checkRedirect(params, options?.expectedState);
  return deserializeImplicitToken(params);
}
