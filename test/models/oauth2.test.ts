import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { enumName } from "../../src/internal/enums.js";
import {
  OAuth2AuthorizationToken,
  OAuth2ImplicitToken,
  OAuth2Scope,
  PartialOAuth2Token,
  TokenType,
} from "../../src/models/oauth2.js";

const EXPIRES = new Date("2026-12-02T12:00:00.000Z");

describe("OAuth2Scope", () => {
  it("has hikari's 22 members with their values", () => {
    expect(OAuth2Scope.ACTIVITIES_READ).toBe("activities.read");
    expect(OAuth2Scope.ACTIVITIES_WRITE).toBe("activities.write");
    expect(OAuth2Scope.APPLICATIONS_BUILDS_READ).toBe("applications.builds.read");
    expect(OAuth2Scope.APPLICATIONS_BUILDS_UPLOAD).toBe("applications.builds.upload");
    expect(OAuth2Scope.APPLICATIONS_COMMANDS).toBe("applications.commands");
    expect(OAuth2Scope.APPLICATIONS_COMMANDS_UPDATE).toBe("applications.commands.update");
    expect(OAuth2Scope.APPLICATIONS_COMMANDS_PERMISSION_UPDATE).toBe(
      "applications.commands.permissions.update",
    );
    expect(OAuth2Scope.APPLICATIONS_ENTITLEMENTS).toBe("applications.entitlements");
    expect(OAuth2Scope.APPLICATIONS_STORE_UPDATE).toBe("applications.store.update");
    expect(OAuth2Scope.BOT).toBe("bot");
    expect(OAuth2Scope.CONNECTIONS).toBe("connections");
    expect(OAuth2Scope.EMAIL).toBe("email");
    expect(OAuth2Scope.GROUP_DM_JOIN).toBe("gdm.join");
    expect(OAuth2Scope.GUILDS).toBe("guilds");
    expect(OAuth2Scope.GUILDS_JOIN).toBe("guilds.join");
    expect(OAuth2Scope.IDENTIFY).toBe("identify");
    expect(OAuth2Scope.RELATIONSHIPS_READ).toBe("relationships.read");
    expect(OAuth2Scope.RPC).toBe("rpc");
    expect(OAuth2Scope.RPC_MESSAGES_READ).toBe("messages.read");
    expect(OAuth2Scope.RPC_NOTIFICATIONS_READ).toBe("rpc.notifications.read");
    expect(OAuth2Scope.WEBHOOK_INCOMING).toBe("webhook.incoming");
    expect(OAuth2Scope.GUILDS_MEMBERS_READ).toBe("guilds.members.read");
  });

  it("has every current scope from Discord's docs, spec and Social SDK guides", () => {
    const values = new Set(Object.values(OAuth2Scope));
    for (const scope of [
      "role_connections.write",
      "activities.invites.write",
      "dm_channels.read",
      "identify.premium",
      "openid",
      "rpc.activities.write",
      "rpc.voice.read",
      "rpc.voice.write",
      "rpc.video.read",
      "rpc.video.write",
      "rpc.screenshare.read",
      "rpc.screenshare.write",
      "voice",
      "sdk.social_layer",
      "sdk.social_layer_presence",
    ]) {
      expect(values.has(scope as OAuth2Scope), scope).toBe(true);
    }
  });

  it("names each value by hikari's name first", () => {
    expect(enumName(OAuth2Scope, "gdm.join")).toBe("GROUP_DM_JOIN");
    expect(enumName(OAuth2Scope, "messages.read")).toBe("RPC_MESSAGES_READ");
    expect(OAuth2Scope.GDM_JOIN).toBe(OAuth2Scope.GROUP_DM_JOIN);
    expect(enumName(OAuth2Scope, "nope")).toBeUndefined();
  });
});

describe("TokenType", () => {
  it("has hikari's values", () => {
    expect(TokenType).toEqual({ BOT: "Bot", BASIC: "Basic", BEARER: "Bearer" });
  });
});

describe("token models", () => {
  const base = {
    tokenType: TokenType.BEARER,
    expiresIn: 300 * 86400,
    expiresAt: EXPIRES,
    scopes: [OAuth2Scope.APPLICATIONS_COMMANDS],
  };

  it("print without the token (hikari prints the token itself)", () => {
    const token = new PartialOAuth2Token({ accessToken: "54123123123", ...base });
    expect(String(token)).not.toContain("54123123123");
    expect(String(token)).toBe(
      "PartialOAuth2Token(Bearer, scopes=applications.commands, expires 2026-12-02T12:00:00.000Z)",
    );
    expect(inspect(token)).toBe(String(token));
    expect(token.accessToken).toBe("54123123123");
  });

  it("hide refresh tokens too, and show the class name", () => {
    const token = new OAuth2AuthorizationToken({
      accessToken: "a-secret",
      refreshToken: "r-secret",
      webhook: null,
      guild: null,
      ...base,
    });
    for (const text of [String(token), inspect(token), `${token}`, Object.keys(token).join()]) {
      expect(text).not.toContain("secret");
    }
    expect(String(token)).toMatch(/^OAuth2AuthorizationToken\(/);
    expect(token.toJSON()).toMatchObject({ access_token: "a-secret", refresh_token: "r-secret" });
  });

  it("keep the implicit grant's state", () => {
    const token = new OAuth2ImplicitToken({ accessToken: "a", state: "s", ...base });
    expect(token.state).toBe("s");
    expect(token.toJSON()).toEqual({
      access_token: "a",
      token_type: "Bearer",
      expires_in: 300 * 86400,
      scope: "applications.commands",
      expires_at: EXPIRES.toISOString(),
      state: "s",
    });
  });

  it("compare by class and access token", () => {
    const a = new PartialOAuth2Token({ accessToken: "x", ...base });
    expect(a.equals(new PartialOAuth2Token({ accessToken: "x", ...base, scopes: [] }))).toBe(true);
    expect(a.equals(new OAuth2ImplicitToken({ accessToken: "x", state: null, ...base }))).toBe(false);
    expect(a.equals(new PartialOAuth2Token({ accessToken: "y", ...base }))).toBe(false);
  });
});
