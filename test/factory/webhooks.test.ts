import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { deserializeIncomingWebhook, serializeIncomingWebhook } from "../../src/factory/webhooks.js";
import { IncomingWebhook, WebhookType } from "../../src/models/webhooks.js";
import { deserializationError, nulled, sample, viaJson, without } from "../models/support.js";

const RAW = sample("token-webhook-incoming.json").webhook as Record<string, unknown>;
const TOKEN = RAW.token as string;
const USER = without(sample("user.json"), "verified", "email", "premium_type");

describe("deserializeIncomingWebhook", () => {
  it("reads the webhook of Discord's webhook.incoming grant", () => {
    const webhook = deserializeIncomingWebhook(RAW, null);
    expect(webhook).toBeInstanceOf(IncomingWebhook);
    expect(webhook.id).toBe("347114750880120863");
    expect(webhook.type).toBe(WebhookType.INCOMING);
    expect(webhook.name).toBe("testwebhook");
    expect(webhook.avatarHash).toBeNull();
    expect(webhook.applicationId).toBe("310954232226357250");
    expect(webhook.channelId).toBe("345626669224982402");
    expect(webhook.guildId).toBe("290926792226357250");
    expect(webhook.author).toBeNull();
    expect(webhook.token).toBe(TOKEN);
    expect(webhook.url).toBe(RAW.url);
    expect(webhook.webhookId).toBe(webhook.id);
  });

  it("reads the creating user", () => {
    expect(deserializeIncomingWebhook({ ...RAW, user: USER }, null).author?.username).toBe("Nelly");
  });

  it("fills unset optional keys with null", () => {
    const webhook = deserializeIncomingWebhook(
      without(RAW, "token", "url", "guild_id", "user", "name"),
      null,
    );
    expect(webhook.token).toBeNull();
    expect(webhook.url).toBeNull();
    expect(webhook.guildId).toBeNull();
    expect(webhook.author).toBeNull();
    expect(webhook.name).toBeNull();
  });

  it("treats nullable keys sent as null as unset", () => {
    const webhook = deserializeIncomingWebhook(
      nulled(RAW, "application_id", "channel_id", "guild_id", "user", "token", "url"),
      null,
    );
    expect(webhook.applicationId).toBeNull();
    expect(webhook.channelId).toBeNull();
    expect(webhook.author).toBeNull();
    expect(webhook.token).toBeNull();
  });

  it("keeps a webhook type Discord adds later", () => {
    expect(deserializeIncomingWebhook({ ...RAW, type: 7 }, null).type).toBe(7);
  });

  it.each([
    [without(RAW, "id"), "$.id"],
    [without(RAW, "type"), "$.type"],
    [without(RAW, "avatar"), "$.avatar"],
    [{ ...RAW, channel_id: 12.5 }, "$.channel_id"],
    [{ ...RAW, user: { id: "1" } }, "$.user.username"],
    [{ ...RAW, token: 12345 }, "$.token"],
  ])("rejects a bad webhook with a precise path (%#)", (raw, path) => {
    expect(deserializationError(() => deserializeIncomingWebhook(raw, null, "$.webhook")).path).toBe(
      path.replace("$", "$.webhook"),
    );
  });

  it("never puts the token in an error", () => {
    const error = deserializationError(() => deserializeIncomingWebhook({ ...RAW, id: TOKEN }, null));
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(error.received).toBe("string");
  });

  it("serializes every key back, token and URL included", () => {
    const raw = { ...RAW, user: USER };
    const webhook = deserializeIncomingWebhook(raw, null);
    expect(serializeIncomingWebhook(webhook)).toEqual({
      ...raw,
      user: { ...USER, bot: false, system: false },
    });
    expect(webhook.toJSON()).toEqual(serializeIncomingWebhook(webhook));
    const again = deserializeIncomingWebhook(viaJson(webhook), null);
    expect(again.token).toBe(TOKEN);
    expect(again.equals(webhook)).toBe(true);
  });

  it("leaves out a token and URL it does not know", () => {
    const out = serializeIncomingWebhook(deserializeIncomingWebhook(without(RAW, "token", "url"), null));
    expect(out).not.toHaveProperty("token");
    expect(out).not.toHaveProperty("url");
  });
});

describe("IncomingWebhook", () => {
  const webhook = deserializeIncomingWebhook(RAW, null);

  it("never shows the token or URL in String(), template strings or inspect", () => {
    expect(String(webhook)).toBe("testwebhook");
    expect(`${webhook}`).not.toContain(TOKEN);
    const shown = inspect(webhook, { depth: 5, showHidden: true });
    expect(shown).not.toContain(TOKEN);
    expect(shown).not.toContain("kKDdjXa1g9");
    expect(shown).toContain("347114750880120863");
    expect(shown).toContain("[redacted]");
    expect(inspect([webhook])).not.toContain(TOKEN);
    expect(Object.keys(webhook)).not.toContain("token");
    expect(Object.keys(webhook)).not.toContain("url");
  });

  it("names itself after its ID when it has no name", () => {
    const unnamed = deserializeIncomingWebhook({ ...RAW, id: "987654321", name: null }, null);
    expect(String(unnamed)).toBe("Unnamed webhook ID 987654321");
  });

  it("mentions as <@id>", () => {
    expect(webhook.mention).toBe("<@347114750880120863>");
  });

  it("uses default avatar 0 and builds avatar URLs without guessing GIF", () => {
    expect(webhook.defaultAvatarUrl.url).toBe("https://cdn.discordapp.com/embed/avatars/0.png");
    expect(webhook.avatarUrl).toBeNull();
    expect(webhook.displayAvatarUrl.url).toBe("https://cdn.discordapp.com/embed/avatars/0.png");
    const hooked = deserializeIncomingWebhook({ ...RAW, id: "987654321", avatar: "hook" }, null);
    expect(hooked.makeAvatarUrl({ ext: "jpeg", size: 2048 })?.url).toBe(
      "https://cdn.discordapp.com/avatars/987654321/hook.jpeg?size=2048",
    );
    const animated = deserializeIncomingWebhook({ ...RAW, id: "987654321", avatar: "a_hook" }, null);
    expect(animated.avatarUrl?.url).toBe("https://cdn.discordapp.com/avatars/987654321/a_hook.png?size=4096");
  });

  it("equals an incoming webhook with the same ID only", () => {
    expect(webhook.equals(deserializeIncomingWebhook({ ...RAW, name: "x" }, null))).toBe(true);
    expect(webhook.equals(deserializeIncomingWebhook({ ...RAW, id: "1" }, null))).toBe(false);
    expect(webhook.equals(RAW)).toBe(false);
  });

  it("dates itself from its ID", () => {
    expect(webhook.createdAt.getTime()).toBe(1_420_070_400_000 + Number(347114750880120863n >> 22n));
  });
});
