/**
 * Builds team models from Discord's payloads, and back.
 * @module
 */
import {
  asObject,
  fail,
  intValue,
  optStringValue,
  type RawObject,
  snowflakeValue,
  stringsValue,
  stringValue,
} from "../internal/read.js";
import { Team, TeamMember } from "../models/teams.js";
import type { RawTeam, RawTeamMember } from "../payloads/teams.js";
import type { Snowflake } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import { deserializeUser, serializeUser } from "./users.js";

const ALL_PERMISSIONS: readonly string[] = Object.freeze(["*"]);

/** `["*"]`, the only value Discord sends, as one shared list. */
function readLegacyPermissions(value: unknown, path: string): readonly string[] {
  if (Array.isArray(value) && value.length === 1 && value[0] === "*") return ALL_PERMISSIONS;
  return stringsValue(value, path, "permissions");
}

/** Reads a member; `teamId`, when known, is the team's own ID string, reused instead of a copy. */
function readMember(
  raw: RawObject,
  app: RESTAware | null,
  path: string,
  teamId: Snowflake | null,
): TeamMember {
  const rawTeamId = raw.team_id;
  return new TeamMember({
    membershipState: intValue(raw.membership_state, path, "membership_state"),
    permissions: readLegacyPermissions(raw.permissions, path),
    teamId: rawTeamId === teamId && teamId !== null ? teamId : snowflakeValue(rawTeamId, path, "team_id"),
    user: deserializeUser(raw.user, app, `${path}.user`),
    role: optStringValue(raw.role, path, "role"),
  });
}

/**
 * Builds a {@link TeamMember} from Discord's team member object.
 * @param raw - the parsed JSON object.
 * @param app - the client models carry, or `null`.
 * @param path - the JSON path of `raw`, for error messages.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeTeamMember(raw: unknown, app: RESTAware | null, path = "$"): TeamMember {
  return readMember(asObject(raw, path), app, path, null);
}

/** Discord's team member object for `member`. */
export function serializeTeamMember(member: TeamMember): RawTeamMember {
  const out: RawTeamMember = {
    membership_state: member.membershipState,
    permissions: [...member.permissions],
    team_id: member.teamId,
    user: serializeUser(member.user),
  };
  if (member.role !== null) out.role = member.role;
  return out;
}

/**
 * Builds a {@link Team} from Discord's team object. Members are keyed by user ID; a later duplicate
 * replaces an earlier one.
 * @throws DeserializationError when the payload does not fit.
 */
export function deserializeTeam(raw: unknown, app: RESTAware | null, path = "$"): Team {
  const obj = asObject(raw, path);
  const id = snowflakeValue(obj.id, path, "id");
  const name = stringValue(obj.name, path, "name");
  const iconHash = optStringValue(obj.icon, path, "icon");
  const ownerId = snowflakeValue(obj.owner_user_id, path, "owner_user_id");
  const list = obj.members;
  const where = `${path}.members`;
  if (!Array.isArray(list)) fail(where, "array", list);
  const members = new Map<Snowflake, TeamMember>();
  for (let i = 0; i < list.length; i++) {
    const at = `${where}[${i}]`;
    const member = readMember(asObject(list[i], at), app, at, id);
    members.set(member.user.id, member);
  }
  return new Team({ app, id, name, iconHash, members, ownerId });
}

/** Discord's team object for `team`. */
export function serializeTeam(team: Team): RawTeam {
  const members: RawTeamMember[] = [];
  for (const member of team.members.values()) members.push(serializeTeamMember(member));
  return { id: team.id, icon: team.iconHash, name: team.name, owner_user_id: team.ownerId, members };
}
