import {
  boolQuery,
  currentUserId,
  jsonObject,
  type RouteContext,
  requireBearer,
  requireBot,
  snowflakeParam,
  snowflakeQuery,
} from "./context.js";
import {
  ApiError,
  discordTimestamp,
  type FieldError,
  invalidFormBody,
  missingAccess,
  type Reply,
  unauthorized,
} from "./http.js";
import { compareIds, memberPayload, myGuildPayload, privateUser, publicUser } from "./payloads.js";

/** Reads `limit` (1–200, default 200) as Discord does, adding any problem to `problems`. */
function pageLimit(raw: string | null, problems: FieldError[]): number {
  if (raw === null) return 200;
  if (!/^-?\d+$/.test(raw)) {
    problems.push({ path: ["limit"], code: "NUMBER_TYPE_COERCE", message: `Value "${raw}" is not int.` });
    return 200;
  }
  const limit = Number(raw);
  if (limit < 1) {
    problems.push({
      path: ["limit"],
      code: "NUMBER_TYPE_MIN",
      message: "int value should be greater than or equal to 1.",
    });
  } else if (limit > 200) {
    problems.push({
      path: ["limit"],
      code: "NUMBER_TYPE_MAX",
      message: "int value should be less than or equal to 200.",
    });
  }
  return limit;
}

/**
 * GET /users/@me/guilds: pages always in ascending id order. `after` gives the first `limit` guilds
 * above the cursor, `before` the last `limit` below it, both together the first `limit` between.
 */
export function listMyGuilds(ctx: RouteContext): Reply {
  const userId = currentUserId(ctx, "guilds");
  const q = ctx.url.searchParams;
  const problems: FieldError[] = [];
  const limit = pageLimit(q.get("limit"), problems);
  const before = snowflakeQuery(q.get("before"), "before", problems);
  const after = snowflakeQuery(q.get("after"), "after", problems);
  const withCounts = boolQuery(q.get("with_counts"), "with_counts", problems);
  if (problems.length > 0) throw invalidFormBody(problems);
  let members = ctx.env.world.guildsOf(userId);
  if (before !== null) members = members.filter((m) => compareIds(m.guildId, before) < 0);
  if (after !== null) members = members.filter((m) => compareIds(m.guildId, after) > 0);
  const page =
    after === null && before !== null
      ? members.slice(Math.max(0, members.length - limit))
      : members.slice(0, limit);
  const { guilds } = ctx.env.world;
  return {
    status: 200,
    json: page.flatMap((m) => {
      const guild = guilds.get(m.guildId);
      return guild ? [myGuildPayload(guild, m, withCounts)] : [];
    }),
  };
}

/** GET /users/@me/guilds/{guild_id}/member (`guilds.members.read`). */
export function getMyMember(ctx: RouteContext): Reply {
  const grant = requireBearer(ctx, "guilds.members.read");
  const guildId = snowflakeParam(ctx, "guild_id");
  const { world } = ctx.env;
  const member = world.members.get(grant.userId)?.get(guildId);
  if (!world.guilds.has(guildId) || !member) throw new ApiError(404, 10004, "Unknown Guild");
  const user = world.user(grant.userId);
  if (!user) throw unauthorized();
  return { status: 200, json: memberPayload(member, user) };
}

/** DELETE /users/@me/guilds/{guild_id}: the bot leaves a guild. */
export function leaveGuild(ctx: RouteContext): Reply {
  requireBot(ctx);
  const guildId = snowflakeParam(ctx, "guild_id");
  const { world } = ctx.env;
  const mine = world.members.get(world.bot.id);
  if (!mine?.has(guildId)) throw new ApiError(404, 10004, "Unknown Guild");
  mine.delete(guildId);
  return { status: 204 };
}

/** GET /users/{user_id} (bot). */
export function getUser(ctx: RouteContext): Reply {
  requireBot(ctx);
  const id = snowflakeParam(ctx, "user_id");
  const user = ctx.env.world.user(id);
  if (!user) throw new ApiError(404, 10013, "Unknown User");
  return { status: 200, json: publicUser(user) };
}

/** GET /oauth2/@me: the bearer grant's application, scopes, expiry and user. */
export function getAuthorization(ctx: RouteContext): Reply {
  const grant = requireBearer(ctx, null);
  const { world } = ctx.env;
  const user = world.user(grant.userId);
  return {
    status: 200,
    json: {
      application: world.partialApplicationPayload(),
      scopes: grant.scopes,
      expires: discordTimestamp(grant.expiresAt),
      ...(grant.scopes.includes("identify") && user ? { user: publicUser(user) } : {}),
    },
  };
}

/** GET /users/@me: the bot, or the bearer's user (`identify`; email with `email`). */
export function getMe(ctx: RouteContext): Reply {
  const { world } = ctx.env;
  if (ctx.principal?.kind === "bot") return { status: 200, json: privateUser(world.bot, true) };
  const grant = requireBearer(ctx, "identify");
  const user = world.user(grant.userId);
  if (!user) throw unauthorized();
  return { status: 200, json: privateUser(user, grant.scopes.includes("email")) };
}

/** PUT /guilds/{guild_id}/members/{user_id}: the bot adds a user who granted `guilds.join`. */
export function addGuildMember(ctx: RouteContext): Reply {
  requireBot(ctx);
  const { world } = ctx.env;
  const guildId = snowflakeParam(ctx, "guild_id");
  const userId = snowflakeParam(ctx, "user_id");
  const input = jsonObject(ctx);
  const guild = world.guilds.get(guildId);
  const problems: FieldError[] = [];
  const accessToken = typeof input.access_token === "string" ? input.access_token : null;
  if (accessToken === null) {
    problems.push({ path: ["access_token"], code: "BASE_TYPE_REQUIRED", message: "This field is required" });
  }
  const nick = input.nick ?? null;
  if (nick !== null && (typeof nick !== "string" || nick.length < 1 || nick.length > 32)) {
    problems.push({
      path: ["nick"],
      code: "BASE_TYPE_BAD_LENGTH",
      message: "Must be between 1 and 32 in length.",
    });
  }
  for (const key of ["mute", "deaf"] as const) {
    if (input[key] !== undefined && input[key] !== null && typeof input[key] !== "boolean") {
      problems.push({ path: [key], code: "BOOLEAN_TYPE_COERCE", message: "Value is not a valid boolean." });
    }
  }
  const roles: string[] = [];
  const rawRoles = input.roles ?? null;
  if (rawRoles !== null && !Array.isArray(rawRoles)) {
    problems.push({
      path: ["roles"],
      code: "LIST_TYPE_CONVERT",
      message: "Only iterables may be used in a ListType",
    });
  } else if (rawRoles !== null) {
    for (const [i, role] of rawRoles.entries()) {
      if (typeof role === "string" && guild?.roles.some((r) => r.id === role && r.position > 0)) {
        roles.push(role);
      } else {
        problems.push({ path: ["roles", i], code: "NUMBER_TYPE_COERCE", message: "Unknown role." });
      }
    }
  }
  if (problems.length > 0 || accessToken === null) throw invalidFormBody(problems);
  if (!guild) throw new ApiError(404, 10004, "Unknown Guild");
  if (!world.members.get(world.bot.id)?.has(guildId)) throw missingAccess();
  const user = world.users.find((u) => u.id === userId);
  if (!user) throw new ApiError(404, 10013, "Unknown User");
  const grant = ctx.env.grants.byAccessToken(accessToken);
  if (!grant || grant.revoked || grant.expiresAt <= ctx.env.now() || grant.userId !== userId) {
    throw new ApiError(403, 50025, "Invalid OAuth2 access token");
  }
  if (!grant.scopes.includes("guilds.join")) throw missingAccess();
  if (world.members.get(userId)?.has(guildId)) return { status: 204 };
  const member = world.addMember(guild, userId, new Date(ctx.env.now()));
  member.roles = roles;
  member.nick = typeof nick === "string" ? nick : null;
  member.mute = input.mute === true;
  member.deaf = input.deaf === true;
  return { status: 201, json: memberPayload(member, user) };
}

/** GET /users/@me/connections: the bot has none; a user needs `connections`. */
export function listMyConnections(ctx: RouteContext): Reply {
  const userId = currentUserId(ctx, "connections");
  return { status: 200, json: ctx.env.world.connections.get(userId) ?? [] };
}
