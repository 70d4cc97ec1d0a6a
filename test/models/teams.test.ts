import { describe, expect, it } from "vitest";
import { deserializeTeam } from "../../src/factory/teams.js";
import { deserializeUser } from "../../src/factory/users.js";
import { Team, TeamMember, TeamMemberRole, TeamMembershipState } from "../../src/models/teams.js";
import { APP } from "./support.js";

const USER = {
  id: "115590097100865541",
  username: "nyaa",
  global_name: "Nyaa",
  avatar: "b3b24c6d7cbcdec129d5d537067061a8",
  banner: "a_221313e1e2edsncsncsmcndsc",
  accent_color: 231321,
  discriminator: "6127",
  bot: true,
  system: true,
  public_flags: 4325376,
};

function member(user = deserializeUser(USER, APP), membershipState = 4): TeamMember {
  return new TeamMember({ membershipState, permissions: ["*"], teamId: "34123", user, role: null });
}

describe("TeamMember", () => {
  it("forwards the user's fields, returning the same values", () => {
    const user = deserializeUser(USER, APP);
    const teamMember = member(user);
    for (const key of [
      "app",
      "id",
      "username",
      "discriminator",
      "globalName",
      "displayName",
      "avatarHash",
      "bannerHash",
      "accentColor",
      "isBot",
      "isSystem",
      "flags",
      "publicFlags",
      "avatarDecoration",
      "collectibles",
      "primaryGuild",
      "mention",
    ] as const) {
      expect(teamMember[key], key).toBe(user[key]);
    }
    expect(teamMember.createdAt.getTime()).toBe(user.createdAt.getTime());
    for (const key of ["avatarUrl", "bannerUrl", "defaultAvatarUrl", "displayAvatarUrl"] as const) {
      expect(teamMember[key]?.url, key).toBe(user[key]?.url);
    }
    expect(teamMember.makeAvatarUrl({ ext: "webp", size: 32 })?.url).toBe(
      user.makeAvatarUrl({ ext: "webp", size: 32 })?.url,
    );
    expect(teamMember.makeBannerUrl({ size: 64 })?.url).toBe(user.makeBannerUrl({ size: 64 })?.url);
    expect(teamMember.membershipState).toBe(4);
  });

  it("prints as its user", () => {
    expect(String(member())).toBe("nyaa#6127");
    expect(String(member(deserializeUser({ ...USER, discriminator: "0" }, null)))).toBe("nyaa");
  });

  it("equals its user and any member wrapping an equal user, never a bare ID", () => {
    const user = deserializeUser(USER, null);
    const a = member(user, TeamMembershipState.ACCEPTED);
    const b = new TeamMember({
      membershipState: 1,
      permissions: [],
      teamId: "1",
      user: deserializeUser(USER, APP),
      role: TeamMemberRole.ADMIN,
    });
    expect(a.equals(user)).toBe(true);
    expect(a.equals(b)).toBe(true);
    expect(b.equals(a)).toBe(true);
    expect(a.equals(member(deserializeUser({ ...USER, id: "1" }, null)))).toBe(false);
    expect(a.equals("115590097100865541")).toBe(false);
    expect(a.equals(null)).toBe(false);
  });
});

describe("Team", () => {
  it("prints as hikari does", () => {
    const team = new Team({
      app: null,
      id: "696969",
      name: "test",
      iconHash: "",
      members: new Map(),
      ownerId: "0",
    });
    expect(String(team)).toBe("Team test (696969)");
  });

  it("builds icon URLs under team-icons/, with no GIF", () => {
    const team = new Team({
      app: APP,
      id: "123",
      name: "t",
      iconHash: "ahashicon",
      members: new Map(),
      ownerId: "1",
    });
    expect(team.iconUrl?.url).toBe("https://cdn.discordapp.com/team-icons/123/ahashicon.png?size=4096");
    expect(team.makeIconUrl({ ext: "JPG", size: 16 })?.url).toBe(
      "https://cdn.discordapp.com/team-icons/123/ahashicon.jpg?size=16",
    );
    expect(team.makeIconUrl({ ext: "webp" })?.url).toBe(
      "https://cdn.discordapp.com/team-icons/123/ahashicon.webp?size=4096",
    );
    expect(() => team.makeIconUrl({ ext: "gif" })).toThrow(TypeError);
    expect(() => team.makeIconUrl({ size: 8192 })).toThrow(RangeError);
  });

  it("returns null without an icon, without checking the options", () => {
    const team = new Team({
      app: null,
      id: "123",
      name: "t",
      iconHash: null,
      members: new Map(),
      ownerId: "1",
    });
    expect(team.iconUrl).toBeNull();
    expect(team.makeIconUrl({ ext: "jpeg", size: 1 })).toBeNull();
  });

  it("finds its owner among the members", () => {
    const team = deserializeTeam(
      {
        id: "123",
        name: "t",
        icon: null,
        owner_user_id: USER.id,
        members: [{ membership_state: 2, team_id: "123", user: USER }],
      },
      APP,
    );
    expect(team.owner?.user.id).toBe(USER.id);
    expect(team.app).toBe(APP);
    expect(team.createdAt.getTime()).toBe(Date.UTC(2015, 0, 1));
  });

  it("compares by ID", () => {
    const a = new Team({ app: null, id: "123", name: "a", iconHash: null, members: new Map(), ownerId: "1" });
    const b = new Team({ app: APP, id: "123", name: "b", iconHash: "x", members: new Map(), ownerId: "2" });
    expect(a.equals(b)).toBe(true);
    expect(
      a.equals(
        new Team({ app: null, id: "124", name: "a", iconHash: null, members: new Map(), ownerId: "1" }),
      ),
    ).toBe(false);
    expect(a.equals("123")).toBe(false);
  });
});
