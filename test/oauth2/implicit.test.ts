import { describe, expect, it } from "vitest";
import {
  DeserializationError,
  OAuth2AuthorizationError,
  OAuth2StateMismatchError,
} from "../../src/errors.js";
import { OAuth2ImplicitToken } from "../../src/models/oauth2.js";
import { parseImplicitGrant } from "../../src/oauth2/implicit.js";

const state = "15773059ghq9183habn";
const fragment = `access_token=RTfP0OK99U3kbRtHOoKLmJbOn45PjL&token_type=Bearer&expires_in=604800&scope=identify&state=${state}`;

describe("parseImplicitGrant", () => {
  it("reads the token from the fragment of the redirect", () => {
    const before = Date.now();
    const token = parseImplicitGrant(`https://findingfakeurlsisprettyhard.tv/#${fragment}`, {
      expectedState: state,
    });
    expect(token).toBeInstanceOf(OAuth2ImplicitToken);
    expect(token.accessToken).toBe("RTfP0OK99U3kbRtHOoKLmJbOn45PjL");
    expect(token.tokenType).toBe("Bearer");
    expect(token.expiresIn).toBe(604800);
    expect(token.scopes).toEqual(["identify"]);
    expect(token.state).toBe(state);
    expect(token.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 604_800_000);
  });

  it("accepts a URL object, the fragment alone and URLSearchParams", () => {
    for (const input of [
      new URL(`http://127.0.0.1/cb#${fragment}`),
      `#${fragment}`,
      fragment,
      new URLSearchParams(fragment),
    ]) {
      expect(parseImplicitGrant(input, { expectedState: state }).accessToken).toBe(
        "RTfP0OK99U3kbRtHOoKLmJbOn45PjL",
      );
    }
  });

  it("refuses a wrong or missing state before reading the token", () => {
    expect(() =>
      parseImplicitGrant(`https://a.b/#${fragment.replace(state, "forged")}`, { expectedState: state }),
    ).toThrow(OAuth2StateMismatchError);
    expect(() => parseImplicitGrant("https://a.b/#access_token=x", { expectedState: state })).toThrow(
      OAuth2StateMismatchError,
    );
  });

  it("turns an error redirect into OAuth2AuthorizationError", () => {
    expect(() =>
      parseImplicitGrant(`https://a.b/#error=access_denied&state=${state}`, { expectedState: state }),
    ).toThrow(OAuth2AuthorizationError);
  });

  it("reports missing token values as DeserializationError", () => {
    expect(() =>
      parseImplicitGrant(`https://a.b/#state=${state}&token_type=Bearer`, { expectedState: state }),
    ).toThrow(DeserializationError);
  });
});
