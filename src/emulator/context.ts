import type { IncomingMessage } from "node:http";
import type { Env } from "./env.js";
import type { Grant } from "./grants.js";
import {
  type FieldError,
  invalidFormBody,
  missingAccess,
  parseJsonBody,
  type Reply,
  unauthorized,
} from "./http.js";
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

/** Whether `value` is a decimal snowflake that fits in 64 bits. */
function isSnowflake(value: string): boolean {
  return SNOWFLAKE.test(value) && BigInt(value) < 1n << 64n;
}

/** The 50035 problem for a value that is not a snowflake. */
function snowflakeProblem(value: string, field: string): FieldError {
  return { path: [field], code: "NUMBER_TYPE_COERCE", message: `Value "${value}" is not snowflake.` };
}

/** The path parameter `name`, checked to be a snowflake; 400 (50035) otherwise. */
export function snowflakeParam(ctx: RouteContext, name: string): string {
  const value = ctx.params[name] ?? "";
  if (!isSnowflake(value)) throw invalidFormBody([snowflakeProblem(value, name)]);
  return value;
}

/** Reads an optional snowflake query value; a bad one adds its problem to `problems` and reads as null. */
export function snowflakeQuery(value: string | null, field: string, problems: FieldError[]): string | null {
  if (value === null) return null;
  if (isSnowflake(value)) return value;
  problems.push(snowflakeProblem(value, field));
  return null;
}

/**
 * Reads an optional boolean query value as Discord does (`true`/`True`/`1`, `false`/`False`/`0`;
 * absent is false); anything else adds a problem to `problems`.
 */
export function boolQuery(value: string | null, field: string, problems: FieldError[]): boolean {
  if (value === null || value === "false" || value === "False" || value === "0") return false;
  if (value === "true" || value === "True" || value === "1") return true;
  problems.push({
    path: [field],
    code: "BOOLEAN_TYPE_COERCE",
    message: `Value "${value}" is not a valid boolean.`,
  });
  return false;
}

/** Whether a JSON value is a plain object. */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The 50035 problem for a value at `path` that is not a JSON object. */
export function dictError(path: (string | number)[]): FieldError {
  return { path, code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" };
}

/** Parses the JSON body and requires an object (400 50035 otherwise). */
export function jsonObject(ctx: RouteContext): Json {
  const body = parseJsonBody(ctx.req, ctx.body);
  if (!isJsonObject(body)) throw invalidFormBody([dictError([])]);
  return body;
}
