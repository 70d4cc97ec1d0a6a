import {
  getApplication,
  getMetadata,
  getRoleConnection,
  patchApplication,
  putMetadata,
  putRoleConnection,
} from "./app-routes.js";
import type { Route } from "./context.js";
import {
  addGuildMember,
  getAuthorization,
  getMe,
  getMyMember,
  getUser,
  leaveGuild,
  listMyConnections,
  listMyGuilds,
} from "./user-routes.js";

/** Every REST route of the emulator (after the `/api/v10` prefix), literal routes first. */
export const ROUTES: readonly Route[] = [
  { method: "GET", template: "/applications/@me", handler: getApplication },
  { method: "PATCH", template: "/applications/@me", handler: patchApplication },
  { method: "GET", template: "/oauth2/applications/@me", handler: getApplication },
  { method: "GET", template: "/oauth2/@me", handler: getAuthorization },
  { method: "GET", template: "/users/@me", handler: getMe },
  { method: "GET", template: "/users/@me/guilds", handler: listMyGuilds },
  { method: "GET", template: "/users/@me/connections", handler: listMyConnections },
  { method: "GET", template: "/users/@me/guilds/{guild_id}/member", handler: getMyMember },
  { method: "DELETE", template: "/users/@me/guilds/{guild_id}", handler: leaveGuild },
  {
    method: "GET",
    template: "/users/@me/applications/{application_id}/role-connection",
    handler: getRoleConnection,
  },
  {
    method: "PUT",
    template: "/users/@me/applications/{application_id}/role-connection",
    handler: putRoleConnection,
  },
  { method: "GET", template: "/users/{user_id}", handler: getUser },
  {
    method: "PUT",
    template: "/guilds/{guild_id}/members/{user_id}",
    major: "guild_id",
    handler: addGuildMember,
  },
  {
    method: "GET",
    template: "/applications/{application_id}/role-connections/metadata",
    handler: getMetadata,
  },
  {
    method: "PUT",
    template: "/applications/{application_id}/role-connections/metadata",
    handler: putMetadata,
  },
];

/** Matches a path against a template; returns the path parameters or null. */
export function matchTemplate(template: string, path: string): Record<string, string> | null {
  const want = template.split("/");
  const have = path.split("/");
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const h = have[i] ?? "";
    if (w.startsWith("{")) {
      if (h === "") return null;
      try {
        params[w.slice(1, -1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}
