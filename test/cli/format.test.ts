import { describe, expect, it } from "vitest";
import { dateWithDistance, keyValues, plural, relativeTime } from "../../src/cli/format.js";

describe("CLI text helpers", () => {
  const now = new Date("2026-01-01T00:00:00Z");

  it("describes distances in the largest whole unit", () => {
    expect(relativeTime(new Date("2026-01-08T00:00:00Z"), now)).toBe("in 7 days");
    expect(relativeTime(new Date("2026-01-01T01:30:00Z"), now)).toBe("in 1 hour");
    expect(relativeTime(new Date("2025-12-31T23:59:15Z"), now)).toBe("45 seconds ago");
    expect(relativeTime(now, now)).toBe("now");
  });

  it("prints a UTC date with its distance", () => {
    expect(dateWithDistance(new Date("2026-01-01T00:02:00.500Z"), now)).toBe(
      "2026-01-01 00:02:00 UTC (in 2 minutes)",
    );
  });

  it("aligns labels and drops null values", () => {
    expect(
      keyValues([
        ["Name", "x"],
        ["Skipped", null],
        ["Longer label", "y"],
      ]),
    ).toBe("  Name:         x\n  Longer label: y");
  });

  it("pluralises", () => {
    expect(plural(1, "guild")).toBe("1 guild");
    expect(plural(0, "guild")).toBe("0 guilds");
  });
});
