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

const QUICK = process.env.BENCH_QUICK === "1";
const VARIANTS = QUICK ? 8 : 32;
const PAGES = QUICK ? 2 : 8;
const MASK = (1n << 5n) | (1n << 28n);
const index = (n) => Array.from({ length: n }, (_, i) => i);
const every = (sides, make) => Object.fromEntries(sides.map((s) => [s, make(s)]));

export function opsCases({ ours, djs }) {
  const lib = ours.lib;
  const factory = lib.EntityFactory ? new lib.EntityFactory() : null;
  const Perm = lib.Permissions;
  const AppFlags = lib.ApplicationFlags;
  const rawApps = Array.from({ length: VARIANTS }, (_, i) => P.application(i + 1));
  const pages = Array.from({ length: PAGES }, (_, i) => P.guildPage(i + 1, 200));
  const ourApps = factory?.deserializeApplication
    ? rawApps.map((a) => factory.deserializeApplication(a))
    : null;
  const ourPages = factory?.deserializeOwnGuild
    ? pages.map((page) => page.map((g) => factory.deserializeOwnGuild(g)))
    : null;
  const djsApps = rawApps.map(djs.application);
  const djsPages = pages.map((page) => page.map(djs.guild));
  const floorApps = rawApps.map(floor.application);
  const floorPages = pages.map((page) => page.map(floor.guild));
  const ddIcons = rawApps.map((a) => iconHashToBigInt(a.icon));
  const ddPages = pages.map((page) =>
    page.map((g) => ({ id: BigInt(g.id), icon: g.icon ? iconHashToBigInt(g.icon) : undefined })),
  );
  const tokens = rawApps.map((a) => P.botToken(a.id));
  const permPages = pages.map((page) => page.map((g) => g.permissions));
  const permSets = rawApps.map((a) => BigInt(a.install_params.permissions) | (1n << 3n) | (1n << 40n));
  const serializeApp = factory?.serializeApplication ? (m) => factory.serializeApplication(m) : null;
  const serializeGuild = factory?.serializeOwnGuild ? (m) => factory.serializeOwnGuild(m) : null;
  const apps = index(VARIANTS);
  const pageIdx = index(PAGES);

  const rows = [];
  rows.push({
    id: "serialize.application",
    label: "serialize application (model → raw)",
    inputs: apps,
    sides: {
      ours: ourApps && serializeApp ? (i) => serializeApp(ourApps[i]) : null,
      // discord.js's nearest: Base#toJSON(), a flattened camelCase copy, not the raw payload.
      "discord.js": (i) => djsApps[i].toJSON(),
      floor: (i) => floorSerializeApplication(floorApps[i]),
    },
    verify: {
      ours: (r, i) =>
        check(
          r.id === rawApps[i].id && r.verify_key === rawApps[i].verify_key && r.team.members.length === 5,
          "our raw app",
        ),
      "discord.js": (r, i) => check(r.id === rawApps[i].id, "discord.js toJSON"),
      floor: (r) => check(r.team.members.length === 5, "floor serialize"),
    },
  });
  rows.push({
    id: "serialize.guilds",
    label: "serialize 200 guilds (model → raw)",
    inputs: pageIdx,
    sides: {
      ours: ourPages && serializeGuild ? (i) => ourPages[i].map(serializeGuild) : null,
      "discord.js": (i) => djsPages[i].map((g) => g.toJSON()),
      floor: (i) => floorPages[i].map(floorSerializeGuild),
    },
    verify: {
      ours: (r, i) =>
        check(
          r[199].id === pages[i][199].id && r[199].permissions === pages[i][199].permissions,
          "our raw guilds",
        ),
      "discord.js": (r, i) => check(r[199].id === pages[i][199].id, "discord.js toJSON"),
      floor: (r, i) => check(r[199].id === pages[i][199].id, "floor guilds"),
    },
  });
  rows.push({
    id: "ops.token-id",
    label: "getTokenId(bot token)",
    inputs: apps,
    sides: {
      ours: lib.getTokenId ? (i) => lib.getTokenId(tokens[i]) : null,
      discordeno: (i) => getBotIdFromToken(tokens[i]),
      floor: (i) => atob(tokens[i].slice(0, tokens[i].indexOf("."))),
    },
    verify: {
      ours: (r, i) => check(r === rawApps[i].id, "our token id"),
      discordeno: (r, i) => check(r === BigInt(rawApps[i].id), "discordeno token id"),
      floor: (r, i) => check(r === rawApps[i].id, "floor token id"),
    },
  });
  rows.push({
    id: "ops.cdn-application-icon",
    label: "application icon URL (webp, size 512)",
    inputs: apps,
    sides: {
      ours: ourApps?.[0]?.makeIconUrl ? (i) => ourApps[i].makeIconUrl({ ext: "webp", size: 512 }).url : null,
      "discord.js": (i) => djsApps[i].iconURL({ extension: "webp", size: 512 }),
      discordeno: (i) => applicationIconUrl(rawApps[i].id, ddIcons[i], { format: "webp", size: 512 }),
      floor: (i) => `https://cdn.discordapp.com/app-icons/${rawApps[i].id}/${rawApps[i].icon}.webp?size=512`,
    },
    verify: every(
      ["ours", "discord.js", "discordeno", "floor"],
      (s) => (r, i) =>
        check(typeof r === "string" && r.includes(rawApps[i].icon) && r.includes("512"), `${s} icon url`),
    ),
  });
  rows.push({
    id: "ops.cdn-guild-icons",
    label: "default icon URL of 200 guilds",
    inputs: pageIdx,
    sides: {
      ours:
        ourPages && "iconUrl" in (ourPages[0][0] ?? {})
          ? (i) => ourPages[i].map((g) => g.iconUrl?.url ?? null)
          : null,
      "discord.js": (i) => djsPages[i].map((g) => g.iconURL()),
      discordeno: (i) => ddPages[i].map((g) => guildIconUrl(g.id, g.icon)),
      floor: (i) =>
        pages[i].map((g) =>
          g.icon
            ? `https://cdn.discordapp.com/icons/${g.id}/${g.icon}.${g.icon.startsWith("a_") ? "gif" : "png"}?size=4096`
            : null,
        ),
    },
    verify: every(["ours", "discord.js", "discordeno", "floor"], (s) => (r, i) => {
      const k = pages[i].findLastIndex((g) => g.icon !== null);
      check(r.length === 200 && r[k].includes(`/icons/${pages[i][k].id}/`), `${s} guild icons`);
    }),
  });
  // Every permission set has ADMINISTRATOR (bit 3) and MODERATE_MEMBERS (bit 40) added; peers spell the
  // names differently (discord.js: ModerateMembers) and the floor lists bit numbers.
  const hasAddedBits = (names) => {
    const seen = new Set(names.map((n) => String(n).replaceAll("_", "").toLowerCase()));
    return (seen.has("administrator") || seen.has("3")) && (seen.has("moderatemembers") || seen.has("40"));
  };
  const expectedFlags = (i) => (BigInt(rawApps[i].flags_new) | (1n << 17n)) & ~(1n << 15n);
  const expectedHas = (i) => permPages[i].filter((p) => (BigInt(p) & MASK) === MASK).length;
  rows.push({
    id: "ops.permissions-has",
    label: "parse 200 permission strings + has(MANAGE_GUILD, MANAGE_ROLES)",
    inputs: pageIdx,
    sides: {
      ours: Perm
        ? (i) => {
            let n = 0;
            const want = Perm.MANAGE_GUILD.union(Perm.MANAGE_ROLES);
            for (const p of permPages[i]) if (Perm.from(p).has(want)) n++;
            return n;
          }
        : null,
      "discord.js": (i) => {
        let n = 0;
        const want = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageRoles;
        for (const p of permPages[i]) if (new PermissionsBitField(BigInt(p)).has(want, false)) n++;
        return n;
      },
      floor: (i) => {
        let n = 0;
        for (const p of permPages[i]) if ((BigInt(p) & MASK) === MASK) n++;
        return n;
      },
    },
    verify: every(
      ["ours", "discord.js", "floor"],
      (s) => (r, i) => check(r === expectedHas(i), `${s} has count`),
    ),
  });
  rows.push({
    id: "ops.permissions-names",
    label: "names of a permission set",
    inputs: apps,
    sides: {
      ours: Perm ? (i) => Perm.from(permSets[i]).names : null,
      "discord.js": (i) => new PermissionsBitField(permSets[i]).toArray(),
      discordeno: (i) => calculatePermissions(permSets[i]),
      floor: (i) => {
        const out = [];
        for (let bit = 0n, v = permSets[i]; v; bit++, v >>= 1n) if (v & 1n) out.push(bit);
        return out;
      },
    },
    verify: every(
      ["ours", "discord.js", "discordeno", "floor"],
      (s) => (r) => check(Array.isArray(r) && r.length >= 3 && hasAddedBits(r), `${s} permission names`),
    ),
  });
  rows.push({
    id: "ops.application-flags",
    label: "application flags: parse, union, difference, has",
    inputs: apps,
    sides: {
      ours: AppFlags
        ? (i) => {
            const f = AppFlags.from(rawApps[i].flags_new);
            const g = f.union(AppFlags.EMBEDDED).difference(AppFlags.GATEWAY_GUILD_MEMBERS_LIMITED);
            return g.has(AppFlags.EMBEDDED) ? g.value : null;
          }
        : null,
      // discord.js keeps application flags as 32-bit numbers and cannot read flags_new above bit 30.
      "discord.js": (i) => {
        const f = new ApplicationFlagsBitField(rawApps[i].flags);
        const g = f
          .add(ApplicationFlagsBitField.Flags.Embedded)
          .remove(ApplicationFlagsBitField.Flags.GatewayGuildMembersLimited);
        return g.has(ApplicationFlagsBitField.Flags.Embedded) ? BigInt(g.bitfield) : null;
      },
      floor: (i) => {
        const f = BigInt(rawApps[i].flags_new);
        const g = (f | (1n << 17n)) & ~(1n << 15n);
        return (g & (1n << 17n)) !== 0n ? g : null;
      },
    },
    // Each side returns the resulting bits when `has` holds, so a wrong parse, union or difference fails.
    verify: {
      ours: (r, i) => check(r === expectedFlags(i), "ours flags"),
      "discord.js": (r, i) => check(r === (expectedFlags(i) & 0x7fffffffn), "discord.js flags"),
      floor: (r, i) => check(r === expectedFlags(i), "floor flags"),
    },
  });
  return rows;
}
