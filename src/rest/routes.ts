/**
 * Every Discord route the REST client sends, with the path templates of Discord's OpenAPI spec.
 * @module
 */
import { isSnowflake, type Snowflake } from "../snowflakes.js";

/** An HTTP method the client uses. */
export type HTTPMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A route: method, path template with `{name}` placeholders, and the placeholder that splits rate-limit buckets. */
export interface Route {
  /** The HTTP method. */
  readonly method: HTTPMethod;
  /** The path below the API base URL, with `{name}` placeholders, as Discord's OpenAPI spec writes it. */
  readonly template: string;
  /** The major parameter (`guild_id`, ...) whose value gets its own bucket, if the route has one. */
  readonly major?: string;
  /** Whether the route is an OAuth2 token endpoint (form bodies, RFC 6749 errors). */
  readonly tokenEndpoint?: boolean;
}

function route(method: HTTPMethod, template: string, extra: Omit<Route, "method" | "template"> = {}): Route {
  return { method, template, ...extra };
}

/** The routes, named after Discord's operation ids. */
export const ROUTES = {
  /** `GET /oauth2/applications/@me`: the bot's own application. */
  getMyOAuth2Application: route("GET", "/oauth2/applications/@me"),
  /** `GET /applications/@me`: the token owner's application, with private fields. */
  getMyApplication: route("GET", "/applications/@me"),
  /** `PATCH /applications/@me`: edit the token owner's application. */
  updateMyApplication: route("PATCH", "/applications/@me"),
  /** `GET /oauth2/@me`: what the bearer token grants. */
  getMyOAuth2Authorization: route("GET", "/oauth2/@me"),
  /** `POST /oauth2/token`: exchange a code, refresh token or client credentials for a token. */
  token: route("POST", "/oauth2/token", { tokenEndpoint: true }),
  /** `POST /oauth2/token/revoke`: revoke an access or refresh token. */
  tokenRevoke: route("POST", "/oauth2/token/revoke", { tokenEndpoint: true }),
  /** `GET /users/@me`: the current user. */
  getMyUser: route("GET", "/users/@me"),
  /** `GET /users/@me/connections`: the current user's linked accounts. */
  listMyConnections: route("GET", "/users/@me/connections"),
  /** `GET /users/@me/guilds`: the guilds the current user is in. */
  listMyGuilds: route("GET", "/users/@me/guilds"),
  /** `GET /users/@me/guilds/{guild_id}/member`: the current user's member object in a guild. */
  getMyGuildMember: route("GET", "/users/@me/guilds/{guild_id}/member"),
  /** `DELETE /users/@me/guilds/{guild_id}`: leave a guild. */
  leaveGuild: route("DELETE", "/users/@me/guilds/{guild_id}"),
  /** `GET /users/{user_id}`: any user, by ID. */
  getUser: route("GET", "/users/{user_id}"),
  /** `PUT /guilds/{guild_id}/members/{user_id}`: add a user to a guild with their `guilds.join` token. */
  addGuildMember: route("PUT", "/guilds/{guild_id}/members/{user_id}", { major: "guild_id" }),
  /** `GET /users/@me/applications/{application_id}/role-connection`: the current user's role connection. */
  getApplicationUserRoleConnection: route("GET", "/users/@me/applications/{application_id}/role-connection"),
  /** `PUT /users/@me/applications/{application_id}/role-connection`: set the current user's role connection. */
  updateApplicationUserRoleConnection: route(
    "PUT",
    "/users/@me/applications/{application_id}/role-connection",
  ),
  /** `GET /applications/{application_id}/role-connections/metadata`: the application's linked-role metadata records. */
  getApplicationRoleConnectionsMetadata: route(
    "GET",
    "/applications/{application_id}/role-connections/metadata",
  ),
  /** `PUT /applications/{application_id}/role-connections/metadata`: replace those records. */
  updateApplicationRoleConnectionsMetadata: route(
    "PUT",
    "/applications/{application_id}/role-connections/metadata",
  ),
} as const satisfies Record<string, Route>;

/** A route with its placeholders filled in. */
export interface CompiledRoute {
  /** The route it was compiled from. */
  readonly route: Route;
  /** The path with every placeholder filled in (URI-encoded). */
  readonly path: string;
  /** `"<METHOD> <template>"`, the rate-limit route key and the label used in errors. */
  readonly key: string;
  /** The value of the route's major parameter, or `""`. */
  readonly major: string;
}

const fixedRoutes = new WeakMap<Route, CompiledRoute>();

/** Fills `route`'s placeholders with `params`, which must hold every one of them. */
export function compileRoute(route: Route, params?: Readonly<Record<string, string>>): CompiledRoute {
  if (params === undefined) {
    const fixed = fixedRoutes.get(route);
    if (fixed !== undefined) return fixed;
  }
  const path = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`Missing route parameter ${name}`);
    return encodeURIComponent(value);
  });
  const compiled: CompiledRoute = {
    route,
    path,
    key: `${route.method} ${route.template}`,
    major: route.major === undefined ? "" : (params?.[route.major] ?? ""),
  };
  if (params === undefined) fixedRoutes.set(route, compiled);
  return compiled;
}

/** Something that stands for a snowflake: the id itself, or an object with an `id`. */
export type SnowflakeLike =
  | Snowflake
  | bigint
  | {
      /** The snowflake the object stands for. */
      readonly id: Snowflake;
    };

/** The id of `value`, checked; throws `TypeError` for anything that is not a snowflake. */
export function snowflakeOf(value: SnowflakeLike, name: string): Snowflake {
  const id =
    typeof value === "object" && value !== null
      ? value.id
      : typeof value === "bigint"
        ? value.toString()
        : value;
  if (typeof id !== "string" || !isSnowflake(id))
    throw new TypeError(`${name} must be a snowflake or an object with a snowflake id`);
  return id;
}
