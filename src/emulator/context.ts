import type { IncomingMessage } from "node:http";
import type { Env } from "./env.js";
import type { Grant } from "./grants.js";
import { invalidFormBody, missingAccess, parseJsonBody, type Reply, unauthorized } from "./http.js";
import type { Json } from "./world.js";

/** Who called: the application's bot, or a user's bearer grant. */
export type Principal = { kind: "bot" } | { kind: "bearer"; grant: Grant };

/** What a REST handler receives. */
export interface RouteContext {
  env: Env;
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  principal: Principal | null;
  body: string;
}

/** One REST route: method, template (`{name}` segments) and handler. */
export interface Route {
  method: string;
  template: string;
  /** Path parameter whose value gets its own rate-limit window (Discord's "major parameter"). */
  major?: string;
  handler: (ctx: RouteContext) => Reply;
}

/** Resolves the Authorization header to a principal (null when missing or not valid). */
export function authenticate(env: Env, header: string | undefined): Principal | null {
  if (!header) return null;
  if (header.startsWith("Bot ")) {
    return header.slice(4).trim() === env.world.app.botToken ? { kind: "bot" } : null;
  }
  if (header.startsWith("Bearer ")) {
    const grant = env.grants.byAccessToken(header.slice(7).trim());
    if (!grant || grant.revoked || grant.expiresAt <= env.now()) return null;
    return { kind: "bearer", grant };
  }
  return null;
}

/** Throws 401 unless the caller used the bot token. */
export function requireBot(ctx: RouteContext): void {
  if (ctx.principal?.kind !== "bot") throw unauthorized();
}

/** Returns the bearer grant; 401 for anything else, 403 Missing Access without `scope`. */
export function requireBearer(ctx: RouteContext, scope: string | null): Grant {
  const principal = ctx.principal;
  if (principal?.kind !== "bearer") throw unauthorized();
  if (scope !== null && !principal.grant.scopes.includes(scope)) throw missingAccess();
  return principal.grant;
}

/** The user behind the call: the bot, or the bearer's user after a scope check. */
export function currentUserId(ctx: RouteContext, scope: string): string {
  if (!ctx.principal) throw unauthorized();
  if (ctx.principal.kind === "bot") return ctx.env.world.bot.id;
  return requireBearer(ctx, scope).userId;
}

const SNOWFLAKE = /^(0|[1-9][0-9]{0,19})$/;

/** Checks a snowflake path or query value; 400 (50035) otherwise. */
export function snowflakeParam(value: string, field: string): string {
  if (!SNOWFLAKE.test(value) || BigInt(value) >= 1n << 64n) {
    throw invalidFormBody([
      { path: [field], code: "NUMBER_TYPE_COERCE", message: `Value "${value}" is not snowflake.` },
    ]);
  }
  return value;
}

/** Reads a boolean query value as Discord does (`true`/`True`/`1`, `false`/`False`/`0`). */
export function boolParam(value: string | null, field: string): boolean {
  if (value === null) return false;
  if (value === "true" || value === "True" || value === "1") return true;
  if (value === "false" || value === "False" || value === "0") return false;
  throw invalidFormBody([
    { path: [field], code: "BOOLEAN_TYPE_COERCE", message: `Value "${value}" is not a valid boolean.` },
  ]);
}

/** Whether a JSON value is a plain object. */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses the JSON body and requires an object (400 50035 otherwise). */
export function jsonObject(ctx: RouteContext): Json {
  const body = parseJsonBody(ctx.req, ctx.body);
  if (!isJsonObject(body)) {
    throw invalidFormBody([
      { path: [], code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" },
    ]);
  }
  return body;
}
