import {
  boolParam,
  currentUserId,
  jsonObject,
  type RouteContext,
  requireBearer,
  requireBot,
  snowflakeParam,
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

/** GET /users/@me/guilds: ascending pages with `before`/`after`/`limit`/`with_counts`. */
export function listMyGuilds(ctx: RouteContext): Reply {
  const userId = currentUserId(ctx, "guilds");
  const q = ctx.url.searchParams;
  const problems: FieldError[] = [];
  let limit = 200;
  const rawLimit = q.get("limit");
  if (rawLimit !== null) {
    if (!/^-?\d+$/.test(rawLimit)) {
      problems.push({
        path: ["limit"],
        code: "NUMBER_TYPE_COERCE",
        message: `Value "${rawLimit}" is not int.`,
      });
    } else {
      limit = Number(rawLimit);
      if (limit < 1)
        problems.push({
          path: ["limit"],
          code: "NUMBER_TYPE_MIN",
          message: "int value should be greater than or equal to 1.",
        });
      if (limit > 200)
        problems.push({
          path: ["limit"],
          code: "NUMBER_TYPE_MAX",
          message: "int value should be less than or equal to 200.",
        });
    }
  }
  if (problems.length > 0) throw invalidFormBody(problems);
  const before = q.get("before");
  const after = q.get("after");
  if (before !== null) snowflakeParam(before, "before");
  if (after !== null) snowflakeParam(after, "after");
  const withCounts = boolParam(q.get("with_counts"), "with_counts");
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
  const guildId = snowflakeParam(ctx.params.guild_id ?? "", "guild_id");
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
  const guildId = snowflakeParam(ctx.params.guild_id ?? "", "guild_id");
  const { world } = ctx.env;
  const mine = world.members.get(world.bot.id);
  if (!mine?.has(guildId)) throw new ApiError(404, 10004, "Unknown Guild");
  mine.delete(guildId);
  return { status: 204 };
}

/** GET /users/{user_id} (bot). */
export function getUser(ctx: RouteContext): Reply {
  requireBot(ctx);
  const id = snowflakeParam(ctx.params.user_id ?? "", "user_id");
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
  const guildId = snowflakeParam(ctx.params.guild_id ?? "", "guild_id");
  const userId = snowflakeParam(ctx.params.user_id ?? "", "user_id");
  const input = jsonObject(ctx);
  const problems: FieldError[] = [];
  if (typeof input.access_token !== "string") {
    problems.push({ path: ["access_token"], code: "BASE_TYPE_REQUIRED", message: "This field is required" });
  }
  if (
    input.nick !== undefined &&
    input.nick !== null &&
    (typeof input.nick !== "string" || input.nick.length > 32)
  ) {
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
  const guild = world.guilds.get(guildId);
  const roles = input.roles;
  if (roles !== undefined && roles !== null) {
    if (!Array.isArray(roles)) {
      problems.push({
        path: ["roles"],
        code: "LIST_TYPE_CONVERT",
        message: "Only iterables may be used in a ListType",
      });
    } else {
      roles.forEach((role, i) => {
        if (typeof role !== "string" || !guild?.roles.some((r) => r.id === role && r.position > 0)) {
          problems.push({ path: ["roles", i], code: "NUMBER_TYPE_COERCE", message: "Unknown role." });
        }
      });
    }
  }
  if (problems.length > 0) throw invalidFormBody(problems);
  if (!guild) throw new ApiError(404, 10004, "Unknown Guild");
  if (!world.members.get(world.bot.id)?.has(guildId)) throw missingAccess();
  const user = world.users.find((u) => u.id === userId);
  if (!user) throw new ApiError(404, 10013, "Unknown User");
  const grant = ctx.env.grants.byAccessToken(input.access_token as string);
  if (!grant || grant.revoked || grant.expiresAt <= ctx.env.now() || grant.userId !== userId) {
    throw new ApiError(403, 50025, "Invalid OAuth2 access token");
  }
  if (!grant.scopes.includes("guilds.join")) throw missingAccess();
  if (world.members.get(userId)?.has(guildId)) return { status: 204 };
  const member = world.addMember(guild, userId, new Date(ctx.env.now()));
  member.roles = Array.isArray(roles) ? (roles as string[]) : [];
  member.nick = typeof input.nick === "string" ? input.nick : null;
  member.mute = input.mute === true;
  member.deaf = input.deaf === true;
  return { status: 201, json: memberPayload(member, user) };
}

/** GET /users/@me/connections: the bot has none; a user needs `connections`. */
export function listMyConnections(ctx: RouteContext): Reply {
  const userId = currentUserId(ctx, "connections");
  return { status: 200, json: ctx.env.world.connections.get(userId) ?? [] };
}
