/**
 * Deserializers and serializers for users. Only function declarations live at the top level, so the
 * model modules may import the serializers back (an import cycle that is safe for that reason).
 * @module
 */

import {
  asObject,
  boolOr,
  optBool,
  optInt,
  optObject,
  optSnowflake,
  optString,
  type RawObject,
  reqSnowflake,
  reqString,
} from "../internal/read.js";
import {
  AvatarDecoration,
  Collectibles,
  Nameplate,
  OwnUser,
  PartialUser,
  PrimaryGuild,
  User,
  UserFlags,
  type UserInit,
} from "../models/users.js";
import type {
  RawAvatarDecorationData,
  RawCollectibles,
  RawOwnUser,
  RawPartialUser,
  RawPrimaryGuild,
  RawUser,
} from "../payloads/users.js";
import type { RESTAware } from "../traits.js";
import { flagsOr, optColor, optUnixSeconds, reqNullableString } from "./readers.js";

/** Reads an avatar decoration object (`avatar_decoration_data`) found at `path`. */
export function readAvatarDecoration(raw: RawObject, path: string): AvatarDecoration {
  return new AvatarDecoration({
    assetHash: reqString(raw, "asset", path),
    skuId: optSnowflake(raw, "sku_id", path),
    expiresAt: optUnixSeconds(raw, "expires_at", path),
  });
}

/** Writes an avatar decoration back to Discord's shape. */
export function writeAvatarDecoration(decoration: AvatarDecoration): RawAvatarDecorationData {
  const out: RawAvatarDecorationData = { asset: decoration.assetHash, sku_id: decoration.skuId };
  if (decoration.expiresAt !== null) out.expires_at = Math.floor(decoration.expiresAt.getTime() / 1000);
  return out;
}

function readNameplate(raw: RawObject, path: string): Nameplate {
  return new Nameplate({
    skuId: optSnowflake(raw, "sku_id", path),
    asset: reqString(raw, "asset", path),
    label: optString(raw, "label", path) ?? "",
    palette: reqString(raw, "palette", path),
  });
}

/** Reads a collectibles object found at `path`. */
export function readCollectibles(raw: RawObject, path: string): Collectibles {
  return new Collectibles({ nameplate: optObject(raw, "nameplate", path, readNameplate) });
}

/** Writes collectibles back to Discord's shape. */
export function writeCollectibles(collectibles: Collectibles): RawCollectibles {
  const plate = collectibles.nameplate;
  return {
    nameplate:
      plate === null
        ? null
        : { sku_id: plate.skuId, asset: plate.asset, label: plate.label, palette: plate.palette },
  };
}

function readPrimaryGuild(raw: RawObject, path: string): PrimaryGuild {
  return new PrimaryGuild({
    identityGuildId: optSnowflake(raw, "identity_guild_id", path),
    identityEnabled: optBool(raw, "identity_enabled", path),
    tag: optString(raw, "tag", path),
    badgeHash: optString(raw, "badge", path),
  });
}

function writePrimaryGuild(guild: PrimaryGuild): RawPrimaryGuild {
  return {
    identity_guild_id: guild.identityGuildId,
    identity_enabled: guild.identityEnabled,
    tag: guild.tag,
    badge: guild.badgeHash,
  };
}

function readUserFields(raw: RawObject, app: RESTAware | null, path: string): UserInit {
  const publicFlags = flagsOr(UserFlags, raw, "public_flags", path, UserFlags.NONE);
  return {
    app,
    id: reqSnowflake(raw, "id", path),
    username: reqString(raw, "username", path),
    discriminator: reqString(raw, "discriminator", path),
    globalName: optString(raw, "global_name", path),
    avatarHash: reqNullableString(raw, "avatar", path),
    bannerHash: optString(raw, "banner", path),
    accentColor: optColor(raw, "accent_color", path),
    isBot: boolOr(raw, "bot", path),
    isSystem: boolOr(raw, "system", path),
    flags: flagsOr(UserFlags, raw, "flags", path, publicFlags),
    publicFlags,
    avatarDecoration: optObject(raw, "avatar_decoration_data", path, readAvatarDecoration),
    collectibles: optObject(raw, "collectibles", path, readCollectibles),
    primaryGuild: optObject(raw, "primary_guild", path, readPrimaryGuild),
  };
}

/**
 * Builds a {@link User} from a user payload. `flags` falls back to `public_flags` when Discord leaves it
 * out; `bot` and `system` default to `false`.
 * @param path - the payload's JSON path, used in errors (`$` for a top-level payload).
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/user#user-object
 */
export function deserializeUser(raw: unknown, app: RESTAware | null, path = "$"): User {
  return new User(readUserFields(asObject(raw, path), app, path));
}

/**
 * Builds the {@link OwnUser} of `GET /users/@me`.
 * @throws DeserializationError when the payload does not fit.
 * @see https://discord.com/developers/docs/resources/user#get-current-user
 */
export function deserializeMyUser(raw: unknown, app: RESTAware | null, path = "$"): OwnUser {
  const object = asObject(raw, path);
  const fields = readUserFields(object, app, path);
  const premium = optInt(object, "premium_type", path);
  return new OwnUser({
    ...fields,
    isMfaEnabled: boolOr(object, "mfa_enabled", path),
    locale: optString(object, "locale", path),
    isVerified: optBool(object, "verified", path),
    email: optString(object, "email", path),
    premiumType: premium,
  });
}

function partial<T>(raw: RawObject, key: string, read: () => T): T | undefined {
  return raw[key] === undefined ? undefined : read();
}

/**
 * Builds a {@link PartialUser}: only `id` is required; a key Discord left out becomes `undefined`.
 * @throws DeserializationError when a present value does not fit.
 */
export function deserializePartialUser(raw: unknown, app: RESTAware | null, path = "$"): PartialUser {
  const o = asObject(raw, path);
  return new PartialUser({
    app,
    id: reqSnowflake(o, "id", path),
    username: partial(o, "username", () => reqString(o, "username", path)),
    discriminator: partial(o, "discriminator", () => reqString(o, "discriminator", path)),
    globalName: partial(o, "global_name", () => optString(o, "global_name", path)),
    avatarHash: partial(o, "avatar", () => optString(o, "avatar", path)),
    bannerHash: partial(o, "banner", () => optString(o, "banner", path)),
    accentColor: partial(o, "accent_color", () => optColor(o, "accent_color", path)),
    isBot: partial(o, "bot", () => boolOr(o, "bot", path)),
    isSystem: partial(o, "system", () => boolOr(o, "system", path)),
    flags: partial(o, "flags", () => flagsOr(UserFlags, o, "flags", path, UserFlags.NONE)),
    publicFlags: partial(o, "public_flags", () =>
      flagsOr(UserFlags, o, "public_flags", path, UserFlags.NONE),
    ),
    avatarDecoration: partial(o, "avatar_decoration_data", () =>
      optObject(o, "avatar_decoration_data", path, readAvatarDecoration),
    ),
    collectibles: partial(o, "collectibles", () => optObject(o, "collectibles", path, readCollectibles)),
    primaryGuild: partial(o, "primary_guild", () => optObject(o, "primary_guild", path, readPrimaryGuild)),
  });
}

/** Writes a {@link User} as Discord's `UserResponse`; `serialize(deserialize(p))` keeps every modelled key. */
export function serializeUser(user: User): RawUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.discriminator,
    global_name: user.globalName,
    avatar: user.avatarHash,
    bot: user.isBot,
    system: user.isSystem,
    banner: user.bannerHash,
    accent_color: user.accentColor,
    public_flags: Number(user.publicFlags.value),
    flags: Number(user.flags.value),
    avatar_decoration_data:
      user.avatarDecoration === null ? null : writeAvatarDecoration(user.avatarDecoration),
    collectibles: user.collectibles === null ? null : writeCollectibles(user.collectibles),
    primary_guild: user.primaryGuild === null ? null : writePrimaryGuild(user.primaryGuild),
  };
}

/** Writes an {@link OwnUser} as Discord's `UserPIIResponse`; unknown optional values are left out. */
export function serializeMyUser(user: OwnUser): RawOwnUser {
  const out: RawOwnUser = serializeUser(user);
  out.mfa_enabled = user.isMfaEnabled;
  if (user.locale !== null) out.locale = user.locale;
  if (user.isVerified !== null) out.verified = user.isVerified;
  out.email = user.email;
  if (user.premiumType !== null) out.premium_type = user.premiumType;
  return out;
}

/** Writes a {@link PartialUser} with only the keys that are known. */
export function serializePartialUser(user: PartialUser): RawPartialUser {
  const out: RawPartialUser = { id: user.id };
  if (user.username !== undefined) out.username = user.username;
  if (user.discriminator !== undefined) out.discriminator = user.discriminator;
  if (user.globalName !== undefined) out.global_name = user.globalName;
  if (user.avatarHash !== undefined) out.avatar = user.avatarHash;
  if (user.isBot !== undefined) out.bot = user.isBot;
  if (user.isSystem !== undefined) out.system = user.isSystem;
  if (user.bannerHash !== undefined) out.banner = user.bannerHash;
  if (user.accentColor !== undefined) out.accent_color = user.accentColor;
  if (user.publicFlags !== undefined) out.public_flags = Number(user.publicFlags.value);
  if (user.flags !== undefined) out.flags = Number(user.flags.value);
  if (user.avatarDecoration !== undefined) {
    out.avatar_decoration_data =
      user.avatarDecoration === null ? null : writeAvatarDecoration(user.avatarDecoration);
  }
  if (user.collectibles !== undefined) {
    out.collectibles = user.collectibles === null ? null : writeCollectibles(user.collectibles);
  }
  if (user.primaryGuild !== undefined) {
    out.primary_guild = user.primaryGuild === null ? null : writePrimaryGuild(user.primaryGuild);
  }
  return out;
}
