import { AssetUrl } from "./asset-url.js";

/** Discord's CDN. */
export const CDN_URL = "https://cdn.discordapp.com";

/** An image format a CDN route may serve. */
export type ImageFormat = "png" | "jpeg" | "jpg" | "webp" | "gif" | "json";

/** How to render an asset: file format and size. */
export interface ImageOptions {
  /**
   * File format (case-insensitive). Defaults to `gif` for animated (`a_`) hashes on routes that serve
   * GIF, else `png`.
   */
  readonly ext?: ImageFormat | (string & {});
  /** Size in pixels: a power of two from 16 to 4096. Defaults to 4096 on routes that take a size. */
  readonly size?: number;
}

/** Values for a route's path template, such as `{ user_id: "80351110224678912", hash: "a_1a2b" }`. */
export type RouteVariables = Readonly<Record<string, string | number>>;

const SAFE_PATH = /[^A-Za-z0-9_.~\-/]/g;
const CLEAN_PATH = /^[A-Za-z0-9_.~\-/]*$/;

function encodePath(value: string): string {
  if (CLEAN_PATH.test(value)) return value;
  return value.replace(SAFE_PATH, (ch) =>
    Array.from(
      new TextEncoder().encode(ch),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    ).join(""),
  );
}

/**
 * One CDN route: a path template, the formats it serves, and whether it takes `?size=`.
 * @see https://discord.com/developers/docs/reference#image-formatting-cdn-endpoints
 */
export class CdnRoute {
  /** Path template with `{name}` placeholders, without the extension. */
  readonly template: string;
  /** Formats this route serves, lower case. */
  readonly formats: readonly ImageFormat[];
  /** Whether the route takes a `size` query parameter. */
  readonly sized: boolean;
  readonly #parts: readonly string[];

  /** @param options - the route's template, formats and whether it takes a size. */
  constructor(options: { template: string; formats: readonly ImageFormat[]; sized: boolean }) {
    this.template = options.template;
    this.formats = options.formats;
    this.sized = options.sized;
    this.#parts = options.template.split(/[{}]/);
  }

  /**
   * Builds the URL of one asset.
   * @param vars - a value for every `{placeholder}` of the template (`hash` drives the GIF default).
   * @throws TypeError for a format the route does not serve, GIF for a hash that is not animated, a
   * missing variable, or a size on a route that takes none; RangeError for a size that is not a power of
   * two from 16 to 4096.
   */
  compile(vars: RouteVariables, options: ImageOptions = {}): AssetUrl {
    const hash = vars.hash;
    const animated = typeof hash === "string" && hash.startsWith("a_");
    const ext = (options.ext ?? (animated && this.formats.includes("gif") ? "gif" : "png")).toLowerCase();
    if (!(this.formats as readonly string[]).includes(ext)) {
      throw new TypeError(
        `${ext} is not a valid format for this asset; valid formats are ${this.formats.join(", ")}`,
      );
    }
    if (ext === "gif" && hash !== undefined && !animated) {
      throw new TypeError("This asset is not animated, so it cannot be fetched as a GIF");
    }
    let path = "";
    for (let i = 0; i < this.#parts.length; i++) {
      const part = this.#parts[i]!;
      if (i % 2 === 0) {
        path += part;
        continue;
      }
      const value = vars[part];
      if (value === undefined || value === "") throw new TypeError(`Missing route variable "${part}"`);
      path += encodePath(String(value));
    }
    let url = `${CDN_URL}${path}.${ext}`;
    if (this.sized) {
      url += `?size=${checkSize(options.size ?? 4096)}`;
    } else if (options.size !== undefined) {
      throw new TypeError("This asset cannot be resized");
    }
    return new AssetUrl(url);
  }
}

function checkSize(size: number): number {
  if (!Number.isInteger(size) || size < 16 || size > 4096 || (size & (size - 1)) !== 0) {
    throw new RangeError("size must be a power of two from 16 to 4096");
  }
  return size;
}

const STATIC: readonly ImageFormat[] = ["png", "jpeg", "jpg", "webp"];
const ANIMATED: readonly ImageFormat[] = ["png", "jpeg", "jpg", "webp", "gif"];

/** Application icon: `app-icons/{application_id}/{hash}`; no GIF. */
export const CDN_APPLICATION_ICON = new CdnRoute({
  template: "/app-icons/{application_id}/{hash}",
  formats: STATIC,
  sized: true,
});
/** Application cover image; Discord keeps it beside the icon under `app-icons/` (not hikari's `app-assets/`). */
export const CDN_APPLICATION_COVER = new CdnRoute({
  template: "/app-icons/{application_id}/{hash}",
  formats: STATIC,
  sized: true,
});
/** Team icon: `team-icons/{team_id}/{hash}`; no GIF. */
export const CDN_TEAM_ICON = new CdnRoute({
  template: "/team-icons/{team_id}/{hash}",
  formats: STATIC,
  sized: true,
});
/** User avatar: `avatars/{user_id}/{hash}`. */
export const CDN_USER_AVATAR = new CdnRoute({
  template: "/avatars/{user_id}/{hash}",
  formats: ANIMATED,
  sized: true,
});
/** User banner: `banners/{user_id}/{hash}`. */
export const CDN_USER_BANNER = new CdnRoute({
  template: "/banners/{user_id}/{hash}",
  formats: ANIMATED,
  sized: true,
});
/** Default avatar `embed/avatars/{index}.png`: PNG only, no size. */
export const CDN_DEFAULT_USER_AVATAR = new CdnRoute({
  template: "/embed/avatars/{index}",
  formats: ["png"],
  sized: false,
});
/** Guild icon: `icons/{guild_id}/{hash}`. */
export const CDN_GUILD_ICON = new CdnRoute({
  template: "/icons/{guild_id}/{hash}",
  formats: ANIMATED,
  sized: true,
});
/** Guild banner: `banners/{guild_id}/{hash}`. */
export const CDN_GUILD_BANNER = new CdnRoute({
  template: "/banners/{guild_id}/{hash}",
  formats: ANIMATED,
  sized: true,
});
/** Guild invite splash: `splashes/{guild_id}/{hash}`; no GIF. */
export const CDN_GUILD_SPLASH = new CdnRoute({
  template: "/splashes/{guild_id}/{hash}",
  formats: STATIC,
  sized: true,
});
/** Guild discovery splash: `discovery-splashes/{guild_id}/{hash}`; no GIF. */
export const CDN_GUILD_DISCOVERY_SPLASH = new CdnRoute({
  template: "/discovery-splashes/{guild_id}/{hash}",
  formats: STATIC,
  sized: true,
});
/** Role icon: `role-icons/{role_id}/{hash}`; no GIF. */
export const CDN_ROLE_ICON = new CdnRoute({
  template: "/role-icons/{role_id}/{hash}",
  formats: STATIC,
  sized: true,
});
/** Custom emoji: `emojis/{emoji_id}`; pass `ext: "gif"` for animated emojis (there is no hash to tell). */
export const CDN_CUSTOM_EMOJI = new CdnRoute({
  template: "/emojis/{emoji_id}",
  formats: ["png", "jpeg", "jpg", "webp", "gif"],
  sized: true,
});
/** Sticker: `stickers/{sticker_id}` as PNG, GIF or Lottie JSON; no size. */
export const CDN_STICKER = new CdnRoute({
  template: "/stickers/{sticker_id}",
  formats: ["png", "gif", "json"],
  sized: false,
});
/** Avatar decoration preset: `avatar-decoration-presets/{asset}`; PNG only. */
export const CDN_AVATAR_DECORATION = new CdnRoute({
  template: "/avatar-decoration-presets/{asset}",
  formats: ["png"],
  sized: true,
});
/** Per-guild member avatar: `guilds/{guild_id}/users/{user_id}/avatars/{hash}`. */
export const CDN_MEMBER_AVATAR = new CdnRoute({
  template: "/guilds/{guild_id}/users/{user_id}/avatars/{hash}",
  formats: ANIMATED,
  sized: true,
});
/** Per-guild member banner: `guilds/{guild_id}/users/{user_id}/banners/{hash}`. */
export const CDN_MEMBER_BANNER = new CdnRoute({
  template: "/guilds/{guild_id}/users/{user_id}/banners/{hash}",
  formats: ANIMATED,
  sized: true,
});
/** Guild tag badge of a user's primary guild: `guild-tag-badges/{guild_id}/{badge}`; no GIF. */
export const CDN_GUILD_TAG_BADGE = new CdnRoute({
  template: "/guild-tag-badges/{guild_id}/{badge}",
  formats: ["png", "jpeg", "jpg", "webp"],
  sized: true,
});
