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
  team_id: string;
  user: RawUser;
  /** `admin`, `developer` or `read_only`; the owner is identified by `owner_user_id` instead. */
  role?: string;
}

/** A developer team that owns applications. */
export interface RawTeam {
  id: string;
  icon: string | null;
  name: string;
  owner_user_id: string;
  members: RawTeamMember[];
}
