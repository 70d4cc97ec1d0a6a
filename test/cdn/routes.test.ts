import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AssetUrl,
  CDN_APPLICATION_COVER,
  CDN_APPLICATION_ICON,
  CDN_AVATAR_DECORATION,
  CDN_CUSTOM_EMOJI,
  CDN_DEFAULT_USER_AVATAR,
  CDN_GUILD_BANNER,
  CDN_GUILD_DISCOVERY_SPLASH,
  CDN_GUILD_ICON,
  CDN_GUILD_SPLASH,
  CDN_GUILD_TAG_BADGE,
  CDN_MEMBER_AVATAR,
  CDN_MEMBER_BANNER,
  CDN_ROLE_ICON,
  CDN_STICKER,
  CDN_TEAM_ICON,
  CDN_USER_AVATAR,
  CDN_USER_BANNER,
  CdnRoute,
} from "../../src/cdn/index.js";
import { NotFoundError } from "../../src/errors.js";

const BASE = "https://cdn.discordapp.com";

describe("CDN routes", () => {
  it.each([
    [CDN_APPLICATION_ICON, { application_id: "1", hash: "abc" }, "/app-icons/1/abc.png?size=4096"],
    [CDN_APPLICATION_COVER, { application_id: "1", hash: "abc" }, "/app-icons/1/abc.png?size=4096"],
    [CDN_TEAM_ICON, { team_id: "123", hash: "ahashicon" }, "/team-icons/123/ahashicon.png?size=4096"],
    [
      CDN_USER_AVATAR,
      { user_id: "5", hash: "a_18dnf8dfbakfdh" },
      "/avatars/5/a_18dnf8dfbakfdh.gif?size=4096",
    ],
    [CDN_USER_AVATAR, { user_id: "5", hash: "18dnf8dfbakfdh" }, "/avatars/5/18dnf8dfbakfdh.png?size=4096"],
    [CDN_USER_BANNER, { user_id: "5", hash: "a_b" }, "/banners/5/a_b.gif?size=4096"],
    [CDN_DEFAULT_USER_AVATAR, { index: 4 }, "/embed/avatars/4.png"],
    [CDN_GUILD_ICON, { guild_id: "9", hash: "a_x" }, "/icons/9/a_x.gif?size=4096"],
    [CDN_GUILD_BANNER, { guild_id: "9", hash: "x" }, "/banners/9/x.png?size=4096"],
    [CDN_GUILD_SPLASH, { guild_id: "9", hash: "x" }, "/splashes/9/x.png?size=4096"],
    [CDN_GUILD_DISCOVERY_SPLASH, { guild_id: "9", hash: "x" }, "/discovery-splashes/9/x.png?size=4096"],
    [CDN_ROLE_ICON, { role_id: "7", hash: "x" }, "/role-icons/7/x.png?size=4096"],
    [CDN_CUSTOM_EMOJI, { emoji_id: "8" }, "/emojis/8.png?size=4096"],
    [CDN_STICKER, { sticker_id: "8" }, "/stickers/8.png"],
    [CDN_AVATAR_DECORATION, { asset: "a_deco" }, "/avatar-decoration-presets/a_deco.png?size=4096"],
    [
      CDN_MEMBER_AVATAR,
      { guild_id: "1", user_id: "2", hash: "h" },
      "/guilds/1/users/2/avatars/h.png?size=4096",
    ],
    [
      CDN_MEMBER_BANNER,
      { guild_id: "1", user_id: "2", hash: "a_h" },
      "/guilds/1/users/2/banners/a_h.gif?size=4096",
    ],
    [CDN_GUILD_TAG_BADGE, { guild_id: "1", badge: "b" }, "/guild-tag-badges/1/b.png?size=4096"],
  ])("builds %s's default URL", (route, vars, path) => {
    expect(route.compile(vars).url).toBe(BASE + path);
  });

  it("keeps application covers beside the icon under app-icons/", () => {
    expect(CDN_APPLICATION_COVER.compile({ application_id: "1", hash: "c" }).url).toContain(
      "/app-icons/1/c.",
    );
  });

  it("takes a format and a size", () => {
    expect(
      CDN_USER_AVATAR.compile({ user_id: "987654321", hash: "hook" }, { ext: "jpeg", size: 2048 }).url,
    ).toBe(`${BASE}/avatars/987654321/hook.jpeg?size=2048`);
    expect(CDN_TEAM_ICON.compile({ team_id: "1", hash: "h" }, { ext: "WEBP", size: 16 }).url).toBe(
      `${BASE}/team-icons/1/h.webp?size=16`,
    );
  });

  it("accepts every power of two from 16 to 4096 and nothing else", () => {
    for (let size = 16; size <= 4096; size *= 2) {
      expect(CDN_GUILD_ICON.compile({ guild_id: "1", hash: "h" }, { size }).url).toMatch(
        new RegExp(`size=${size}$`),
      );
    }
    for (const size of [0, -1, -16, 2, 4, 8, 17, 31, 100, 8192, 65536, 16.5, Number.NaN]) {
      expect(() => CDN_GUILD_ICON.compile({ guild_id: "1", hash: "h" }, { size })).toThrow(RangeError);
    }
  });

  it("rejects formats a route does not serve with TypeError", () => {
    expect(() => CDN_APPLICATION_ICON.compile({ application_id: "1", hash: "a_x" }, { ext: "gif" })).toThrow(
      TypeError,
    );
    expect(() => CDN_TEAM_ICON.compile({ team_id: "1", hash: "x" }, { ext: "bmp" })).toThrow(
      /not a valid format/,
    );
    expect(() => CDN_DEFAULT_USER_AVATAR.compile({ index: 1 }, { ext: "webp" })).toThrow(TypeError);
  });

  it("does not default application and team icons to GIF even for a_ hashes", () => {
    expect(CDN_APPLICATION_ICON.compile({ application_id: "1", hash: "a_x" }).extension).toBe("png");
  });

  it("refuses GIF for a hash that is not animated, but allows it without a hash", () => {
    expect(() => CDN_USER_AVATAR.compile({ user_id: "1", hash: "boooob" }, { ext: "gif" })).toThrow(
      /not animated/,
    );
    expect(CDN_USER_AVATAR.compile({ user_id: "1", hash: "a_boooob" }, { ext: "gif" }).extension).toBe("gif");
    expect(CDN_CUSTOM_EMOJI.compile({ emoji_id: "1" }, { ext: "gif" }).url).toBe(
      `${BASE}/emojis/1.gif?size=4096`,
    );
  });

  it("refuses a size on routes that take none", () => {
    expect(() => CDN_DEFAULT_USER_AVATAR.compile({ index: 0 }, { size: 64 })).toThrow(TypeError);
    expect(() => CDN_STICKER.compile({ sticker_id: "1" }, { size: 64 })).toThrow(TypeError);
    expect(CDN_STICKER.compile({ sticker_id: "1" }, { ext: "json" }).url).toBe(`${BASE}/stickers/1.json`);
  });

  it("percent-encodes variables but keeps slashes, as hikari does", () => {
    const route = new CdnRoute({ template: "/{foo}/{bar}", formats: ["png"], sized: true });
    expect(route.compile({ foo: "baz", bar: "bork qux" }, { size: 128 }).url).toBe(
      `${BASE}/baz/bork%20qux.png?size=128`,
    );
    expect(route.compile({ foo: "baz", bar: "a b/c?d" }).url).toBe(`${BASE}/baz/a%20b/c%3Fd.png?size=4096`);
  });

  it("requires every variable", () => {
    expect(() => CDN_USER_AVATAR.compile({ hash: "x" })).toThrow(/user_id/);
  });
});

describe("AssetUrl", () => {
  it("derives filename and extension from the path, ignoring the query", () => {
    const url = new AssetUrl(`${BASE}/team-icons/123/ahashicon.png?size=4096`);
    expect(url.filename).toBe("ahashicon.png");
    expect(url.extension).toBe("png");
    expect(String(url)).toBe(url.url);
    expect(JSON.stringify({ url })).toBe(`{"url":"${url.url}"}`);
    expect(new AssetUrl("https://x/file.").extension).toBe("");
    expect(new AssetUrl("https://x/file").extension).toBeNull();
  });

  it("compares by URL only", () => {
    expect(new AssetUrl("https://x/a.png").equals(new AssetUrl("https://x/a.png"))).toBe(true);
    expect(new AssetUrl("https://x/a.png").equals(new AssetUrl("https://x/b.png"))).toBe(false);
    expect(new AssetUrl("https://x/a.png").equals("https://x/a.png")).toBe(false);
  });

  describe("downloads", () => {
    const server = createServer((req, res) => {
      if (req.url === "/ok.png") {
        res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([137, 80, 78, 71]));
      } else {
        res.writeHead(404).end("missing");
      }
    });
    let origin = "";
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("reads the bytes", async () => {
      expect([...(await new AssetUrl(`${origin}/ok.png`).read())]).toEqual([137, 80, 78, 71]);
    });

    it("streams the bytes", async () => {
      const stream = await new AssetUrl(`${origin}/ok.png`).stream();
      const chunks: number[] = [];
      const reader = stream.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(...next.value);
      expect(chunks).toEqual([137, 80, 78, 71]);
    });

    it("turns a 404 into NotFoundError", async () => {
      await expect(new AssetUrl(`${origin}/missing.png`).read()).rejects.toBeInstanceOf(NotFoundError);
    });

    it("uses an injected fetch", async () => {
      const seen: string[] = [];
      const fake: typeof fetch = async (input) => {
        seen.push(String(input));
        return new Response(new Uint8Array([1, 2]));
      };
      expect([...(await new AssetUrl("https://cdn.example/x.png").read({ fetch: fake }))]).toEqual([1, 2]);
      expect(seen).toEqual(["https://cdn.example/x.png"]);
    });
  });
});
