import { describe, expect, it } from "vitest";
import {
  deserializeTeam,
  deserializeTeamMember,
  serializeTeam,
  serializeTeamMember,
} from "../../src/factory/teams.js";
import { deserializeUser } from "../../src/factory/users.js";
import { Team, TeamMember, TeamMemberRole, TeamMembershipState } from "../../src/models/teams.js";
import {
  APP,
  clone,
  deserializationError,
  expectModelledKeys,
  expectOnlyDeserializationErrors,
  fixture,
  nulled,
  without,
} from "./helpers.js";

const MEMBER = {
  membership_state: 2,
  permissions: ["*"],
  role: "developer",
  team_id: "531992624043786253",
  user: {
    id: "511972282709709995",
    username: "Mr Owner",
    avatar: "d9e261cd35999608eb7e3de1fae3688b",
    discriminator: "0001",
  },
};

const TEAM = {
  id: "531992624043786253",
  icon: "dd9b7dcfdf5351b9c3de0fe167bacbe1",
  name: "A team",
  owner_user_id: "511972282709709995",
  members: [MEMBER],
};

describe("deserializeTeamMember", () => {
  it("reads every key of TeamMemberResponse", () => {
    const member = deserializeTeamMember(MEMBER, APP);
    expect(member).toBeInstanceOf(TeamMember);
    expect(member.membershipState).toBe(TeamMembershipState.ACCEPTED);
    expect(member.permissions).toEqual(["*"]);
    expect(member.role).toBe(TeamMemberRole.DEVELOPER);
    expect(member.teamId).toBe("531992624043786253");
    expect(member.user.equals(deserializeUser(MEMBER.user, null))).toBe(true);
    expect(member.app).toBe(APP);
    expectModelledKeys(serializeTeamMember(member), MEMBER);
    expect(member.toJSON()).toEqual(serializeTeamMember(member));
  });

  it("reads role and permissions left out or null as null and []", () => {
    for (const payload of [without(MEMBER, "role", "permissions"), nulled(MEMBER, "role", "permissions")]) {
      const member = deserializeTeamMember(payload, null);
      expect(member.role).toBeNull();
      expect(member.permissions).toEqual([]);
      expect(Object.hasOwn(serializeTeamMember(member), "role")).toBe(false);
    }
  });

  it("reads the official sample (no role) and the community sample (role, no permissions)", () => {
    const official = deserializeTeamMember(fixture("team-member-official-docs.json"), null);
    expect(official.role).toBeNull();
    expect(official.permissions).toEqual(["*"]);
    const community = deserializeTeamMember(fixture("team-member-userdoccers.json"), null);
    expect(community.role).toBe(TeamMemberRole.ADMIN);
    expect(community.permissions).toEqual([]);
    expect(community.globalName).toBe("Alien");
  });

  it("keeps unknown membership states and roles", () => {
    const member = deserializeTeamMember({ ...MEMBER, membership_state: 9, role: "intern" }, null);
    expect(member.membershipState).toBe(9);
    expect(member.role).toBe("intern");
  });

  it("names the path of bad values", () => {
    const cases: [unknown, string][] = [
      [without(MEMBER, "membership_state"), "$.membership_state"],
      [{ ...MEMBER, membership_state: "2" }, "$.membership_state"],
      [without(MEMBER, "team_id"), "$.team_id"],
      [without(MEMBER, "user"), "$.user"],
      [{ ...MEMBER, permissions: [1] }, "$.permissions[0]"],
      [{ ...MEMBER, role: 1 }, "$.role"],
    ];
    for (const [payload, path] of cases) {
      expect(deserializationError(() => deserializeTeamMember(payload, null)).path, path).toBe(path);
    }
    expectOnlyDeserializationErrors((raw) => deserializeTeamMember(raw, null), MEMBER);
  });
});

describe("deserializeTeam", () => {
  it("reads every key of TeamResponse and finds the owner", () => {
    const team = deserializeTeam(TEAM, APP);
    expect(team).toBeInstanceOf(Team);
    expect(team.app).toBe(APP);
    expect(team.id).toBe("531992624043786253");
    expect(team.name).toBe("A team");
    expect(team.iconHash).toBe("dd9b7dcfdf5351b9c3de0fe167bacbe1");
    expect(team.ownerId).toBe("511972282709709995");
    expect([...team.members.keys()]).toEqual(["511972282709709995"]);
    expect(team.owner).toBe(team.members.get("511972282709709995"));
    expectModelledKeys(serializeTeam(team), TEAM);
    expect(team.toJSON()).toEqual(serializeTeam(team));
  });

  it("has no owner when the owner is not listed", () => {
    expect(deserializeTeam({ ...TEAM, owner_user_id: "1" }, null).owner).toBeNull();
    expect(deserializeTeam({ ...TEAM, members: [] }, null).owner).toBeNull();
  });

  it("reads icon left out or null as null", () => {
    expect(deserializeTeam(without(TEAM, "icon"), null).iconHash).toBeNull();
    expect(deserializeTeam(nulled(TEAM, "icon"), null).iconHash).toBeNull();
  });

  it("keys members by user ID, a later duplicate replacing an earlier one", () => {
    const second = { ...clone(MEMBER), membership_state: 1 };
    const other = { ...clone(MEMBER), user: { ...MEMBER.user, id: "2" } };
    const team = deserializeTeam({ ...TEAM, members: [MEMBER, other, second] }, null);
    expect(team.members.size).toBe(2);
    expect(team.members.get("511972282709709995")?.membershipState).toBe(TeamMembershipState.INVITED);
    expect([...team.members.keys()]).toEqual(["511972282709709995", "2"]);
  });

  it("reads the docs' team sample", () => {
    const payload = fixture("team.json");
    const team = deserializeTeam(payload, null);
    expect(team.owner?.username).toBe("Mr Owner");
    expectModelledKeys(serializeTeam(team), payload);
  });

  it("names the path of bad values", () => {
    const cases: [unknown, string][] = [
      [[], "$"],
      [without(TEAM, "id"), "$.id"],
      [without(TEAM, "name"), "$.name"],
      [without(TEAM, "owner_user_id"), "$.owner_user_id"],
      [without(TEAM, "members"), "$.members"],
      [{ ...TEAM, members: [MEMBER, 5] }, "$.members[1]"],
      [
        { ...TEAM, members: [MEMBER, { ...MEMBER, user: { ...MEMBER.user, id: -1 } }] },
        "$.members[1].user.id",
      ],
    ];
    for (const [payload, path] of cases) {
      expect(deserializationError(() => deserializeTeam(payload, null)).path, path).toBe(path);
    }
    expectOnlyDeserializationErrors((raw) => deserializeTeam(raw, null), TEAM);
  });
});
