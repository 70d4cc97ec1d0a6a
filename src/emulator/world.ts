import { Permissions } from "../models/permissions.js";
import { snowflakeToDate } from "../snowflakes.js";
import {
  type AppRecord,
  applicationPayload,
  partialApplicationPayload,
  seedApplication,
} from "./application.js";
import { discordTimestamp } from "./http.js";
import { compareIds } from "./payloads.js";
import { SeededRandom } from "./prng.js";

/** JSON object as the emulator serves it. */
export type Json = Record<string, unknown>;

/** A user of the emulated world (kept in Discord's wire shape, PII included). */
export interface UserRecord {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  banner: string | null;
  accent_color: number | null;
  public_flags: number;
  flags: number;
  bot?: boolean;
  avatar_decoration_data: { asset: string; sku_id: string | null } | null;
  collectibles: {
    nameplate: { sku_id: string | null; asset: string; label: string; palette: string } | null;
  } | null;
  primary_guild: {
    identity_guild_id: string | null;
    identity_enabled: boolean | null;
    tag: string | null;
    badge: string | null;
  } | null;
  mfa_enabled: boolean;
  locale: string;
  premium_type: number;
  email: string | null;
  verified: boolean;
}

/** A guild of the emulated world. */
export interface GuildRecord {
  id: string;
  name: string;
  icon: string | null;
  banner: string | null;
  splash: string | null;
  description: string | null;
  features: string[];
  ownerId: string;
  memberCount: number;
  presenceCount: number;
  roles: { id: string; name: string; color: number; permissions: string; position: number; hoist: boolean }[];
  systemChannelId: string;
  channelIds: string[];
  preferredLocale: string;
  premiumTier: number;
  premiumSubscriptionCount: number;
  vanityUrlCode: string | null;
  verificationLevel: number;
}

/** One user's membership of one guild. */
export interface MemberRecord {
  guildId: string;
  userId: string;
  permissions: string;
  joinedAt: string;
  nick: string | null;
  roles: string[];
  avatar: string | null;
  banner: string | null;
  premiumSince: string | null;
  pending: boolean;
  mute: boolean;
  deaf: boolean;
  flags: number;
}

/** A team member record in Discord's wire shape. */
export interface TeamMemberRecord {
  userId: string;
  membershipState: 1 | 2;
  role: "admin" | "developer" | "read_only";
}

/** Options that shape the seeded world. */
export interface WorldOptions {
  seed: string | number;
  redirectUris: readonly string[];
  publicClient: boolean;
  manyGuilds: number;
}

const FIRST = "Nelly Arlo Mira Tobias Juno Kasimir Lena Otis Priya Quinn Rosa Soren".split(" ");
const WORDS = (
  "amber basil cedar delta ember fjord grove harbor indigo jasper kestrel lumen maple nova onyx " +
  "pixel quartz raven sierra tundra umber vortex willow zephyr"
).split(" ");
const GUILD_KIND = "Club Guild Lounge Hub Crew Collective Society Den Workshop Arcade".split(" ");
const FEATURES = (
  "ANIMATED_BANNER ANIMATED_ICON AUTO_MODERATION BANNER COMMUNITY DISCOVERABLE INVITE_SPLASH " +
  "MEMBER_VERIFICATION_GATE_ENABLED NEWS PARTNERED PREVIEW_ENABLED ROLE_ICONS VANITY_URL " +
  "VERIFIED WELCOME_SCREEN_ENABLED TICKETED_EVENTS_ENABLED"
).split(" ");
const LOCALES = ["en-US", "en-GB", "de", "fr", "ja", "pt-BR", "es-ES", "nl", "sv-SE", "pl"];
const PALETTES = "crimson berry sky teal forest bubble_gum violet cobalt clover lemon white".split(" ");

const bit = (n: number): bigint => 1n << BigInt(n);
const MEMBER_PERMS = [0, 6, 10, 11, 14, 15, 16, 18, 20, 21, 26, 31].reduce((a, n) => a | bit(n), 0n);
const MANAGER_PERMS = [1, 2, 4, 5, 13, 28, 29].reduce((a, n) => a | bit(n), MEMBER_PERMS);
const ADMIN_PERMS = MANAGER_PERMS | bit(3);
/** Every permission bit Discord defines today (owners get all of them). */
const ALL_PERMISSIONS = (bit(53) - 1n).toString();

/** The whole seeded, mutable state of one emulator. */
export class World {
  readonly app: AppRecord;
  readonly bot: UserRecord;
  readonly users: UserRecord[] = [];
  readonly teamMembers: TeamMemberRecord[] = [];
  readonly guilds = new Map<string, GuildRecord>();
  /** userId → (guildId → member), always iterated in ascending guild id order via `guildsOf`. */
  readonly members = new Map<string, Map<string, MemberRecord>>();
  readonly connections = new Map<string, Json[]>();
  roleConnectionMetadata: Json[];
  /** `${appId}:${userId}` → role connection. */
  readonly roleConnections = new Map<string, Json>();
  readonly #rng: SeededRandom;

  constructor(options: WorldOptions) {
    const rng = new SeededRandom(options.seed);
    this.#rng = rng;
    const appCreated = rng.dateBetween(new Date("2021-01-01"), new Date("2023-06-01"));
    const appId = rng.snowflake(appCreated);
    const users: UserRecord[] = [];
    const firstNames = rng.sample(FIRST, 5);
    for (const [i, first] of firstNames.entries()) {
      users.push(this.#makeUser(first, i));
    }
    this.users.push(...users);
    this.bot = {
      ...this.#makeUser("bot", 99),
      id: appId,
      username: `${capitalize(rng.pick(WORDS))}Bot`,
      bot: true,
      discriminator: String(rng.int(1000, 9999)),
      global_name: null,
      email: null,
      verified: true,
      mfa_enabled: false,
      premium_type: 0,
      public_flags: 0,
      flags: 0,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
    this.#makeGuilds(options.manyGuilds);
    this.#makeConnections();

    const teamId = rng.snowflake(rng.dateBetween(new Date("2020-06-01"), appCreated));
    const roles: TeamMemberRecord["role"][] = ["admin", "admin", "developer", "read_only"];
    for (const [i, user] of users.slice(0, 4).entries()) {
      this.teamMembers.push({
        userId: user.id,
        membershipState: i === 3 ? 1 : 2,
        role: roles[i] ?? "developer",
      });
    }
    const [owner] = users;
    if (!owner) throw new Error("The world has no users");
    const supportGuild = [...(this.members.get(owner.id)?.values() ?? [])].find(
      (m) => this.guilds.get(m.guildId)?.ownerId === owner.id,
    );
    this.app = seedApplication({
      rng,
      seed: options.seed,
      id: appId,
      teamId,
      name: `${capitalize(rng.pick(WORDS))} ${capitalize(rng.pick(WORDS))}`,
      bot: this.bot,
      ownerId: owner.id,
      supportGuildId: supportGuild?.guildId ?? null,
      redirectUris: options.redirectUris,
      publicClient: options.publicClient,
    });
    this.roleConnectionMetadata = [
      {
        type: 2,
        key: "level",
        name: "Level",
        description: "Reached at least this level",
        name_localizations: null,
        description_localizations: null,
      },
      {
        type: 7,
        key: "verified",
        name: "Verified",
        description: "Has a verified account",
        name_localizations: null,
        description_localizations: null,
      },
    ];
  }

  #makeUser(first: string, index: number): UserRecord {
    const rng = this.#rng;
    const created = rng.dateBetween(new Date("2015-06-01"), new Date("2022-12-01"));
    const id = rng.snowflake(created);
    const username = `${first.toLowerCase()}.${rng.pick(WORDS)}${index}`;
    const hasDecoration = rng.chance(0.4);
    return {
      id,
      username,
      global_name: rng.chance(0.8) ? first : null,
      discriminator: "0",
      avatar: rng.chance(0.85) ? (rng.chance(0.2) ? "a_" : "") + rng.hex(32) : null,
      banner: rng.chance(0.4) ? rng.hex(32) : null,
      accent_color: rng.chance(0.5) ? rng.int(0, 0xffffff) : null,
      public_flags: rng.pick([0, 64, 128, 256, 4194304]),
      flags: rng.pick([0, 64, 128, 256]),
      avatar_decoration_data: hasDecoration
        ? { asset: `a_${rng.hex(32)}`, sku_id: rng.snowflake(created) }
        : null,
      collectibles: rng.chance(0.3)
        ? {
            nameplate: {
              sku_id: rng.snowflake(created),
              asset: `nameplates/nameplates/${rng.pick(WORDS)}/`,
              label: "",
              palette: rng.pick(PALETTES),
            },
          }
        : null,
      primary_guild: null,
      mfa_enabled: rng.chance(0.6),
      locale: rng.pick(LOCALES),
      premium_type: rng.pick([0, 0, 1, 2, 3]),
      email: rng.chance(0.9) ? `${username.replace(/\W/g, "")}@mail.example` : null,
      verified: rng.chance(0.9),
    };
  }

  #makeGuild(ownerId: string): GuildRecord {
    const rng = this.#rng;
    const id = rng.snowflake(rng.dateBetween(new Date("2016-01-01"), new Date("2024-12-01")));
    const features = rng.sample(FEATURES, rng.int(0, 6));
    const memberCount = rng.int(2, 250000);
    const roles = [
      { id, name: "@everyone", color: 0, permissions: MEMBER_PERMS.toString(), position: 0, hoist: false },
    ];
    const roleCount = rng.int(1, 4);
    for (let i = 1; i <= roleCount; i++) {
      roles.push({
        id: rng.snowflake(new Date(snowflakeToDate(id).getTime() + i * 60000)),
        name: capitalize(rng.pick(WORDS)),
        color: rng.int(0, 0xffffff),
        permissions: (i === roleCount ? ADMIN_PERMS : MEMBER_PERMS).toString(),
        position: i,
        hoist: rng.chance(0.5),
      });
    }
    const systemChannelId = rng.snowflake(new Date(snowflakeToDate(id).getTime() + 1000));
    const channelIds = [systemChannelId];
    for (let i = 0; i < 2; i++)
      channelIds.push(rng.snowflake(new Date(snowflakeToDate(id).getTime() + 2000 + i)));
    const tier = rng.pick([0, 0, 1, 2, 3]);
    return {
      id,
      name: `${capitalize(rng.pick(WORDS))} ${rng.pick(GUILD_KIND)}`,
      icon: rng.chance(0.8) ? (features.includes("ANIMATED_ICON") ? "a_" : "") + rng.hex(32) : null,
      banner: features.includes("BANNER") || features.includes("ANIMATED_BANNER") ? rng.hex(32) : null,
      splash: features.includes("INVITE_SPLASH") ? rng.hex(32) : null,
      description: features.includes("COMMUNITY") ? `The ${rng.pick(WORDS)} community.` : null,
      features,
      ownerId,
      memberCount,
      presenceCount: rng.int(0, memberCount),
      roles,
      systemChannelId,
      channelIds,
      preferredLocale: rng.pick(LOCALES),
      premiumTier: tier,
      premiumSubscriptionCount: tier * rng.int(2, 7),
      vanityUrlCode: features.includes("VANITY_URL") ? `${rng.pick(WORDS)}${rng.int(1, 99)}` : null,
      verificationLevel: rng.int(0, 4),
    };
  }

  /** Adds a membership (used by seeding and by PUT /guilds/{id}/members/{user}). */
  addMember(guild: GuildRecord, userId: string, joinedAt: Date): MemberRecord {
    const rng = this.#rng;
    const isOwner = guild.ownerId === userId;
    const extraRoles = guild.roles.slice(1);
    const roles = isOwner ? [] : rng.sample(extraRoles, rng.int(0, extraRoles.length)).map((r) => r.id);
    const perms = roles.reduce(
      (acc, roleId) => acc | BigInt(guild.roles.find((r) => r.id === roleId)?.permissions ?? "0"),
      BigInt(guild.roles[0]?.permissions ?? "0"),
    );
    const member: MemberRecord = {
      guildId: guild.id,
      userId,
      permissions:
        isOwner || (perms & Permissions.ADMINISTRATOR.value) !== 0n ? ALL_PERMISSIONS : perms.toString(),
      joinedAt: discordTimestamp(joinedAt.getTime()),
      nick: rng.chance(0.2) ? capitalize(rng.pick(WORDS)) : null,
      roles,
      avatar: rng.chance(0.1) ? rng.hex(32) : null,
      banner: null,
      premiumSince: rng.chance(0.05) ? discordTimestamp(joinedAt.getTime()) : null,
      pending: false,
      mute: false,
      deaf: false,
      flags: rng.chance(0.1) ? 1 : 0,
    };
    let map = this.members.get(userId);
    if (!map) {
      map = new Map();
      this.members.set(userId, map);
    }
    map.set(guild.id, member);
    return member;
  }

  #makeGuilds(manyGuilds: number): void {
    const rng = this.#rng;
    const [heavy, light, dev, invited] = this.users;
    if (!heavy || !light || !dev || !invited) throw new Error("The world needs four users");
    const stranger = (): string =>
      rng.snowflake(rng.dateBetween(new Date("2015-06-01"), new Date("2020-01-01")));
    const created: GuildRecord[] = [];
    for (let i = 0; i < manyGuilds; i++)
      created.push(this.#makeGuild(rng.chance(0.08) ? heavy.id : stranger()));
    const devOwn = [this.#makeGuild(dev.id), this.#makeGuild(dev.id)];
    const lightOwn = this.#makeGuild(light.id);
    for (const g of [...created, ...devOwn, lightOwn]) this.guilds.set(g.id, g);
    const joined = (g: GuildRecord): Date => rng.dateBetween(snowflakeToDate(g.id), new Date("2025-06-01"));
    const plan: [UserRecord, GuildRecord[]][] = [
      [heavy, created],
      [light, [lightOwn, ...rng.sample(created, 2)]],
      [dev, [...devOwn, ...rng.sample(created, 10)]],
      [invited, rng.sample(created, 1)],
    ];
    for (const [user, guilds] of plan) for (const g of guilds) this.addMember(g, user.id, joined(g));
    const botGuilds = [...rng.sample(created, Math.ceil(manyGuilds / 4)), ...devOwn, lightOwn];
    for (const g of botGuilds) this.addMember(g, this.bot.id, joined(g));
  }

  #makeConnections(): void {
    const rng = this.#rng;
    const services = [
      "github",
      "steam",
      "reddit",
      "spotify",
      "xbox",
      "bluesky",
      "battlenet",
      "mastodon",
      "domain",
      "epicgames",
    ];
    for (const [i, user] of this.users.entries()) {
      const list: Json[] = [];
      const count = i === 0 ? 7 : i === 4 ? 0 : rng.int(1, 3);
      if (count > 0) list.push(this.#streamConnection("twitch"));
      if (count > 1) list.push(this.#streamConnection("youtube"));
      for (const type of rng.sample(services, Math.max(0, count - 2))) {
        list.push({
          id:
            type === "reddit" || type === "github"
              ? `${user.username.split(".")[0]}${rng.int(1, 999)}`
              : String(rng.int(10_000_000, 999_999_999)),
          name:
            type === "domain"
              ? `${rng.pick(WORDS)}.example`
              : `${capitalize(rng.pick(WORDS))}${rng.int(1, 99)}`,
          type,
          friend_sync: rng.chance(0.3),
          integrations: [],
          show_activity: rng.chance(0.7),
          two_way_link: type === "xbox" || type === "spotify" ? rng.chance(0.7) : false,
          verified: true,
          visibility: rng.chance(0.6) ? 1 : 0,
          revoked: type === "spotify" ? rng.chance(0.5) : false,
        });
      }
      this.connections.set(user.id, list);
    }
  }

  #streamConnection(type: "twitch" | "youtube"): Json {
    const rng = this.#rng;
    const account = type === "twitch" ? String(rng.int(10_000_000, 999_999_999)) : `UC${rng.text(22, true)}`;
    const name = `${capitalize(rng.pick(WORDS))}${capitalize(rng.pick(WORDS))}`;
    const integrations = [];
    const guildPool = [...this.guilds.values()];
    for (let i = rng.int(1, 2); i > 0; i--) {
      const guild = rng.pick(guildPool);
      integrations.push({
        id: `${type}-${rng.text(8).toLowerCase()}`,
        type,
        account: { id: account, name },
        guild: { id: guild.id, name: guild.name, icon: guild.icon },
      });
    }
    return {
      id: account,
      name,
      type,
      friend_sync: false,
      integrations,
      show_activity: true,
      two_way_link: rng.chance(0.5),
      verified: true,
      visibility: 1,
      revoked: false,
    };
  }

  /** A new snowflake for something created at `at` (webhooks made by an authorization). */
  snowflake(at: Date): string {
    return this.#rng.snowflake(at);
  }

  /** A user (or the bot) by id. */
  user(id: string): UserRecord | undefined {
    return id === this.bot.id ? this.bot : this.users.find((u) => u.id === id);
  }

  /** The memberships of one user, sorted by ascending guild id. */
  guildsOf(userId: string): MemberRecord[] {
    const map = this.members.get(userId);
    if (!map) return [];
    return [...map.values()].sort((a, b) => compareIds(a.guildId, b.guildId));
  }

  /** The application payload (`PrivateApplicationResponse`). */
  applicationPayload(): Json {
    return applicationPayload(this);
  }

  /** The partial application (`ApplicationResponse`) used by `/oauth2/@me`. */
  partialApplicationPayload(): Json {
    return partialApplicationPayload(this);
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
