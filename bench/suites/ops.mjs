// 3. Serialize (model → raw payload), getTokenId, CDN URL building and flag operations, each against the
// nearest operation a peer offers and a hand-written floor.
import { ApplicationFlagsBitField, PermissionFlagsBits, PermissionsBitField } from "discord.js";
import {
  applicationIconUrl,
  calculatePermissions,
  getBotIdFromToken,
  guildIconUrl,
  iconHashToBigInt,
} from "discordeno";
import { check } from "../lib/measure.mjs";
import * as P from "../payloads.mjs";
import { floor } from "../peers.mjs";

function snakeUser(u) {
  return {
    id: u.id,
    username: u.username,
    avatar: u.avatar,
    discriminator: u.discriminator,
    public_flags: u.publicFlags,
    flags: u.flags,
    bot: u.bot,
    banner: u.banner,
    accent_color: u.accentColor,
    global_name: u.globalName,
    avatar_decoration_data: u.avatarDecorationData
      ? { asset: u.avatarDecorationData.asset, sku_id: u.avatarDecorationData.skuId }
      : null,
    collectibles: u.collectibles,
    primary_guild: u.primaryGuild
      ? {
          identity_guild_id: u.primaryGuild.identityGuildId,
          identity_enabled: u.primaryGuild.identityEnabled,
          tag: u.primaryGuild.tag,
          badge: u.primaryGuild.badge,
        }
      : null,
  };
}

/** Floor serializer: the plain copy back to snake_case keys, no conversion. */
function floorSerializeApplication(a) {
  const config = {};
  for (const key in a.integrationTypesConfig) {
    const p = a.integrationTypesConfig[key].oauth2InstallParams;
    config[key] = {
      oauth2_install_params: p ? { scopes: [...p.scopes], permissions: p.permissions } : undefined,
    };
  }
  return {
    id: a.id,
    name: a.name,
    icon: a.icon,
    description: a.description,
    type: a.type,
    cover_image: a.coverImage,
    primary_sku_id: a.primarySkuId,
    bot: a.bot ? snakeUser(a.bot) : undefined,
    slug: a.slug,
    guild_id: a.guildId,
    rpc_origins: [...a.rpcOrigins],
    bot_public: a.botPublic,
    bot_require_code_grant: a.botRequireCodeGrant,
    terms_of_service_url: a.termsOfServiceUrl,
    privacy_policy_url: a.privacyPolicyUrl,
    custom_install_url: a.customInstallUrl,
    install_params: a.installParams,
    integration_types_config: config,
    verify_key: a.verifyKey,
    flags: a.flags,
    flags_new: a.flagsNew,
    max_participants: a.maxParticipants,
    tags: [...a.tags],
    redirect_uris: [...a.redirectUris],
    interactions_endpoint_url: a.interactionsEndpointUrl,
    role_connections_verification_url: a.roleConnectionsVerificationUrl,
    owner: snakeUser(a.owner),
    approximate_guild_count: a.approximateGuildCount,
    approximate_user_install_count: a.approximateUserInstallCount,
    approximate_user_authorization_count: a.approximateUserAuthorizationCount,
    event_webhooks_url: a.eventWebhooksUrl,
    event_webhooks_status: a.eventWebhooksStatus,
    event_webhooks_types: [...a.eventWebhooksTypes],
    explicit_content_filter: a.explicitContentFilter,
    team: a.team && {
      id: a.team.id,
      icon: a.team.icon,
      name: a.team.name,
      owner_user_id: a.team.ownerUserId,
      members: a.team.members.map((m) => ({
        user: snakeUser(m.user),
        team_id: m.teamId,
        membership_state: m.membershipState,
        role: m.role,
        permissions: [...m.permissions],
      })),
    },
    eligible_oauth2_scopes: [...a.eligibleOauth2Scopes],
  };
}

function floorSerializeGuild(g) {
  return {
    id: g.id,
    name: g.name,
    icon: g.icon,
    banner: g.banner,
    owner: g.owner,
    permissions: g.permissions,
    features: [...g.features],
    approximate_member_count: g.approximateMemberCount,
    approximate_presence_count: g.approximatePresenceCount,
  };
}

export function opsCases({ ours, djs }) {
  const lib = ours.lib;
  const factory = lib.EntityFactory ? new lib.EntityFactory() : null;
  const rawApp = P.application(1);
  const page = P.guildPage(1, 200);
  const ourApp = factory?.deserializeApplication?.(rawApp) ?? null;
  const ourPage = factory?.deserializeOwnGuild ? page.map((g) => factory.deserializeOwnGuild(g)) : null;
  const djsApp = djs.application(rawApp);
  const djsPage = page.map((g) => djs.guild(g));
  const floorApp = floor.application(rawApp);
  const floorPage = page.map(floor.guild);
  const ddIcon = iconHashToBigInt(rawApp.icon);
  const ddGuildIcons = page.map((g) => (g.icon ? iconHashToBigInt(g.icon) : undefined));
  const ddGuildIds = page.map((g) => BigInt(g.id));
  const token = P.botToken(rawApp.id);
  const perms = page.map((g) => g.permissions);
  const MASK = (1n << 5n) | (1n << 28n);
  const serializeApp = factory?.serializeApplication ? (m) => factory.serializeApplication(m) : null;
  const serializeGuild = factory?.serializeOwnGuild ? (m) => factory.serializeOwnGuild(m) : null;
  const Perm = lib.Permissions;
  const AppFlags = lib.ApplicationFlags;

  const rows = [];
  rows.push({
    id: "serialize.application",
    label: "serialize application (model → raw)",
    sides: {
      ours: ourApp && serializeApp ? () => serializeApp(ourApp) : null,
      // discord.js's nearest: Base#toJSON(), a flattened camelCase copy, not the raw payload.
      "discord.js": () => djsApp.toJSON(),
      floor: () => floorSerializeApplication(floorApp),
    },
    verify: {
      ours: (r) =>
        check(
          r.id === rawApp.id && r.verify_key === rawApp.verify_key && r.team.members.length === 5,
          "our raw app",
        ),
      "discord.js": (r) => check(r.id === rawApp.id, "discord.js toJSON"),
      floor: (r) => check(r.team.members.length === 5, "floor serialize"),
    },
  });
  rows.push({
    id: "serialize.guilds",
    label: "serialize 200 guilds (model → raw)",
    sides: {
      ours: ourPage && serializeGuild ? () => ourPage.map(serializeGuild) : null,
      "discord.js": () => djsPage.map((g) => g.toJSON()),
      floor: () => floorPage.map(floorSerializeGuild),
    },
    verify: {
      ours: (r) =>
        check(r[199].id === page[199].id && r[199].permissions === page[199].permissions, "our raw guilds"),
      "discord.js": (r) => check(r[199].id === page[199].id, "discord.js toJSON"),
      floor: (r) => check(r[199].id === page[199].id, "floor guilds"),
    },
  });
  rows.push({
    id: "ops.token-id",
    label: "getTokenId(bot token)",
    sides: {
      ours: lib.getTokenId ? () => lib.getTokenId(token) : null,
      discordeno: () => getBotIdFromToken(token),
      floor: () => atob(token.slice(0, token.indexOf("."))),
    },
    verify: {
      ours: (r) => check(r === rawApp.id, "our token id"),
      discordeno: (r) => check(r === BigInt(rawApp.id), "discordeno token id"),
      floor: (r) => check(r === rawApp.id, "floor token id"),
    },
  });
  rows.push({
    id: "ops.cdn-application-icon",
    label: "application icon URL (webp, size 512)",
    sides: {
      ours: ourApp?.makeIconUrl ? () => ourApp.makeIconUrl({ ext: "webp", size: 512 }).url : null,
      "discord.js": () => djsApp.iconURL({ extension: "webp", size: 512 }),
      discordeno: () => applicationIconUrl(rawApp.id, ddIcon, { format: "webp", size: 512 }),
      floor: () => `https://cdn.discordapp.com/app-icons/${rawApp.id}/${rawApp.icon}.webp?size=512`,
    },
    verify: Object.fromEntries(
      ["ours", "discord.js", "discordeno", "floor"].map((s) => [
        s,
        (r) => check(typeof r === "string" && r.includes(rawApp.icon) && r.includes("512"), `${s} icon url`),
      ]),
    ),
  });
  rows.push({
    id: "ops.cdn-guild-icons",
    label: "default icon URL of 200 guilds",
    sides: {
      ours:
        ourPage && "iconUrl" in (ourPage[0] ?? {}) ? () => ourPage.map((g) => g.iconUrl?.url ?? null) : null,
      "discord.js": () => djsPage.map((g) => g.iconURL()),
      discordeno: () => ddGuildIds.map((id, i) => guildIconUrl(id, ddGuildIcons[i])),
      floor: () =>
        page.map((g) =>
          g.icon
            ? `https://cdn.discordapp.com/icons/${g.id}/${g.icon}.${g.icon.startsWith("a_") ? "gif" : "png"}?size=4096`
            : null,
        ),
    },
    verify: Object.fromEntries(
      ["ours", "discord.js", "discordeno", "floor"].map((s) => [
        s,
        (r) =>
          check(
            r.length === 200 && r.some((u) => typeof u === "string" && u.includes("/icons/")),
            `${s} guild icons`,
          ),
      ]),
    ),
  });
  rows.push({
    id: "ops.permissions-has",
    label: "parse 200 permission strings + has(MANAGE_GUILD, MANAGE_ROLES)",
    sides: {
      ours: Perm
        ? () => {
            let n = 0;
            const want = Perm.MANAGE_GUILD.union(Perm.MANAGE_ROLES);
            for (const p of perms) if (Perm.from(p).has(want)) n++;
            return n;
          }
        : null,
      "discord.js": () => {
        let n = 0;
        const want = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageRoles;
        for (const p of perms) if (new PermissionsBitField(BigInt(p)).has(want, false)) n++;
        return n;
      },
      floor: () => {
        let n = 0;
        for (const p of perms) if ((BigInt(p) & MASK) === MASK) n++;
        return n;
      },
    },
    verify: Object.fromEntries(
      ["ours", "discord.js", "floor"].map((s) => [
        s,
        (r) => check(r === perms.filter((p) => (BigInt(p) & MASK) === MASK).length, `${s} has count`),
      ]),
    ),
  });
  const sample = BigInt(page[17].permissions) | (1n << 3n) | (1n << 40n);
  rows.push({
    id: "ops.permissions-names",
    label: "names of a permission set",
    sides: {
      ours: Perm ? () => Perm.from(sample).names : null,
      "discord.js": () => new PermissionsBitField(sample).toArray(),
      discordeno: () => calculatePermissions(sample),
      floor: () => {
        const out = [];
        for (let bit = 0n, v = sample; v; bit++, v >>= 1n) if (v & 1n) out.push(bit);
        return out;
      },
    },
    verify: Object.fromEntries(
      ["ours", "discord.js", "discordeno", "floor"].map((s) => [
        s,
        (r) => check(Array.isArray(r) && r.length >= 3, `${s} permission names`),
      ]),
    ),
  });
  const appFlags = rawApp.flags_new;
  rows.push({
    id: "ops.application-flags",
    label: "application flags: parse, union, difference, has",
    sides: {
      ours: AppFlags
        ? () => {
            const f = AppFlags.from(appFlags);
            const g = f.union(AppFlags.EMBEDDED).difference(AppFlags.GATEWAY_GUILD_MEMBERS_LIMITED);
            return g.has(AppFlags.EMBEDDED);
          }
        : null,
      // discord.js keeps application flags as 32-bit numbers and cannot read flags_new above bit 30.
      "discord.js": () => {
        const f = new ApplicationFlagsBitField(rawApp.flags);
        const g = f
          .add(ApplicationFlagsBitField.Flags.Embedded)
          .remove(ApplicationFlagsBitField.Flags.GatewayGuildMembersLimited);
        return g.has(ApplicationFlagsBitField.Flags.Embedded);
      },
      floor: () => {
        const f = BigInt(appFlags);
        const g = (f | (1n << 17n)) & ~(1n << 15n);
        return (g & (1n << 17n)) !== 0n;
      },
    },
    verify: Object.fromEntries(
      ["ours", "discord.js", "floor"].map((s) => [s, (r) => check(r === true, `${s} flags`)]),
    ),
  });
  return rows;
}
