/**
 * Wire types of Discord's Teams topic, in Discord's snake_case.
 *
 * @see https://discord.com/developers/docs/topics/teams
 * @module
 */
import type { RawUser } from "./users.js";

/** One member of a team. */
export interface RawTeamMember {
  /** 1 invited, 2 accepted. */
  membership_state: number;
  /** Legacy; always `["*"]`. Dropped from the docs, still in the spec. */
  permissions?: string[];
  /** ID of the team. */
  team_id: string;
  /** The member's user, as a partial user. */
  user: RawUser;
  /** `admin`, `developer` or `read_only`; the owner is identified by `owner_user_id` instead. */
  role?: string;
}

/** A developer team that owns applications. */
export interface RawTeam {
  /** The team's ID. */
  id: string;
  /** The team's icon hash, or null. */
  icon: string | null;
  /** The team's name. */
  name: string;
  /** ID of the user who owns the team. */
  owner_user_id: string;
  /** The team's members. */
  members: RawTeamMember[];
}
