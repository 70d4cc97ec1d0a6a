import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { EntityFactory } from "../../src/factory/entity-factory.js";
import { deserializeRestGuild } from "../../src/factory/guilds.js";
import {
  deserializeAuthorizationInformation,
  deserializeAuthorizationToken,
  deserializeImplicitToken,
  deserializePartialToken,
  parseScopes,
  serializeAuthorizationInformation,
} from "../../src/factory/oauth2.js";
import { deserializeUser } from "../../src/factory/users.js";
import { deserializeIncomingWebhook } from "../../src/factory/webhooks.js";
import { AuthorizationApplication } from "../../src/models/applications.js";
import {
  AuthorizationInformation,
  OAuth2AuthorizationToken,
  OAuth2ImplicitToken,
  OAuth2Scope,
  PartialOAuth2Token,
  TokenType,
} from "../../src/models/oauth2.js";
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

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const WEEK = 604800;

const USER = {
  id: "115590097100865541",
  username: "nyaa",
  avatar: "b3b24c6d7cbcdec129d5d537067061a8",
  discriminator: "6127",
  public_flags: 4325376,
};

const PARTIAL = {
  access_token: "6qrZcUqja7812RVdnEKjpzOL4CvHBFG",
  token_type: "Bearer",
  expires_in: WEEK,
  scope: "identify connections",
};

const IMPLICIT = {
  access_token: "RTfP0OK99U3kbRtHOoKLmJbOn45PjL",
  token_type: "Basic",
  expires_in: 1209600,
  scope: "identify",
  state: "15773059ghq9183habn",
};

function expectHidden(text: string, ...secrets: string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe("parseScopes", () => {
  it("splits on spaces and drops empty entries", () => {
    expect(parseScopes("identify connections")).toEqual([OAuth2Scope.IDENTIFY, OAuth2Scope.CONNECTIONS]);
    expect(parseScopes("identify  connections")).toEqual(["identify", "connections"]);
    expect(parseScopes(" bot ")).toEqual(["bot"]);
    expect(parseScopes("")).toEqual([]);
  });
});

describe("deserializePartialToken", () => {
  it("reads hikari's client-credentials payload and computes expiresAt on receipt", () => {
    const token = deserializePartialToken(PARTIAL, "$", NOW);
    expect(token).toBeInstanceOf(PartialOAuth2Token);
    expect(token.accessToken).toBe("6qrZcUqja7812RVdnEKjpzOL4CvHBFG");
    expect(token.tokenType).toBe(TokenType.BEARER);
    expect(token.expiresIn).toBe(WEEK);
    expect(token.expiresAt.getTime()).toBe(NOW + WEEK * 1000);
    expect(token.scopes).toEqual([OAuth2Scope.IDENTIFY, OAuth2Scope.CONNECTIONS]);
  });

  it("takes the time from a Date, a number or the factory's clock", () => {
    expect(deserializePartialToken(PARTIAL, "$", new Date(NOW)).expiresAt.getTime()).toBe(NOW + WEEK * 1000);
    const factory = new EntityFactory(null, { clock: () => NOW - 1000 });
    expect(factory.deserializePartialToken(PARTIAL).expiresAt.getTime()).toBe(NOW - 1000 + WEEK * 1000);
    expect(factory.deserializePartialToken(PARTIAL, { now: NOW }).expiresAt.getTime()).toBe(
      NOW + WEEK * 1000,
    );
    const before = Date.now();
    const live = deserializePartialToken(PARTIAL).expiresAt.getTime();
    expect(live).toBeGreaterThanOrEqual(before + WEEK * 1000);
  });

  it("reads the docs' client-credentials sample", () => {
    const token = deserializePartialToken(fixture("token-client-credentials.json"), "$", NOW);
    expect(token.scopes).toEqual(["identify", "connections"]);
  });

  it("keeps an unknown or differently cased token type as given", () => {
    expect(deserializePartialToken({ ...PARTIAL, token_type: "bearer" }, "$", NOW).tokenType).toBe("bearer");
  });

  it("reads our own expires_at back instead of recomputing it", () => {
    const token = deserializePartialToken({ ...PARTIAL, expires_at: "2030-01-02T03:04:05.000Z" }, "$", NOW);
    expect(token.expiresAt.toISOString()).toBe("2030-01-02T03:04:05.000Z");
    expect(deserializePartialToken({ ...PARTIAL, expires_at: null }, "$", NOW).expiresAt.getTime()).toBe(
      NOW + WEEK * 1000,
    );
  });

  it("round-trips through JSON, keeping the expiry of the first receipt", () => {
    const token = deserializePartialToken(PARTIAL, "$", NOW);
    const json = JSON.parse(JSON.stringify(token));
    expect(json).toEqual({ ...PARTIAL, expires_at: new Date(NOW + WEEK * 1000).toISOString() });
    const again = deserializePartialToken(json, "$", NOW + 5000);
    expect(again.equals(token)).toBe(true);
    expect(again.expiresAt.getTime()).toBe(token.expiresAt.getTime());
  });

  it("reports expiry against a given moment", () => {
    const token = deserializePartialToken(PARTIAL, "$", NOW);
    expect(token.isExpired(NOW)).toBe(false);
    expect(token.isExpired(new Date(NOW + WEEK * 1000))).toBe(true);
    expect(deserializePartialToken({ ...PARTIAL, expires_in: 0 }, "$", NOW - 1).isExpired()).toBe(true);
  });

  it("never shows the access token in toString, inspect or own properties", () => {
    const token = deserializePartialToken(PARTIAL, "$", NOW);
    expectHidden(String(token), PARTIAL.access_token);
    expectHidden(inspect(token), PARTIAL.access_token);
    expectHidden(inspect(token, { showHidden: true, getters: true }), PARTIAL.access_token);
    expect(Object.keys(token)).not.toContain("accessToken");
    expect(String(token)).toContain("Bearer");
    expect(String(token)).toContain("identify connections");
  });

  it("compares by class and access token", () => {
    const a = deserializePartialToken(PARTIAL, "$", NOW);
    const b = deserializePartialToken({ ...PARTIAL, scope: "bot" }, "$", NOW + 1);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(deserializePartialToken({ ...PARTIAL, access_token: "other" }, "$", NOW))).toBe(false);
    const full = deserializeAuthorizationToken({ ...PARTIAL, refresh_token: "r" }, null, "$", NOW);
    expect(a.equals(full)).toBe(false);
    expect(full.equals(a)).toBe(false);
    expect(a.equals(PARTIAL.access_token)).toBe(false);
  });

  it("rejects malformed payloads with the path and without the secret", () => {
    const cases: [unknown, string][] = [
      [null, "$"],
      [without(PARTIAL, "access_token"), "$.access_token"],
      [{ ...PARTIAL, access_token: 5 }, "$.access_token"],
      [without(PARTIAL, "token_type"), "$.token_type"],
      [{ ...PARTIAL, expires_in: "604800" }, "$.expires_in"],
      [{ ...PARTIAL, expires_in: 1.5 }, "$.expires_in"],
      [{ ...PARTIAL, expires_in: 1e300 }, "$.expires_in"],
      [{ ...PARTIAL, expires_in: 2 ** 52 }, "$.expires_in"],
      [without(PARTIAL, "scope"), "$.scope"],
      [{ ...PARTIAL, scope: ["identify"] }, "$.scope"],
      [{ ...PARTIAL, expires_at: "tomorrow" }, "$.expires_at"],
    ];
    for (const [payload, path] of cases) {
      const error = deserializationError(() => deserializePartialToken(payload, "$", NOW));
      expect(error.path, path).toBe(path);
      expectHidden(`${error.message} ${error.expected} ${error.received}`, PARTIAL.access_token);
    }
    expectOnlyDeserializationErrors((raw) => deserializePartialToken(raw, "$", NOW), PARTIAL);
  });
});

describe("deserializeAuthorizationToken", () => {
  it("reads the docs' authorization-code sample, with the refresh token as a string", () => {
    const payload = fixture("token-authorization-code.json");
    const token = deserializeAuthorizationToken(payload, APP, "$", NOW);
    expect(token).toBeInstanceOf(OAuth2AuthorizationToken);
    expect(token.refreshToken).toBe("D43f5y0ahjqew82jZ4NViEr2YafMKhue");
    expect(token.webhook).toBeNull();
    expect(token.guild).toBeNull();
    expect(token.scopes).toEqual([OAuth2Scope.IDENTIFY]);
    expectModelledKeys(token.toJSON(), payload);
  });

  it("reads the guild of a bot authorization", () => {
    const payload = fixture("token-bot-authorization-with-guild.json");
    const token = deserializeAuthorizationToken(payload, APP, "$", NOW);
    expect(token.guild?.equals(deserializeRestGuild(payload.guild, APP))).toBe(true);
    expect(token.guild?.app).toBe(APP);
    expect(token.scopes).toEqual([OAuth2Scope.BOT]);
    expect(token.refreshToken).toBe("mgp8qnvBwJcmadwgCYKyYD5CAzGAX4");
    const again = deserializeAuthorizationToken(JSON.parse(JSON.stringify(token)), APP, "$", 0);
    expect(again.guild?.equals(token.guild)).toBe(true);
    expect(again.expiresAt.getTime()).toBe(token.expiresAt.getTime());
  });

  it("reads the webhook of a webhook.incoming authorization and keeps all secrets out of text", () => {
    const payload = fixture("token-webhook-incoming.json");
    const token = deserializeAuthorizationToken(payload, APP, "$", NOW);
    expect(token.webhook?.equals(deserializeIncomingWebhook(payload.webhook, APP))).toBe(true);
    const webhookToken = (payload.webhook as { token: string }).token;
    for (const text of [String(token), inspect(token), inspect(token, { depth: 5 })]) {
      expectHidden(text, "GNaVzEtATqdh173tNHEXY9ZYAuhiYxvy", "PvPL7ELyMDc1836457XCDh1Y8jPbRm", webhookToken);
    }
    const json = token.toJSON();
    expect(json.access_token).toBe("GNaVzEtATqdh173tNHEXY9ZYAuhiYxvy");
    expect(json.refresh_token).toBe("PvPL7ELyMDc1836457XCDh1Y8jPbRm");
    expect(json.webhook?.token).toBe(webhookToken);
  });

  it("reads the trio: full, guild and webhook left out, and sent as null", () => {
    const full = {
      ...fixture("token-webhook-incoming.json"),
      guild: fixture("token-bot-authorization-with-guild.json").guild,
    };
    const token = deserializeAuthorizationToken(full, APP, "$", NOW);
    expect(token.webhook).not.toBeNull();
    expect(token.guild).not.toBeNull();
    for (const payload of [without(full, "guild", "webhook"), nulled(full, "guild", "webhook")]) {
      const bare = deserializeAuthorizationToken(payload, APP, "$", NOW);
      expect(bare.webhook).toBeNull();
      expect(bare.guild).toBeNull();
      expect(Object.hasOwn(bare.toJSON(), "guild")).toBe(false);
    }
  });

  it("requires a refresh token", () => {
    expect(deserializationError(() => deserializeAuthorizationToken(PARTIAL, null, "$", NOW)).path).toBe(
      "$.refresh_token",
    );
    const error = deserializationError(() =>
      deserializeAuthorizationToken({ ...PARTIAL, refresh_token: 12345 }, null, "$", NOW),
    );
    expect(error.path).toBe("$.refresh_token");
    expect(error.received).toBe("integer");
  });

  it("names paths inside the guild and the webhook", () => {
    const payload = clone(fixture("token-webhook-incoming.json")) as { webhook: { channel_id: unknown } };
    payload.webhook.channel_id = [];
    expect(deserializationError(() => deserializeAuthorizationToken(payload, null, "$", NOW)).path).toBe(
      "$.webhook.channel_id",
    );
  });

  it("throws nothing but DeserializationError", () => {
    const full = {
      ...fixture("token-webhook-incoming.json"),
      guild: fixture("token-bot-authorization-with-guild.json").guild,
    };
    expectOnlyDeserializationErrors((raw) => deserializeAuthorizationToken(raw, null, "$", NOW), full);
  });
});

describe("deserializeImplicitToken", () => {
  const fragment = new URLSearchParams({
    access_token: IMPLICIT.access_token,
    token_type: "Bearer",
    expires_in: "604800",
    scope: "identify guilds",
    state: "xyz",
  }).toString();

  it("reads hikari's payload, with and without state", () => {
    const token = deserializeImplicitToken(IMPLICIT, "$", NOW);
    expect(token).toBeInstanceOf(OAuth2ImplicitToken);
    expect(token.tokenType).toBe(TokenType.BASIC);
    expect(token.expiresIn).toBe(1209600);
    expect(token.scopes).toEqual([OAuth2Scope.IDENTIFY]);
    expect(token.state).toBe("15773059ghq9183habn");
    expect(deserializeImplicitToken(without(IMPLICIT, "state"), "$", NOW).state).toBeNull();
    expect(deserializeImplicitToken(nulled(IMPLICIT, "state"), "$", NOW).state).toBeNull();
  });

  it("accepts the redirect URL, its fragment or query, URLSearchParams or a bare string", () => {
    const sources: unknown[] = [
      new URL(`https://app.example/callback#${fragment}`),
      `https://app.example/callback#${fragment}`,
      `https://app.example/callback?${fragment}`,
      new URL(`https://app.example/callback?${fragment}`),
      `#${fragment}`,
      `?${fragment}`,
      fragment,
      new URLSearchParams(fragment),
    ];
    for (const source of sources) {
      const token = deserializeImplicitToken(source, "$", NOW);
      expect(token.accessToken).toBe(IMPLICIT.access_token);
      expect(token.expiresIn).toBe(WEEK);
      expect(token.expiresAt.getTime()).toBe(NOW + WEEK * 1000);
      expect(token.scopes).toEqual(["identify", "guilds"]);
      expect(token.state).toBe("xyz");
    }
  });

  it("prefers the fragment of a URL that has both, and the first of repeated keys", () => {
    const token = deserializeImplicitToken(
      new URL(`https://app.example/callback?state=query&scope=x#${fragment}&state=second`),
      "$",
      NOW,
    );
    expect(token.state).toBe("xyz");
  });

  it("round-trips through JSON", () => {
    const token = deserializeImplicitToken(fragment, "$", NOW);
    const again = deserializeImplicitToken(JSON.parse(JSON.stringify(token)), "$", NOW + 1);
    expect(again.equals(token)).toBe(true);
    expect(again.state).toBe("xyz");
    expect(again.expiresAt.getTime()).toBe(token.expiresAt.getTime());
    expectHidden(inspect(token), IMPLICIT.access_token);
  });

  it("rejects bad sources and values", () => {
    for (const source of [null, 5, [], true, undefined]) {
      expect(deserializationError(() => deserializeImplicitToken(source, "$", NOW)).path).toBe("$");
    }
    expect(
      deserializationError(() => deserializeImplicitToken("error=access_denied&state=x", "$", NOW)).path,
    ).toBe("$.access_token");
    const bad = fragment.replace("expires_in=604800", "expires_in=soon");
    expect(deserializationError(() => deserializeImplicitToken(bad, "$", NOW)).path).toBe("$.expires_in");
    expect(
      deserializationError(() => deserializeImplicitToken(fragment.replace("604800", "-5"), "$", NOW)).path,
    ).toBe("$.expires_in");
    expectOnlyDeserializationErrors((raw) => deserializeImplicitToken(raw, "$", NOW), IMPLICIT);
  });
});

describe("deserializeAuthorizationInformation", () => {
  const KEY = "c8cde6a3c8c6e49d86af3191287b3ce255872be1fff6dc285bdb420c06a2c3c8";
  const HIKARI = {
    application: {
      id: "4123123123123",
      name: "abotnotabot",
      icon: "7c635c3cc8c7b109d254d8fcc1be85e6",
      description: "2123",
      hook: true,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: KEY,
      terms_of_service_url: "htttpyptptp",
      privacy_policy_url: "hphphphphph",
    },
    scopes: ["identify", "guilds", "applications.commands.update"],
    expires: "2021-02-01T18:03:20.888000+00:00",
    user: USER,
  };

  it("reads hikari's payload", () => {
    const info = deserializeAuthorizationInformation(HIKARI, APP);
    expect(info).toBeInstanceOf(AuthorizationInformation);
    expect(info.application).toBeInstanceOf(AuthorizationApplication);
    expect(info.application.app).toBe(APP);
    expect(info.application.publicKey.length).toBe(32);
    expect(info.application.isBotPublic).toBe(true);
    expect(info.application.isBotCodeGrantRequired).toBe(false);
    expect(info.application.termsOfServiceUrl).toBe("htttpyptptp");
    expect(info.application.privacyPolicyUrl).toBe("hphphphphph");
    expect(info.expiresAt.toISOString()).toBe("2021-02-01T18:03:20.888Z");
    expect(info.scopes).toEqual([
      OAuth2Scope.IDENTIFY,
      OAuth2Scope.GUILDS,
      OAuth2Scope.APPLICATIONS_COMMANDS_UPDATE,
    ]);
    expect(info.user?.equals(deserializeUser(USER, null))).toBe(true);
  });

  it("reads hikari's payload with optional keys left out or null", () => {
    const application = without(
      HIKARI.application,
      "icon",
      "bot_public",
      "bot_require_code_grant",
      "terms_of_service_url",
      "privacy_policy_url",
    );
    for (const payload of [
      { ...without(HIKARI, "user"), application },
      { ...nulled(HIKARI, "user"), application },
    ]) {
      const info = deserializeAuthorizationInformation(payload, null);
      expect(info.application.iconHash).toBeNull();
      expect(info.application.isBotPublic).toBe(false);
      expect(info.application.isBotCodeGrantRequired).toBe(false);
      expect(info.application.termsOfServiceUrl).toBeNull();
      expect(info.application.privacyPolicyUrl).toBeNull();
      expect(info.user).toBeNull();
      expect(Object.hasOwn(serializeAuthorizationInformation(info), "user")).toBe(false);
    }
  });

  it("rejects hikari's 11-byte verify_key: a public key is 32 bytes", () => {
    const payload = clone(HIKARI);
    payload.application.verify_key = "6f6b6f6b6f646f646f646f";
    expect(deserializationError(() => deserializeAuthorizationInformation(payload, null)).path).toBe(
      "$.application.verify_key",
    );
  });

  it("reads the docs' sample and serializes back what it models", () => {
    const payload = fixture("current-authorization.json");
    const info = deserializeAuthorizationInformation(payload, null);
    expect(info.application.name).toBe("AIRHORN SOLUTIONS");
    expect(info.application.description).toBe("");
    expect(info.user?.username).toBe("discord");
    expect(info.scopes).toEqual(["guilds.join", "identify"]);
    const json = info.toJSON();
    expect(json.expires).toBe("2021-01-23T02:33:17.017000+00:00");
    expectModelledKeys(json, { ...payload, expires: json.expires }, ["$.application.hook"]);
    const again = deserializeAuthorizationInformation(JSON.parse(JSON.stringify(info)), null);
    expect(again.equals(info)).toBe(true);
  });

  it("compares every field", () => {
    const a = deserializeAuthorizationInformation(HIKARI, null);
    expect(a.equals(deserializeAuthorizationInformation(clone(HIKARI), APP))).toBe(true);
    expect(a.equals(deserializeAuthorizationInformation({ ...HIKARI, scopes: ["identify"] }, null))).toBe(
      false,
    );
    expect(
      a.equals(
        deserializeAuthorizationInformation({ ...HIKARI, expires: "2021-02-01T18:03:21+00:00" }, null),
      ),
    ).toBe(false);
    expect(a.equals(deserializeAuthorizationInformation(without(HIKARI, "user"), null))).toBe(false);
    expect(a.equals(null)).toBe(false);
    expect(String(a)).toContain("abotnotabot");
  });

  it("names the path of bad values", () => {
    const cases: [unknown, string][] = [
      [without(HIKARI, "application"), "$.application"],
      [without(HIKARI, "expires"), "$.expires"],
      [{ ...HIKARI, expires: "yesterday" }, "$.expires"],
      [without(HIKARI, "scopes"), "$.scopes"],
      [{ ...HIKARI, scopes: "identify" }, "$.scopes"],
      [{ ...HIKARI, user: { id: "1" } }, "$.user.username"],
    ];
    for (const [payload, path] of cases) {
      expect(deserializationError(() => deserializeAuthorizationInformation(payload, null)).path, path).toBe(
        path,
      );
    }
    expectOnlyDeserializationErrors((raw) => deserializeAuthorizationInformation(raw, null), HIKARI);
  });
});
