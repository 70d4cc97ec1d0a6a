import { createPublicKey, verify } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/index.js";
import { getTokenId } from "../../src/tokens.js";
import { bearer, bot, getJson, grant } from "./helpers.js";

async function snapshot(seed: string) {
  const emu = await startEmulator({ seed });
  try {
    const app = (await getJson(`${emu.apiUrl}/applications/@me`, bot(emu))).body;
    const token = (await grant(emu, "identify guilds connections")).access_token;
    const guilds = (await getJson(`${emu.apiUrl}/users/@me/guilds?with_counts=true`, bearer(token))).body;
    const connections = (await getJson(`${emu.apiUrl}/users/@me/connections`, bearer(token))).body;
    return {
      app,
      guilds,
      connections,
      users: emu.users,
      secret: emu.application.clientSecret,
      botToken: emu.application.botToken,
    };
  } finally {
    await emu.close();
  }
}

describe("seeded world", () => {
  it("the same seed gives the same data; another seed gives other data", async () => {
    const a = await snapshot("same");
    const b = await snapshot("same");
    const c = await snapshot("other");
    expect(b).toEqual(a);
    expect(c.app).not.toEqual(a.app);
    expect(c.users.map((u) => u.id)).not.toEqual(a.users.map((u) => u.id));
    expect(c.secret).not.toBe(a.secret);
  });

  it("the bot token looks real: three segments, the first is base64 of the bot user id", async () => {
    const emu = await startEmulator({ seed: 7 });
    try {
      const parts = emu.application.botToken.split(".");
      expect(parts).toHaveLength(3);
      expect(Buffer.from(parts[0]!, "base64").toString()).toBe(emu.application.botUserId);
      expect(parts[0]).not.toContain("=");
      expect(getTokenId(emu.application.botToken)).toBe(emu.application.botUserId);
      expect(emu.application.botUserId).toBe(emu.application.id);
    } finally {
      await emu.close();
    }
  });

  it("the verify key is a real Ed25519 key that checks signInteraction()", async () => {
    const emu = await startEmulator({ seed: 7 });
    try {
      const hex = emu.application.publicKey;
      expect(hex).toMatch(/^[0-9a-f]{64}$/);
      const key = createPublicKey({
        key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(hex, "hex").toString("base64url") },
        format: "jwk",
      });
      const signature = emu.application.signInteraction("1700000000", '{"type":1}');
      expect(verify(null, Buffer.from('1700000000{"type":1}'), key, Buffer.from(signature, "hex"))).toBe(
        true,
      );
      expect(verify(null, Buffer.from('1700000000{"type":2}'), key, Buffer.from(signature, "hex"))).toBe(
        false,
      );
    } finally {
      await emu.close();
    }
  });

  it("users: a heavy user, a light one, one without guilds; the team has every role", async () => {
    const emu = await startEmulator({ seed: "shape", guildCount: 30 });
    try {
      expect(emu.users.map((u) => u.guildCount)).toEqual([30, 3, 12, 1, 0]);
      expect(emu.users.map((u) => u.teamRole)).toEqual(["owner", "admin", "developer", "read_only", null]);
      expect(new Set(emu.users.map((u) => u.id)).size).toBe(5);
    } finally {
      await emu.close();
    }
  });

  it("never prints secrets when the handle's application is inspected or serialized", async () => {
    const emu = await startEmulator({ seed: "inspect" });
    try {
      for (const text of [
        inspect(emu.application),
        JSON.stringify(emu.application),
        inspect(emu, { depth: 5 }),
      ]) {
        expect(text).not.toContain(emu.application.clientSecret);
        expect(text).not.toContain(emu.application.botToken);
      }
    } finally {
      await emu.close();
    }
  });

  it("validates options and closes cleanly", async () => {
    await expect(startEmulator({ guildCount: 1 })).rejects.toThrow(RangeError);
    await expect(startEmulator({ redirectUris: ["not a url"] })).rejects.toThrow(TypeError);
    const emu = await startEmulator({ redirectUris: ["https://only.example/cb"] });
    expect(emu.apiUrl).toBe(`${emu.url}/api/v10`);
    expect(emu.authorizeUrl).toBe(`${emu.url}/oauth2/authorize`);
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await emu.close();
    await expect(fetch(`${emu.apiUrl}/users/@me`)).rejects.toThrow();
  });
});
