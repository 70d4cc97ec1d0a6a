import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  ClientHTTPResponseError,
  DiscordAppkitError,
  HTTPError,
  HTTPResponseError,
  InternalServerError,
  NotFoundError,
  OAuth2Error,
  UnauthorizedError,
} from "../src/errors.js";

const base = { url: "https://x", headers: new Headers(), rawBody: "body" };

describe("HTTP errors", () => {
  it("print like hikari's", () => {
    expect(new InternalServerError({ ...base, status: 502 }).message).toBe(
      "Bad Gateway 502: 'body' for https://x",
    );
    expect(
      new NotFoundError({ ...base, status: 404, code: 10002, message: "Unknown Application" }).message,
    ).toBe("Not Found 404: (10002) 'Unknown Application' for https://x");
    expect(
      new UnauthorizedError({
        ...base,
        url: "https://discord.com/api/v10/oauth2/@me",
        status: 401,
        message: "401: Unauthorized",
      }).message,
    ).toBe("Unauthorized 401: '401: Unauthorized' for https://discord.com/api/v10/oauth2/@me");
    const long = "x".repeat(250);
    expect(new ClientHTTPResponseError({ ...base, status: 499, rawBody: long }).message).toBe(
      `Unknown Status 499: '${"x".repeat(200)}...' for https://x`,
    );
  });

  it("print a bad request's error tree", () => {
    const error = new BadRequestError({
      ...base,
      url: "u",
      status: 400,
      code: 50035,
      message: "Invalid Form Body",
      errors: { scope: { _errors: [{ code: "X", message: "bad scope" }] } },
    });
    expect(error.message).toBe("Bad Request 400: (50035) 'Invalid Form Body' for u\n\nscope:\n - bad scope");
    const nested = new BadRequestError({
      ...base,
      status: 400,
      errors: {
        name: { _errors: [{ code: "BASE_TYPE_REQUIRED", message: "This field is required" }] },
        tags: {
          "0": {
            _errors: [
              { code: "A", message: "too long" },
              { code: "B", message: "bad" },
            ],
          },
        },
      },
    });
    expect(nested.message).toContain("name:\n - This field is required\n\ntags.0:\n - too long\n - bad");
  });

  it("fall back to JSON for an odd error tree", () => {
    const error = new BadRequestError({ ...base, status: 400, errors: { scope: { _errors: "nope" } } });
    expect(error.message).toContain('"_errors": "nope"');
  });

  it("form hikari's class tree", () => {
    const error = new NotFoundError({ ...base, status: 404 });
    for (const cls of [ClientHTTPResponseError, HTTPResponseError, HTTPError, DiscordAppkitError, Error]) {
      expect(error).toBeInstanceOf(cls);
    }
    expect(error.name).toBe("NotFoundError");
    expect(error.kind).toBe("NOT_FOUND");
    expect(inspect(error)).toContain("NotFoundError");
  });

  it("OAuth2 errors keep error and description", () => {
    const error = new OAuth2Error({
      ...base,
      status: 400,
      error: "invalid_grant",
      description: "Invalid refresh token",
    });
    expect(error.error).toBe("invalid_grant");
    expect(error.description).toBe("Invalid refresh token");
    expect(error).toBeInstanceOf(ClientHTTPResponseError);
    expect(error.message).toContain("invalid_grant: Invalid refresh token");
  });
});
