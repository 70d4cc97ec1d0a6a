import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import { bearer, bot, getJson, grant } from "./helpers.js";

const spec = JSON.parse(
  readFileSync(fileURLToPath(new URL("../fixtures/discord-openapi.json", import.meta.url)), "utf8"),
) as { components: { schemas: Record<string, unknown> } };

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const inRange = (min: number, max: number) => (n: number) => Number.isInteger(n) && n >= min && n <= max;
ajv.addFormat("snowflake", {
  type: "string",
  validate: (s: string) => /^(0|[1-9][0-9]*)$/.test(s) && BigInt(s) < 2n ** 64n,
});
ajv.addFormat("int32", { type: "number", validate: inRange(-(2 ** 31), 2 ** 31 - 1) });
ajv.addFormat("uint32", { type: "number", validate: inRange(0, 2 ** 32 - 1) });
ajv.addFormat("int64", {
  type: "number",
  validate: inRange(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
});
ajv.addFormat("double", { type: "number", validate: Number.isFinite });
ajv.addFormat("nonce", true);
ajv.addSchema({ $id: "discord", components: { schemas: spec.components.schemas } });

function check(schema: string, value: unknown): void {
  const validate = ajv.getSchema(`discord#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  const ok = validate(value);
  expect(ok ? [] : validate.errors, schema).toEqual([]);
}

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ seed: "schema-tests" });
});
afterAll(async () => {
  await emu.close();
});

describe("payloads match Discord's OpenAPI schemas", () => {
  it("PrivateApplicationResponse (GET /applications/@me, /oauth2/applications/@me, PATCH)", async () => {
    check("PrivateApplicationResponse", (await getJson(`${emu.apiUrl}/applications/@me`, bot(emu))).body);
    check(
      "PrivateApplicationResponse",
      (await getJson(`${emu.apiUrl}/oauth2/applications/@me`, bot(emu))).body,
    );
    const patched = await fetch(`${emu.apiUrl}/applications/@me`, {
      method: "PATCH",
      headers: { ...bot(emu), "Content-Type": "application/json" },
      body: JSON.stringify({ description: { default: "Localized" }, cover_image: null, tags: null }),
    });
    check("PrivateApplicationResponse", await patched.json());
  });

  it("UserPIIResponse and UserResponse for every seeded user and the bot", async () => {
    for (const user of emu.users) {
      const token = (await grant(emu, "identify email", { userId: user.id })).access_token;
      check("UserPIIResponse", (await getJson(`${emu.apiUrl}/users/@me`, bearer(token))).body);
      check("UserResponse", (await getJson(`${emu.apiUrl}/users/${user.id}`, bot(emu))).body);
    }
    check("UserPIIResponse", (await getJson(`${emu.apiUrl}/users/@me`, bot(emu))).body);
  });

  it("MyGuildResponse for every guild, with and without counts", async () => {
    const token = (await grant(emu, "guilds")).access_token;
    for (const query of ["?with_counts=true", "", "?after=0&limit=200"]) {
      const list = (await getJson(`${emu.apiUrl}/users/@me/guilds${query}`, bearer(token))).body as unknown[];
      expect(list.length).toBeGreaterThan(0);
      for (const guild of list) check("MyGuildResponse", guild);
    }
  });

  it("ConnectedAccountResponse for every user's connections", async () => {
    let seen = 0;
    for (const user of emu.users) {
      const token = (await grant(emu, "connections", { userId: user.id })).access_token;
      const list = (await getJson(`${emu.apiUrl}/users/@me/connections`, bearer(token))).body as unknown[];
      for (const connection of list) check("ConnectedAccountResponse", connection);
      seen += list.length;
    }
    expect(seen).toBeGreaterThan(5);
  });

  it("OAuth2GetAuthorizationResponse with and without the user", async () => {
    for (const scope of ["identify guilds", "guilds"]) {
      const token = (await grant(emu, scope)).access_token;
      check(
        "OAuth2GetAuthorizationResponse",
        (await getJson(`${emu.apiUrl}/oauth2/@me`, bearer(token))).body,
      );
    }
  });

  it("PrivateGuildMemberResponse and GuildMemberResponse", async () => {
    const token = (await grant(emu, "guilds guilds.members.read")).access_token;
    const guilds = (await getJson(`${emu.apiUrl}/users/@me/guilds?limit=20`, bearer(token))).body as {
      id: string;
    }[];
    for (const guild of guilds) {
      check(
        "PrivateGuildMemberResponse",
        (await getJson(`${emu.apiUrl}/users/@me/guilds/${guild.id}/member`, bearer(token))).body,
      );
    }
    const joiner = emu.users[4]!;
    const join = (await grant(emu, "guilds.join", { userId: joiner.id })).access_token;
    const botGuild = (
      (await getJson(`${emu.apiUrl}/users/@me/guilds?limit=1`, bot(emu))).body as { id: string }[]
    )[0]!;
    const added = await fetch(`${emu.apiUrl}/guilds/${botGuild.id}/members/${joiner.id}`, {
      method: "PUT",
      headers: { ...bot(emu), "Content-Type": "application/json" },
      body: JSON.stringify({ access_token: join }),
    });
    expect(added.status).toBe(201);
    check("GuildMemberResponse", await added.json());
  });

  it("role connection metadata, GuildResponse and the incoming webhook of token responses", async () => {
    const meta = (
      await getJson(`${emu.apiUrl}/applications/${emu.application.id}/role-connections/metadata`, bot(emu))
    ).body as unknown[];
    for (const record of meta) check("ApplicationRoleConnectionsMetadataItemResponse", record);
    const owner = emu.users[0]!;
    const guilds = (
      await getJson(`${emu.apiUrl}/users/@me/guilds`, bearer((await grant(emu, "guilds")).access_token))
    ).body as { id: string; owner: boolean }[];
    const owned = guilds.find((g) => g.owner)!;
    const token = await grant(emu, "bot webhook.incoming", { userId: owner.id, guildId: owned.id });
    check("GuildResponse", token.guild);
    check("GuildIncomingWebhookResponse", token.webhook);
  });

  it("error bodies fit ErrorResponse and 429 bodies fit RatelimitedResponse (minus the optional code)", async () => {
    const res = await getJson(`${emu.apiUrl}/users/@me`, {});
    check("ErrorResponse", res.body);
    const invalid = await getJson(`${emu.apiUrl}/users/@me/guilds?limit=0`, bot(emu));
    expect((invalid.body as { code: number }).code).toBe(50035);
    emu.configure({ faults: [{ type: "ratelimit", retryAfter: 0.25 }] });
    const limited = (await getJson(`${emu.apiUrl}/users/@me`, bot(emu))).body as Record<string, unknown>;
    check("RatelimitedResponse", { ...limited, code: 0 });
    expect(limited).toEqual({ message: "You are being rate limited.", retry_after: 0.25, global: false });
  });
});
