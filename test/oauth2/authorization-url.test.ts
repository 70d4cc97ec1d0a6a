import { describe, expect, it } from "vitest";
import { ApplicationIntegrationType } from "../../src/models/applications.js";
import { Permissions } from "../../src/models/permissions.js";
import { buildAuthorizationUrl, DEFAULT_AUTHORIZE_URL } from "../../src/oauth2/authorization-url.js";

const clientId = "157730590492196864";
const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("buildAuthorizationUrl", () => {
  it("builds a login URL with every parameter in Discord's encoding", () => {
    const url = buildAuthorizationUrl({
      clientId,
      scopes: ["identify", "guilds.join"],
      redirectUri: "https://nicememe.website/cb?x=1&y=2",
      state: "15773059ghq9183habn",
      prompt: "consent",
    });
    expect(url).toBeInstanceOf(URL);
    expect(url.origin + url.pathname).toBe(DEFAULT_AUTHORIZE_URL);
    expect(url.search).toBe(
      "?response_type=code&client_id=157730590492196864&scope=identify%20guilds.join&state=15773059ghq9183habn" +
        "&redirect_uri=https%3A%2F%2Fnicememe.website%2Fcb%3Fx%3D1%26y%3D2&prompt=consent",
    );
    expect(url.searchParams.get("scope")).toBe("identify guilds.join");
  });

  it("points at another authorize URL (the emulator) and keeps its own query", () => {
    const url = buildAuthorizationUrl({
      authorizeUrl: "http://127.0.0.1:4000/oauth2/authorize?tenant=a",
      clientId: 157730590492196864n,
      scopes: ["identify"],
    });
    expect(url.href).toBe(
      "http://127.0.0.1:4000/oauth2/authorize?tenant=a&response_type=code&client_id=157730590492196864&scope=identify",
    );
  });

  it("sends a PKCE challenge with code_challenge_method=S256", () => {
    const url = buildAuthorizationUrl({ clientId, scopes: ["identify"], codeChallenge: challenge });
    expect(url.searchParams.get("code_challenge")).toBe(challenge);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("response_type")).toBe("code");
  });

  it("builds an implicit-grant URL", () => {
    const url = buildAuthorizationUrl({ clientId, scopes: ["identify"], responseType: "token", state: "s" });
    expect(url.searchParams.get("response_type")).toBe("token");
  });

  it("builds a bare bot install link without response_type, as Discord's install links are", () => {
    const url = buildAuthorizationUrl({
      clientId,
      scopes: ["bot", "applications.commands"],
      permissions: Permissions.ADMINISTRATOR,
      guildId: "290926798626357999",
      disableGuildSelect: true,
      integrationType: ApplicationIntegrationType.GUILD_INSTALL,
    });
    expect(url.search).toBe(
      "?client_id=157730590492196864&scope=bot%20applications.commands&permissions=8&guild_id=290926798626357999" +
        "&disable_guild_select=true&integration_type=0",
    );
  });

  it("builds an advanced bot authorization (code grant with bot) with response_type", () => {
    const url = buildAuthorizationUrl({
      clientId,
      scopes: ["bot", "identify"],
      permissions: 2048n,
      redirectUri: "http://localhost:3000/callback",
    });
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("permissions")).toBe("2048");
  });

  it("accepts permissions as a decimal string above 2^53 and as a number", () => {
    const big = (1n << 60n).toString();
    expect(
      buildAuthorizationUrl({ clientId, scopes: ["bot"], permissions: big }).searchParams.get("permissions"),
    ).toBe(big);
    expect(
      buildAuthorizationUrl({ clientId, scopes: ["bot"], permissions: 0 }).searchParams.get("permissions"),
    ).toBe("0");
  });

  it("builds a user install of commands", () => {
    const url = buildAuthorizationUrl({ clientId, scopes: ["applications.commands"], integrationType: 1 });
    expect(url.search).toBe("?client_id=157730590492196864&scope=applications.commands&integration_type=1");
  });

  it("uses the default install settings when scopes are left out", () => {
    const url = buildAuthorizationUrl({ clientId, permissions: 8n, guildId: "290926798626357999" });
    expect(url.search).toBe("?client_id=157730590492196864&permissions=8&guild_id=290926798626357999");
  });

  it("sends the redirect URI exactly as given and removes duplicate scopes", () => {
    const url = buildAuthorizationUrl({
      clientId,
      scopes: ["identify", "identify", "email"],
      redirectUri: "https://a.b",
    });
    expect(url.searchParams.get("redirect_uri")).toBe("https://a.b");
    expect(url.searchParams.get("scope")).toBe("identify email");
  });

  it("allows loopback http redirects and custom schemes with PKCE", () => {
    for (const redirectUri of ["http://127.0.0.1:53134/cb", "http://[::1]/cb", "http://localhost/cb"]) {
      expect(
        buildAuthorizationUrl({ clientId, scopes: ["identify"], redirectUri }).searchParams.get(
          "redirect_uri",
        ),
      ).toBe(redirectUri);
    }
    const url = buildAuthorizationUrl({
      clientId,
      scopes: ["identify"],
      redirectUri: "com.example.app:/oauth",
      codeChallenge: challenge,
    });
    expect(url.searchParams.get("redirect_uri")).toBe("com.example.app:/oauth");
  });

  const rejections: [
    string,
    Parameters<typeof buildAuthorizationUrl>[0],
    typeof TypeError | typeof RangeError,
    RegExp,
  ][] = [
    ["empty scopes", { clientId, scopes: [] }, RangeError, /scopes cannot be empty/],
    ["a scope with a space", { clientId, scopes: ["identify email"] }, TypeError, /without spaces/],
    ["an empty scope", { clientId, scopes: [""] }, TypeError, /non-empty/],
    [
      "a client-credentials-only scope",
      { clientId, scopes: ["applications.commands.update"] },
      TypeError,
      /client credentials/,
    ],
    ["a bad client id", { clientId: "abc", scopes: ["identify"] }, TypeError, /clientId/],
    [
      "a bad authorize URL",
      { authorizeUrl: "not a url", clientId, scopes: ["identify"] },
      TypeError,
      /authorizeUrl/,
    ],
    [
      "permissions without bot",
      { clientId, scopes: ["applications.commands"], permissions: 8n },
      TypeError,
      /bot scope/,
    ],
    [
      "guildId without an install scope",
      { clientId, scopes: ["identify"], guildId: "1" },
      TypeError,
      /guildId needs/,
    ],
    [
      "disableGuildSelect without an install scope",
      { clientId, scopes: ["identify"], disableGuildSelect: false },
      TypeError,
      /disableGuildSelect needs the bot/,
    ],
    [
      "disableGuildSelect without guildId",
      { clientId, scopes: ["bot"], disableGuildSelect: true },
      TypeError,
      /needs a guildId/,
    ],
    [
      "integrationType without an install scope",
      { clientId, scopes: ["identify"], integrationType: 0 },
      TypeError,
      /integrationType needs/,
    ],
    ["a user install with bot", { clientId, scopes: ["bot"], integrationType: 1 }, TypeError, /bot scope/],
    [
      "a user install with a guild",
      { clientId, scopes: ["applications.commands"], integrationType: 1, guildId: "1" },
      TypeError,
      /no guild/,
    ],
    [
      "a negative integration type",
      { clientId, scopes: ["bot"], integrationType: -1 },
      RangeError,
      /integrationType/,
    ],
    [
      "role_connections.write with the implicit grant",
      { clientId, scopes: ["role_connections.write"], responseType: "token" },
      TypeError,
      /code grant/,
    ],
    [
      "webhook.incoming with the implicit grant",
      { clientId, scopes: ["webhook.incoming"], responseType: "token" },
      TypeError,
      /code grant/,
    ],
    [
      "a code challenge with the implicit grant",
      { clientId, scopes: ["identify"], responseType: "token", codeChallenge: challenge },
      TypeError,
      /implicit/,
    ],
    [
      "role_connections.write with PKCE",
      { clientId, scopes: ["role_connections.write"], codeChallenge: challenge },
      TypeError,
      /PKCE/,
    ],
    [
      "a malformed code challenge",
      { clientId, scopes: ["identify"], codeChallenge: "short" },
      TypeError,
      /43 base64url/,
    ],
    [
      "a plain-method verifier as challenge",
      { clientId, scopes: ["identify"], codeChallenge: `${challenge}=` },
      TypeError,
      /43 base64url/,
    ],
    [
      "an unknown response type",
      { clientId, scopes: ["identify"], responseType: "id_token" as "code" },
      RangeError,
      /responseType/,
    ],
    [
      "an unknown prompt",
      { clientId, scopes: ["identify"], prompt: "login" as "none" },
      RangeError,
      /prompt/,
    ],
    ["an empty state", { clientId, scopes: ["identify"], state: "" }, TypeError, /state/],
    ["negative permissions", { clientId, scopes: ["bot"], permissions: -1n }, RangeError, /negative/],
    ["non-decimal permissions", { clientId, scopes: ["bot"], permissions: "0x8" }, TypeError, /permissions/],
    ["fractional permissions", { clientId, scopes: ["bot"], permissions: 1.5 }, RangeError, /permissions/],
    [
      "an http redirect to a public host",
      { clientId, scopes: ["identify"], redirectUri: "http://example.com/cb" },
      TypeError,
      /https/,
    ],
    ["a relative redirect", { clientId, scopes: ["identify"], redirectUri: "/cb" }, TypeError, /absolute/],
    [
      "a redirect with a fragment",
      { clientId, scopes: ["identify"], redirectUri: "https://example.com/cb#x" },
      TypeError,
      /fragment/,
    ],
    [
      "a javascript: redirect",
      { clientId, scopes: ["identify"], redirectUri: "javascript:alert(1)", codeChallenge: challenge },
      TypeError,
      /scheme/,
    ],
    [
      "a custom-scheme redirect without PKCE",
      { clientId, scopes: ["identify"], redirectUri: "com.example.app:/oauth" },
      TypeError,
      /PKCE/,
    ],
    [
      "a redirect without scopes",
      { clientId, redirectUri: "https://example.com/cb" },
      TypeError,
      /needs explicit scopes/,
    ],
    [
      "a response type without scopes",
      { clientId, responseType: "code" },
      TypeError,
      /needs explicit scopes/,
    ],
  ];

  it.each(rejections)("rejects %s", (_name, options, errorClass, message) => {
    expect(() => buildAuthorizationUrl(options)).toThrow(errorClass);
    expect(() => buildAuthorizationUrl(options)).toThrow(message);
  });

  it("rejects a missing options object", () => {
    expect(() => buildAuthorizationUrl(undefined as never)).toThrow(TypeError);
  });
});
