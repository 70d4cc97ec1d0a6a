/**
 * CDN URLs: the route table and {@link AssetUrl}.
 * @module
 */
export { type AssetReadOptions, AssetUrl } from "./asset-url.js";
export {
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
} from "./routes.js";
