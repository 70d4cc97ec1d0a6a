import type { GuildRecord, Json, MemberRecord, UserRecord } from "./world.js";

/** A user as others see it (`UserResponse`). */
export function publicUser(user: UserRecord): Json {
  return {
    id: user.id,
    username: user.username,
    avatar: user.avatar,
    discriminator: user.discriminator,
    public_flags: user.public_flags,
    flags: user.flags,
    ...(user.bot ? { bot: true } : {}),
    banner: user.banner,
    accent_color: user.accent_color,
    global_name: user.global_name,
    avatar_decoration_data: user.avatar_decoration_data,
    collectibles: user.collectibles,
    primary_guild: user.primary_guild,
  };
}

/** The current user (`UserPIIResponse`); `email`/`verified` only with the email scope. */
export function privateUser(user: UserRecord, withEmail: boolean): Json {
  return {
    ...publicUser(user),
    mfa_enabled: user.mfa_enabled,
    locale: user.locale,
    premium_type: 0,
    ...(withEmail ? { email: user.email, verified: user.verified } : {}),
  };
}

/** One entry of GET /users/@me/guilds (`MyGuildResponse`). */
export function myGuildPayload(guild: GuildRecord, member: MemberRecord, withCounts: boolean): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: guild.icon,
    banner: guild.banner,
    owner: guild.ownerId === member.userId,
    permissions: member.permissions,
    features: guild.features,
    ...(withCounts
      ? { approximate_member_count: guild.memberCount, approximate_presence_count: guild.presenceCount }
      : {}),
  };
}

/** A guild member (`GuildMemberResponse` / `PrivateGuildMemberResponse`). */
export function memberPayload(member: MemberRecord, user: UserRecord): Json {
  return {
    avatar: member.avatar,
    banner: member.banner,
    communication_disabled_until: null,
    flags: member.flags,
    joined_at: member.joinedAt,
    nick: member.nick,
    pending: member.pending,
    premium_since: member.premiumSince,
    roles: member.roles,
    user: publicUser(user),
    mute: member.mute,
    deaf: member.deaf,
  };
}

/** A full guild (`GuildResponse`), as in the token response of a bot authorization. */
export function guildPayload(guild: GuildRecord): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: guild.icon,
    description: guild.description,
    home_header: null,
    splash: guild.splash,
    discovery_splash: null,
    features: guild.features,
    banner: guild.banner,
    owner_id: guild.ownerId,
    application_id: null,
    region: "deprecated",
    afk_channel_id: null,
    afk_timeout: 300,
    system_channel_id: guild.systemChannelId,
    system_channel_flags: 0,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: guild.verificationLevel,
    roles: guild.roles.map((r) => ({
      id: r.id,
      name: r.name,
      description: null,
      permissions: r.permissions,
      position: r.position,
      color: r.color,
      colors: { primary_color: r.color, secondary_color: null, tertiary_color: null },
      hoist: r.hoist,
      managed: false,
      mentionable: false,
      icon: null,
      unicode_emoji: null,
      flags: 0,
    })),
    default_message_notifications: 1,
    mfa_level: 0,
    explicit_content_filter: 0,
    max_presences: null,
    max_members: 500000,
    max_stage_video_channel_users: 50,
    max_video_channel_users: 25,
    vanity_url_code: guild.vanityUrlCode,
    premium_tier: guild.premiumTier,
    premium_subscription_count: guild.premiumSubscriptionCount,
    preferred_locale: guild.preferredLocale,
    rules_channel_id: null,
    safety_alerts_channel_id: null,
    public_updates_channel_id: null,
    premium_progress_bar_enabled: false,
    nsfw: false,
    nsfw_level: 0,
    emojis: [],
    stickers: [],
    incidents_data: null,
  };
}

/** Orders decimal snowflakes numerically. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
