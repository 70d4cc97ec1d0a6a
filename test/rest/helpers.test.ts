import { describe, expect, it } from "vitest";
import { HTTPResponseError } from "../../src/errors.js";
import { SecretScan } from "./helpers.js";

describe("SecretScan", () => {
  it("finds a secret in a message, a property, a header or a cause", () => {
    const places: Error[] = [
      new Error("token s3cr3t leaked"),
      Object.assign(new Error("fine"), { extra: { nested: "s3cr3t" } }),
      new HTTPResponseError({
        url: "u",
        status: 500,
        headers: new Headers({ "x-echo": "s3cr3t" }),
        rawBody: "",
      }),
      new Error("outer", { cause: new Error("inner s3cr3t") }),
    ];
    for (const error of places) {
      const scan = new SecretScan();
      scan.secret("s3cr3t");
      scan.record(error);
      expect(scan.leaks()).toHaveLength(1);
    }
  });

  it("finds nothing when the secret is absent", async () => {
    const scan = new SecretScan();
    scan.secret("s3cr3t");
    await scan.error(Promise.reject(new Error("nothing here")));
    expect(scan.leaks()).toEqual([]);
    await expect(scan.error(Promise.resolve())).rejects.toThrow("expected the call to fail");
  });
});
