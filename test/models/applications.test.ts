import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { deserializeApplication, deserializeInviteApplication } from "../../src/factory/applications.js";
import {
  Application,
  ApplicationEventWebhookStatus,
  ApplicationEventWebhookType,
  ApplicationFlags,
  ApplicationInstallParameters,
  ApplicationIntegrationConfiguration,
  ApplicationIntegrationType,
  ApplicationType,
  PartialApplication,
} from "../../src/models/applications.js";
import { OAuth2Scope } from "../../src/models/oauth2.js";
import { Permissions } from "../../src/models/permissions.js";
import { APP } from "./support.js";

const KEY = "698c5d0859abb686be1f8a19e0e7634d8471e33817650f9fb29076de227bca90";
const BASE = { id: "209333111222", name: "Dream Sweet in Sea Major", description: "", verify_key: KEY };

describe("ApplicationFlags", () => {
  it("has hikari's bits and names, plus bit 6", () => {
    expect(ApplicationFlags.VERIFIED_FOR_GUILD_PRESENCES.value).toBe(4096n);
    expect(ApplicationFlags.GUILD_PRESENCES_INTENT.value).toBe(8192n);
    expect(ApplicationFlags.VERIFIED_FOR_GUILD_MEMBERS_INTENT.value).toBe(16384n);
    expect(ApplicationFlags.GUILD_MEMBERS_INTENT.value).toBe(32768n);
    expect(ApplicationFlags.VERIFICATION_PENDING_GUILD_LIMIT.value).toBe(65536n);
    expect(ApplicationFlags.EMBEDDED.value).toBe(131072n);
    expect(ApplicationFlags.MESSAGE_CONTENT_INTENT.value).toBe(262144n);
    expect(ApplicationFlags.MESSAGE_CONTENT_INTENT_LIMITED.value).toBe(524288n);
    expect(ApplicationFlags.APPLICATION_COMMAND_BADGE.value).toBe(8388608n);
    expect(ApplicationFlags.APPLICATION_AUTO_MODERATION_RULE_CREATE_BADGE.value).toBe(64n);
    expect(ApplicationFlags.all().value).toBe(9433088n + 64n);
  });

  it("has Discord's current names as aliases of the same instances", () => {
    expect(ApplicationFlags.GATEWAY_PRESENCE).toBe(ApplicationFlags.VERIFIED_FOR_GUILD_PRESENCES);
    expect(ApplicationFlags.GATEWAY_PRESENCE_LIMITED).toBe(ApplicationFlags.GUILD_PRESENCES_INTENT);
    expect(ApplicationFlags.GATEWAY_GUILD_MEMBERS).toBe(ApplicationFlags.VERIFIED_FOR_GUILD_MEMBERS_INTENT);
    expect(ApplicationFlags.GATEWAY_GUILD_MEMBERS_LIMITED).toBe(ApplicationFlags.GUILD_MEMBERS_INTENT);
    expect(ApplicationFlags.GATEWAY_MESSAGE_CONTENT).toBe(ApplicationFlags.MESSAGE_CONTENT_INTENT);
    expect(ApplicationFlags.GATEWAY_MESSAGE_CONTENT_LIMITED).toBe(
      ApplicationFlags.MESSAGE_CONTENT_INTENT_LIMITED,
    );
    expect(ApplicationFlags.byName("GATEWAY_PRESENCE")).toBe(ApplicationFlags.VERIFIED_FOR_GUILD_PRESENCES);
    expect(String(ApplicationFlags.GATEWAY_PRESENCE)).toBe("VERIFIED_FOR_GUILD_PRESENCES");
  });

  it("names values like hikari, with primary names only", () => {
    expect(ApplicationFlags.from(0).toString()).toBe("UNKNOWN 0x0");
    expect(ApplicationFlags.from(1).toString()).toBe("UNKNOWN 0x1");
    expect(ApplicationFlags.from(65537).toString()).toBe("VERIFICATION_PENDING_GUILD_LIMIT|0x1");
    expect(ApplicationFlags.from(69632).toString()).toBe(
      "VERIFIED_FOR_GUILD_PRESENCES|VERIFICATION_PENDING_GUILD_LIMIT",
    );
    expect(ApplicationFlags.from(64n | 8192n).names).toEqual([
      "APPLICATION_AUTO_MODERATION_RULE_CREATE_BADGE",
      "GUILD_PRESENCES_INTENT",
    ]);
    expect(inspect(ApplicationFlags.from(131073))).toBe("ApplicationFlags<EMBEDDED|0x1>(131073)");
  });

  it("converts from numbers, strings and bigints, and keeps unknown and high bits", () => {
    expect(ApplicationFlags.from("131072")).toBe(ApplicationFlags.EMBEDDED);
    expect(ApplicationFlags.from(131072n)).toBe(ApplicationFlags.EMBEDDED);
    const high = ApplicationFlags.from((1n << 40n) | 4096n);
    expect(high.value).toBe((1n << 40n) | 4096n);
    expect(high.unknownBits).toBe(1n << 40n);
    expect(high.toJSON()).toBe("1099511631872");
    expect(() => ApplicationFlags.from(-1)).toThrow(RangeError);
    expect(() => ApplicationFlags.from("0x10")).toThrow(TypeError);
  });

  it("iterates set bits in ascending bit order (hikari sorts by name)", () => {
    const flags = ApplicationFlags.from((1 << 16) | (1 << 12) | (1 << 23) | (1 << 30));
    expect([...flags]).toEqual([
      ApplicationFlags.VERIFIED_FOR_GUILD_PRESENCES,
      ApplicationFlags.VERIFICATION_PENDING_GUILD_LIMIT,
      ApplicationFlags.APPLICATION_COMMAND_BADGE,
    ]);
  });

  it("combines and tests values", () => {
    const both = ApplicationFlags.EMBEDDED.union(ApplicationFlags.GATEWAY_PRESENCE);
    expect(both.value).toBe(131072n | 4096n);
    expect(both.has(ApplicationFlags.EMBEDDED, 4096)).toBe(true);
    expect(both.has(ApplicationFlags.EMBEDDED, ApplicationFlags.GUILD_MEMBERS_INTENT)).toBe(false);
    expect(both.any(ApplicationFlags.GUILD_MEMBERS_INTENT, ApplicationFlags.EMBEDDED)).toBe(true);
    expect(both.none(ApplicationFlags.GUILD_MEMBERS_INTENT)).toBe(true);
    expect(both.intersection(ApplicationFlags.EMBEDDED)).toBe(ApplicationFlags.EMBEDDED);
    expect(both.difference(ApplicationFlags.EMBEDDED)).toBe(ApplicationFlags.VERIFIED_FOR_GUILD_PRESENCES);
    expect(both.symmetricDifference(ApplicationFlags.EMBEDDED)).toBe(ApplicationFlags.GATEWAY_PRESENCE);
    expect(both.equals(135168)).toBe(true);
    expect(both.equals(135168n)).toBe(true);
    expect(both.equals("135168")).toBe(false);
    expect(ApplicationFlags.from(0).isEmpty).toBe(true);
  });

  it("reads subset and superset the right way round (hikari's are reversed)", () => {
    const both = ApplicationFlags.EMBEDDED.union(4096);
    expect(ApplicationFlags.EMBEDDED.isSubsetOf(both)).toBe(true);
    expect(both.isSubsetOf(ApplicationFlags.EMBEDDED)).toBe(false);
    expect(both.isSupersetOf(ApplicationFlags.EMBEDDED)).toBe(true);
    expect(both.isDisjoint(ApplicationFlags.GUILD_MEMBERS_INTENT)).toBe(true);
  });

  it("inverts within the declared bits, dropping unknown bits", () => {
    expect(ApplicationFlags.EMBEDDED.invert().value).toBe(9433088n + 64n - 131072n);
    expect(ApplicationFlags.from((1n << 40n) | 131072n).invert().unknownBits).toBe(0n);
  });
});

describe("application enums", () => {
  it("have Discord's values", () => {
    expect(ApplicationIntegrationType).toEqual({ GUILD_INSTALL: 0, USER_INSTALL: 1 });
    expect(ApplicationEventWebhookStatus).toEqual({ DISABLED: 1, ENABLED: 2, DISABLED_BY_DISCORD: 3 });
    expect(ApplicationType.GUILD_ROLE_SUBSCRIPTIONS).toBe(4);
    for (const [name, value] of Object.entries(ApplicationEventWebhookType)) expect(value).toBe(name);
    expect(Object.keys(ApplicationEventWebhookType)).toHaveLength(12);
  });
});

describe("ApplicationInstallParameters", () => {
  it("compares scopes and permissions", () => {
    const a = new ApplicationInstallParameters({
      scopes: [OAuth2Scope.BOT],
      permissions: Permissions.from(8),
    });
    const b = new ApplicationInstallParameters({ scopes: ["bot"], permissions: Permissions.ADMINISTRATOR });
    expect(a.equals(b)).toBe(true);
    expect(
      a.equals(new ApplicationInstallParameters({ scopes: ["bot"], permissions: Permissions.from(0) })),
    ).toBe(false);
    expect(
      a.equals(
        new ApplicationInstallParameters({ scopes: ["bot", "identify"], permissions: Permissions.from(8) }),
      ),
    ).toBe(false);
    expect(a.equals({ scopes: ["bot"], permissions: Permissions.from(8) })).toBe(false);
    const two = new ApplicationInstallParameters({
      scopes: ["bot", "identify"],
      permissions: Permissions.from(8),
    });
    expect(
      two.equals(
        new ApplicationInstallParameters({ scopes: ["bot", "identify"], permissions: Permissions.from(8) }),
      ),
    ).toBe(true);
    expect(
      two.equals(
        new ApplicationInstallParameters({ scopes: ["identify", "bot"], permissions: Permissions.from(8) }),
      ),
    ).toBe(false);
    expect(String(a)).toBe("ApplicationInstallParameters(scopes=bot, permissions=ADMINISTRATOR)");
    expect(a.toJSON()).toEqual({ scopes: ["bot"], permissions: "8" });
  });

  it("is wrapped per installation context", () => {
    const params = new ApplicationInstallParameters({ scopes: ["bot"], permissions: Permissions.from(8) });
    const config = new ApplicationIntegrationConfiguration({ oauth2InstallParameters: params });
    expect(config.equals(new ApplicationIntegrationConfiguration({ oauth2InstallParameters: params }))).toBe(
      true,
    );
    expect(config.equals(new ApplicationIntegrationConfiguration({ oauth2InstallParameters: null }))).toBe(
      false,
    );
    expect(new ApplicationIntegrationConfiguration({ oauth2InstallParameters: null }).toJSON()).toEqual({});
    expect(config.toJSON()).toEqual({ oauth2_install_params: { scopes: ["bot"], permissions: "8" } });
  });
});

describe("Application", () => {
  it("builds icon URLs under app-icons/, PNG by default, no GIF", () => {
    const application = deserializeApplication({ ...BASE, icon: "iwiw" }, null);
    expect(application.iconUrl?.url).toBe(
      "https://cdn.discordapp.com/app-icons/209333111222/iwiw.png?size=4096",
    );
    expect(application.makeIconUrl({ ext: "webp", size: 64 })?.url).toBe(
      "https://cdn.discordapp.com/app-icons/209333111222/iwiw.webp?size=64",
    );
    expect(() => application.makeIconUrl({ ext: "gif" })).toThrow(TypeError);
    expect(() => application.makeIconUrl({ size: 1 })).toThrow(RangeError);
  });

  it("builds cover URLs under app-icons/ (Discord's path, not hikari's app-assets/)", () => {
    const application = deserializeApplication({ ...BASE, cover_image: "hashmebaby" }, null);
    expect(application.coverImageUrl?.url).toBe(
      "https://cdn.discordapp.com/app-icons/209333111222/hashmebaby.png?size=4096",
    );
    expect(application.makeCoverImageUrl({ ext: "JPEG", size: 16 })?.url).toBe(
      "https://cdn.discordapp.com/app-icons/209333111222/hashmebaby.jpeg?size=16",
    );
    expect(() => application.makeCoverImageUrl({ ext: "jpeg", size: 1 })).toThrow(RangeError);
  });

  it("returns null without a hash, without checking the options", () => {
    const application = deserializeApplication(BASE, null);
    expect(application.iconUrl).toBeNull();
    expect(application.coverImageUrl).toBeNull();
    expect(application.makeIconUrl({ ext: "jpeg", size: 1 })).toBeNull();
    expect(application.makeCoverImageUrl({ ext: "gif", size: 1 })).toBeNull();
  });

  it("compares by class and ID and prints its name", () => {
    const application = deserializeApplication(BASE, null);
    expect(application.equals(deserializeApplication({ ...BASE, name: "other" }, APP))).toBe(true);
    expect(application.equals(deserializeApplication({ ...BASE, id: "1" }, null))).toBe(false);
    expect(application.equals(deserializeInviteApplication(BASE, null))).toBe(false);
    expect(deserializeInviteApplication(BASE, null).equals(application)).toBe(false);
    expect(
      application.equals(new PartialApplication({ id: BASE.id, name: "x", description: "", iconHash: null })),
    ).toBe(false);
    expect(application.equals("209333111222")).toBe(false);
    expect(String(application)).toBe("Dream Sweet in Sea Major");
    expect(application.createdAt.toISOString()).toBe("2015-01-01T00:00:49.908Z");
  });

  it("keeps app out of JSON, keys and inspection", () => {
    const application = deserializeApplication(BASE, APP);
    expect(application.app).toBe(APP);
    expect(Object.keys(application)).not.toContain("app");
    expect(JSON.stringify(application)).not.toContain("entityFactory");
    expect(inspect(application)).not.toContain("entityFactory");
  });

  it("can be built directly from its fields", () => {
    const source = deserializeApplication({ ...BASE, icon: "abc", tags: ["x"] }, APP);
    const copy = new Application({ ...source, app: APP, owner: null, team: null });
    expect(copy.equals(source)).toBe(true);
    expect(copy.iconUrl?.url).toBe(source.iconUrl?.url);
    expect(copy.toJSON()).toEqual(source.toJSON());
  });
});
