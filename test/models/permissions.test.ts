import { describe, expect, it } from "vitest";
import { Permissions } from "../../src/models/permissions.js";

describe("Permissions", () => {
  it("names a single bit after its member", () => {
    expect(Permissions.from(8).toString()).toBe("ADMINISTRATOR");
    expect(Permissions.from("8").equals(Permissions.ADMINISTRATOR)).toBe(true);
  });

  it("names zero NONE", () => {
    expect(Permissions.from(0).toString()).toBe("NONE");
    expect(Permissions.from("0")).toBe(Permissions.NONE);
  });

  it("joins the names of bits 0 to 30 in ascending bit order", () => {
    const names = Permissions.from(2147483647).toString().split("|");
    expect(names).toHaveLength(31);
    expect(names[0]).toBe("CREATE_INSTANT_INVITE");
    expect(names[17]).toBe("MENTION_ROLES");
    expect(names[30]).toBe("MANAGE_GUILD_EXPRESSIONS");
  });

  it("keeps hikari's January 2023 name for bit 30 as an alias that never prints", () => {
    expect(Permissions.MANAGE_EMOJIS_AND_STICKERS).toBe(Permissions.MANAGE_GUILD_EXPRESSIONS);
    expect(Permissions.MANAGE_EMOJIS_AND_STICKERS.value).toBe(1n << 30n);
    expect(Permissions.MANAGE_EMOJIS_AND_STICKERS.toString()).toBe("MANAGE_GUILD_EXPRESSIONS");
    expect(Permissions.byName("MANAGE_EMOJIS_AND_STICKERS")).toBe(Permissions.MANAGE_GUILD_EXPRESSIONS);
  });

  it("accepts Discord's names for the bits hikari names differently", () => {
    expect(Permissions.MENTION_EVERYONE.value).toBe(1n << 17n);
    expect(Permissions.USE_VAD.value).toBe(1n << 25n);
    expect(Permissions.USE_EMBEDDED_ACTIVITIES.value).toBe(1n << 39n);
    expect(Permissions.MENTION_EVERYONE.toString()).toBe("MENTION_ROLES");
  });

  it.each([
    ["MODERATE_MEMBERS", 40n],
    ["VIEW_CREATOR_MONETIZATION_ANALYTICS", 41n],
    ["USE_SOUNDBOARD", 42n],
    ["CREATE_GUILD_EXPRESSIONS", 43n],
    ["CREATE_EVENTS", 44n],
    ["USE_EXTERNAL_SOUNDS", 45n],
    ["SEND_VOICE_MESSAGES", 46n],
    ["SET_VOICE_CHANNEL_STATUS", 48n],
    ["SEND_POLLS", 49n],
    ["USE_EXTERNAL_APPS", 50n],
    ["PIN_MESSAGES", 51n],
    ["BYPASS_SLOWMODE", 52n],
  ])("has %s at bit %i", (name, bit) => {
    const flag = Permissions.byName(name);
    expect(flag?.value).toBe(1n << bit);
    expect(Permissions.from((1n << bit).toString()).toString()).toBe(name);
  });

  it("has no member for bit 47 and keeps it as an unknown bit", () => {
    const value = Permissions.from((1n << 47n) | 8n);
    expect(value.toString()).toBe(`ADMINISTRATOR|0x${(1n << 47n).toString(16)}`);
    expect(value.unknownBits).toBe(1n << 47n);
  });

  it("covers every bit from 0 to 52 except 47", () => {
    let expected = (1n << 53n) - 1n;
    expected &= ~(1n << 47n);
    expect(Permissions.all().value).toBe(expected);
  });

  it("reads a decimal string above 2^53 without losing bits", () => {
    const raw = ((1n << 52n) | (1n << 3n) | 1n).toString();
    const value = Permissions.from(raw);
    expect(
      value.has(Permissions.BYPASS_SLOWMODE, Permissions.ADMINISTRATOR, Permissions.CREATE_INSTANT_INVITE),
    ).toBe(true);
    expect(value.toJSON()).toBe(raw);
  });

  it("iterates set members in ascending bit order", () => {
    const value = Permissions.SEND_MESSAGES.union(Permissions.ADMINISTRATOR, Permissions.PIN_MESSAGES);
    expect([...value].map(String)).toEqual(["ADMINISTRATOR", "SEND_MESSAGES", "PIN_MESSAGES"]);
  });
});
