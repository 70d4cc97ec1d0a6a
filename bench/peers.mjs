// The things we compare against, each set up once, offline: discord.js 14 structures built on a
// Client that never logs in, discordeno 21 transformers on a bot that never starts, and the floor
// (a plain field-by-field copy into object literals, no checks, no conversions).
import { Client, ClientApplication, Collection, OAuth2Guild, Options } from "discord.js";
import { createBot, createDesiredPropertiesObject } from "discordeno";
import { botToken } from "./payloads.mjs";

/**
 * discord.js: a Client with no intents that never logs in. Its user cache is disabled (limit 0) so that
 * every build constructs fresh User objects, as the other sides do; with the default cache a repeated
 * payload would patch the cached User instead and the memory test would count cache entries.
 */
export function createDiscordJs() {
  const client = new Client({
    intents: [],
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, UserManager: 0 }),
  });
  return {
    client,
    application: (raw) => new ClientApplication(client, raw),
    // What GuildManager#fetch() returns for a page of partial guilds.
    guildPage: (page) => new Collection(page.map((g) => [g.id, new OAuth2Guild(client, g)])),
    guild: (raw) => new OAuth2Guild(client, raw),
    close: () => client.destroy(),
  };
}

/** discordeno: a bot with every desired property on, used only for its transformers. */
export function createDiscordeno(applicationId) {
  const bot = createBot({
    token: botToken(applicationId),
    desiredProperties: createDesiredPropertiesObject({}, true),
  });
  const t = bot.transformers;
  return {
    bot,
    application: (raw) => t.application(bot, { application: raw, shardId: 0 }),
    // What helpers.getGuilds() does with each partial guild of a page.
    guildPage: (page) => page.map((g) => t.guild(bot, { guild: g, shardId: 0 })),
    guild: (raw) => t.guild(bot, { guild: raw, shardId: 0 }),
    user: (raw) => t.user(bot, raw),
  };
}

function copyUser(u) {
  return {
    id: u.id,
    username: u.username,
    avatar: u.avatar,
    discriminator: u.discriminator,
    publicFlags: u.public_flags,
    flags: u.flags,
    bot: u.bot,
    banner: u.banner,
    accentColor: u.accent_color,
    globalName: u.global_name,
    avatarDecorationData: u.avatar_decoration_data
      ? { asset: u.avatar_decoration_data.asset, skuId: u.avatar_decoration_data.sku_id }
      : null,
    collectibles: u.collectibles?.nameplate
      ? {
          nameplate: {
            skuId: u.collectibles.nameplate.sku_id,
            asset: u.collectibles.nameplate.asset,
            label: u.collectibles.nameplate.label,
            palette: u.collectibles.nameplate.palette,
          },
        }
      : null,
    primaryGuild: u.primary_guild
      ? {
          identityGuildId: u.primary_guild.identity_guild_id,
          identityEnabled: u.primary_guild.identity_enabled,
          tag: u.primary_guild.tag,
          badge: u.primary_guild.badge,
        }
      : null,
  };
}

function copyInstall(p) {
  return p ? { scopes: [...p.scopes], permissions: p.permissions } : null;
}

/** The floor: copies every field into literals, with no validation and no conversion. */
export const floor = {
  application(a) {
    const config = {};
    for (const key in a.integration_types_config) {
      config[key] = {
        oauth2InstallParams: copyInstall(a.integration_types_config[key].oauth2_install_params),
      };
    }
    return {
      id: a.id,
      name: a.name,
      icon: a.icon,
      description: a.description,
      type: a.type,
      coverImage: a.cover_image,
      primarySkuId: a.primary_sku_id,
      bot: a.bot ? copyUser(a.bot) : null,
      slug: a.slug,
      guildId: a.guild_id,
      rpcOrigins: a.rpc_origins ? [...a.rpc_origins] : [],
      botPublic: a.bot_public,
      botRequireCodeGrant: a.bot_require_code_grant,
      termsOfServiceUrl: a.terms_of_service_url,
      privacyPolicyUrl: a.privacy_policy_url,
      customInstallUrl: a.custom_install_url,
      installParams: copyInstall(a.install_params),
      integrationTypesConfig: config,
      verifyKey: a.verify_key,
      flags: a.flags,
      flagsNew: a.flags_new,
      maxParticipants: a.max_participants,
      tags: a.tags ? [...a.tags] : [],
      redirectUris: a.redirect_uris ? [...a.redirect_uris] : [],
      interactionsEndpointUrl: a.interactions_endpoint_url,
      roleConnectionsVerificationUrl: a.role_connections_verification_url,
      owner: copyUser(a.owner),
      approximateGuildCount: a.approximate_guild_count,
      approximateUserInstallCount: a.approximate_user_install_count,
      approximateUserAuthorizationCount: a.approximate_user_authorization_count,
      eventWebhooksUrl: a.event_webhooks_url,
      eventWebhooksStatus: a.event_webhooks_status,
      eventWebhooksTypes: a.event_webhooks_types ? [...a.event_webhooks_types] : [],
      explicitContentFilter: a.explicit_content_filter,
      team: a.team
        ? {
            id: a.team.id,
            icon: a.team.icon,
            name: a.team.name,
            ownerUserId: a.team.owner_user_id,
            members: a.team.members.map((m) => ({
              user: copyUser(m.user),
              teamId: m.team_id,
              membershipState: m.membership_state,
              role: m.role,
              permissions: [...m.permissions],
            })),
          }
        : null,
      eligibleOauth2Scopes: a.eligible_oauth2_scopes ? [...a.eligible_oauth2_scopes] : [],
    };
  },
  guild(g) {
    return {
      id: g.id,
      name: g.name,
      icon: g.icon,
      banner: g.banner,
      owner: g.owner,
      permissions: g.permissions,
      features: [...g.features],
      approximateMemberCount: g.approximate_member_count,
      approximatePresenceCount: g.approximate_presence_count,
    };
  },
  guildPage(page) {
    return page.map(floor.guild);
  },
  connections(list) {
    return list.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      friendSync: c.friend_sync,
      integrations: c.integrations.map((i) => ({
        id: i.id,
        type: i.type,
        account: { id: i.account.id, name: i.account.name },
        guild: { id: i.guild.id, name: i.guild.name, icon: i.guild.icon },
      })),
      showActivity: c.show_activity,
      twoWayLink: c.two_way_link,
      verified: c.verified,
      visibility: c.visibility,
      revoked: c.revoked,
    }));
  },
  token(t) {
    return {
      accessToken: t.access_token,
      tokenType: t.token_type,
      expiresIn: t.expires_in,
      refreshToken: t.refresh_token,
      scope: t.scope,
    };
  },
  authorization(a) {
    const app = a.application;
    return {
      application: {
        id: app.id,
        name: app.name,
        icon: app.icon,
        description: app.description,
        type: app.type,
        botPublic: app.bot_public,
        botRequireCodeGrant: app.bot_require_code_grant,
        verifyKey: app.verify_key,
        flags: app.flags,
        flagsNew: app.flags_new,
      },
      scopes: [...a.scopes],
      expires: a.expires,
      user: a.user ? copyUser(a.user) : null,
    };
  },
};
