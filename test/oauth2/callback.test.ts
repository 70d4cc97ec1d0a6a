import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { OAuth2AuthorizationError, OAuth2StateMismatchError } from "../../src/errors.js";
import { Permissions } from "../../src/models/permissions.js";
import { parseAuthorizationCallback } from "../../src/oauth2/callback.js";

const state = "15773059ghq9183habn";

/** What parsing `url` throws; fails the test when it does not throw. */
function parseError(url: string): unknown {
  try {
    parseAuthorizationCallback(url, { expectedState: state });
  } catch (error) {
    return error;
  }
  return expect.unreachable("the callback parsed");
}

describe("parseAuthorizationCallback", () => {
  it("reads a code redirect from a full URL", () => {
    const result = parseAuthorizationCallback(
      `https://nicememe.website/?code=NhhvTDYsFcdgNLnnLijcl7Ku7bEEeee&state=${state}`,
      {
        expectedState: state,
      },
    );
    expect(result).toEqual({
      code: "NhhvTDYsFcdgNLnnLijcl7Ku7bEEeee",
      state,
      guildId: null,
      permissions: null,
    });
  });

  it("reads a request path, a URL object and URLSearchParams alike", () => {
    const inputs = [
      `/callback?code=abc&state=${state}`,
      new URL(`http://127.0.0.1:3000/callback?code=abc&state=${state}`),
      new URLSearchParams({ code: "abc", state }),
      `code=abc&state=${state}`,
      `?code=abc&state=${state}`,
    ];
    for (const input of inputs)
      expect(parseAuthorizationCallback(input, { expectedState: state }).code).toBe("abc");
  });

  it("reads the bot install hints", () => {
    const result = parseAuthorizationCallback(
      `https://a.b/cb?code=abc&state=${state}&guild_id=290926798626357999&permissions=1152921504606846976`,
      { expectedState: state },
    );
    expect(result.guildId).toBe("290926798626357999");
    expect(result.permissions).toBeInstanceOf(Permissions);
    expect(result.permissions?.value).toBe(1n << 60n);
  });

  it("drops malformed hints instead of inventing values", () => {
    const result = parseAuthorizationCallback(
      `https://a.b/cb?code=abc&state=${state}&guild_id=x1&permissions=-8`,
      {
        expectedState: state,
      },
    );
    expect(result.guildId).toBeNull();
    expect(result.permissions).toBeNull();
  });

  it("turns access_denied into OAuth2AuthorizationError", () => {
    const url =
      `https://a.b/cb?error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request` +
      `&state=${state}`;
    const caught = parseError(url);
    expect(caught).toBeInstanceOf(OAuth2AuthorizationError);
    expect((caught as OAuth2AuthorizationError).error).toBe("access_denied");
    expect((caught as OAuth2AuthorizationError).description).toBe(
      "The resource owner or authorization server denied the request",
    );
  });

  it("turns other error codes into OAuth2AuthorizationError too", () => {
    expect(() =>
      parseAuthorizationCallback(`/cb?error=invalid_scope&state=${state}`, { expectedState: state }),
    ).toThrow(OAuth2AuthorizationError);
  });

  it("checks the state before trusting an error redirect", () => {
    expect(() => parseAuthorizationCallback("/cb?error=access_denied", { expectedState: state })).toThrow(
      OAuth2StateMismatchError,
    );
  });

  it("refuses a wrong, missing or empty state", () => {
    for (const url of [
      "/cb?code=abc&state=other",
      "/cb?code=abc",
      "/cb?code=abc&state=",
      `/cb?code=abc&state=${state}x`,
    ]) {
      expect(() => parseAuthorizationCallback(url, { expectedState: state })).toThrow(
        OAuth2StateMismatchError,
      );
    }
  });

  it("never puts the code or the states into the error", () => {
    const error = parseError("/cb?code=secretcode&state=attacker");
    expect(error).toBeInstanceOf(OAuth2StateMismatchError);
    expect(String(error)).not.toMatch(/secretcode|attacker|15773059/);
  });

  it("refuses a redirect with neither code nor error", () => {
    expect(() => parseAuthorizationCallback(`/cb?state=${state}`, { expectedState: state })).toThrow(
      OAuth2AuthorizationError,
    );
  });

  it("requires an expected state", () => {
    expect(() => parseAuthorizationCallback(`/cb?code=a&state=${state}`, { expectedState: "" })).toThrow(
      TypeError,
    );
    expect(() => parseAuthorizationCallback(`/cb?code=a&state=${state}`, undefined as never)).toThrow(
      TypeError,
    );
  });

  it("rejects an unreadable redirect", () => {
    expect(() => parseAuthorizationCallback("https://[bad/cb", { expectedState: state })).toThrow(TypeError);
    expect(() => parseAuthorizationCallback(42 as never, { expectedState: state })).toThrow(TypeError);
  });

  it("never shows the code in text or inspect output", () => {
    const code = "NhhvTDYsFcdgNLnnLijcl7Ku7bEEeee";
    const result = parseAuthorizationCallback(`/cb?code=${code}&state=${state}`, { expectedState: state });
    expect(result.code).toBe(code);
    for (const shown of [String(result), inspect(result, { showHidden: true, depth: 4 })])
      expect(shown).not.toContain(code);
  });
});
