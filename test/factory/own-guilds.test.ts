import { describe, expect, it } from "vitest";
import { deserializeOwnGuild, serializeOwnGuild } from "../../src/factory/own-guilds.js";
import { GuildFeature } from "../../src/models/guilds.js";
import { OwnGuild } from "../../src/models/own-guilds.js";
import { Permissions } from "../../src/models/permissions.js";
import {
  APP,
  deserializationError,
  expectModelledKeys,
  expectOnlyDeserializationErrors,
  fixture,
  nulled,
  without,
} from "./helpers.js";

/** hikari's own-guild payload (§6.2 item 2, with HEAD's counts) plus Discord's `banner`. */
const GUILD = {
  id: "152559372126519269",
  name: "Isopropyl",
  icon: "d4a983885dsaa7691ce8bcaaf945a",
  banner: "a_bb42bdc37653b7cf58c4c8cc622e76cb",
  owner: false,
  permissions: "2147483647",
  features: ["DISCOVERABLE", "FORCE_RELAY"],
  approximate_member_count: 3268,
  approximate_presence_count: 784,
};

describe("deserializeOwnGuild", () => {
  it("reads hikari's payload and every key of MyGuildResponse", () => {
    const guild = deserializeOwnGuild(GUILD, APP);
    expect(guild).toBeInstanceOf(OwnGuild);
    expect(guild.app).toBe(APP);
    expect(guild.id).toBe("152559372126519269");
    expect(guild.name).toBe("Isopropyl");
    expect(guild.iconHash).toBe("d4a983885dsaa7691ce8bcaaf945a");
    expect(guild.bannerHash).toBe("a_bb42bdc37653b7cf58c4c8cc622e76cb");
    expect(guild.features).toEqual([GuildFeature.DISCOVERABLE, "FORCE_RELAY"]);
    expect(guild.isOwner).toBe(false);
    expect(guild.myPermissions).toBe(Permissions.from(2147483647n));
    expect(guild.approximateMemberCount).toBe(3268);
    expect(guild.approximateActiveMemberCount).toBe(784);
    expectModelledKeys(serializeOwnGuild(guild), GUILD);
    expect(guild.toJSON()).toEqual(serializeOwnGuild(guild));
  });

  it("reads the nullable keys left out or null as null", () => {
    const keys = ["banner", "approximate_member_count", "approximate_presence_count"];
    for (const payload of [{ ...without(GUILD, ...keys), icon: null }, nulled(GUILD, "icon", ...keys)]) {
      const guild = deserializeOwnGuild(payload, null);
      expect(guild.iconHash).toBeNull();
      expect(guild.bannerHash).toBeNull();
      expect(guild.approximateMemberCount).toBeNull();
      expect(guild.approximateActiveMemberCount).toBeNull();
      const raw = serializeOwnGuild(guild);
      expect(raw.icon).toBeNull();
      expect(raw.banner).toBeNull();
      expect(Object.hasOwn(raw, "approximate_member_count")).toBe(false);
    }
  });

  it("reads permissions as a decimal string or an integer, keeping high bits", () => {
    expect(deserializeOwnGuild({ ...GUILD, permissions: 8 }, null).myPermissions).toBe(
      Permissions.ADMINISTRATOR,
    );
    const high = ((1n << 52n) | 8n).toString();
    expect(deserializeOwnGuild({ ...GUILD, permissions: high }, null).myPermissions.value).toBe(
      (1n << 52n) | 8n,
    );
  });

  it("reads the docs' samples, current and Jan 2023", () => {
    const [entry] = fixture("current-user-guilds.json") as unknown as [Record<string, unknown>];
    const guild = deserializeOwnGuild(entry, null);
    expect(guild.isOwner).toBe(true);
    expect(guild.bannerHash).toBe("bb42bdc37653b7cf58c4c8cc622e76cb");
    expect(guild.approximateMemberCount).toBe(3268);
    expectModelledKeys(serializeOwnGuild(guild), entry);
    expectModelledKeys(
      serializeOwnGuild(deserializeOwnGuild(fixture("partial-guild.json"), null)),
      fixture("partial-guild.json"),
    );
    const old = deserializeOwnGuild(fixture("partial-guild-2023-01.json"), null);
    expect(old.bannerHash).toBeNull();
    expect(old.approximateMemberCount).toBeNull();
  });

  it("builds icon and banner URLs, animated ones as GIF", () => {
    const guild = deserializeOwnGuild({ ...GUILD, icon: "a_d4a9" }, null);
    expect(guild.iconUrl?.url).toBe(
      "https://cdn.discordapp.com/icons/152559372126519269/a_d4a9.gif?size=4096",
    );
    expect(guild.makeIconUrl({ ext: "png", size: 64 })?.url).toBe(
      "https://cdn.discordapp.com/icons/152559372126519269/a_d4a9.png?size=64",
    );
    expect(guild.bannerUrl?.url).toBe(
      "https://cdn.discordapp.com/banners/152559372126519269/a_bb42bdc37653b7cf58c4c8cc622e76cb.gif?size=4096",
    );
    const plain = deserializeOwnGuild(nulled(GUILD, "banner"), null);
    expect(plain.bannerUrl).toBeNull();
    expect(plain.makeBannerUrl({ size: 1 })).toBeNull();
  });

  it("compares by class and ID, and prints its name", () => {
    const guild = deserializeOwnGuild(GUILD, null);
    expect(guild.equals(deserializeOwnGuild({ ...GUILD, name: "renamed" }, null))).toBe(true);
    expect(guild.equals(deserializeOwnGuild({ ...GUILD, id: "1" }, null))).toBe(false);
    expect(String(guild)).toBe("Isopropyl");
    expect(guild.createdAt.getTime()).toBeGreaterThan(Date.UTC(2015, 0, 1));
  });

  it("names the path of bad values", () => {
    const cases: [unknown, string][] = [
      [without(GUILD, "id"), "$.id"],
      [without(GUILD, "name"), "$.name"],
      [without(GUILD, "icon"), "$.icon"],
      [without(GUILD, "owner"), "$.owner"],
      [{ ...GUILD, owner: null }, "$.owner"],
      [without(GUILD, "permissions"), "$.permissions"],
      [{ ...GUILD, permissions: "-1" }, "$.permissions"],
      [without(GUILD, "features"), "$.features"],
      [{ ...GUILD, features: ["A", 3] }, "$.features[1]"],
      [{ ...GUILD, banner: 1 }, "$.banner"],
      [{ ...GUILD, approximate_member_count: "3268" }, "$.approximate_member_count"],
    ];
    for (const [payload, path] of cases) {
      expect(deserializationError(() => deserializeOwnGuild(payload, null)).path, path).toBe(path);
    }
    expectOnlyDeserializationErrors((raw) => deserializeOwnGuild(raw, null), GUILD);
  });
});
