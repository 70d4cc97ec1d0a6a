import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/command.js";
import { openBrowser } from "../../src/cli/open-browser.js";
import { Progress, withProgress } from "../../src/cli/progress.js";

/** An I/O whose streams record what is written and claim to be terminals (or not). */
function fakeIO(options: { tty: boolean; env?: Record<string, string> }): CliIO & { written(): string } {
  let text = "";
  const stream = {
    isTTY: options.tty,
    write(chunk: string) {
      text += chunk;
      return true;
    },
  };
  return {
    stdout: stream,
    stderr: stream,
    env: options.env ?? {},
    signal: new AbortController().signal,
    written: () => text,
  };
}

describe("progress indicator", () => {
  it("draws its label on an interactive terminal and clears the line when stopped", async () => {
    const io = fakeIO({ tty: true });
    const result = await withProgress(io, "Fetching guilds…", async () => 42);
    expect(result).toBe(42);
    expect(io.written()).toContain("Fetching guilds…");
    expect(io.written().endsWith("\r\x1b[2K")).toBe(true);
  });

  it("stays silent when the output is not a terminal, or in CI", async () => {
    for (const io of [fakeIO({ tty: false }), fakeIO({ tty: true, env: { CI: "true" } })]) {
      const progress = new Progress(io, "Working…");
      progress.update("Still working…");
      progress.stop();
      await expect(
        withProgress(io, "Failing…", async () => {
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(io.written()).toBe("");
    }
  });

  it("clears the line even when the task fails", async () => {
    const io = fakeIO({ tty: true });
    await expect(
      withProgress(io, "Failing…", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(io.written().endsWith("\r\x1b[2K")).toBe(true);
  });
});

describe("opening the browser", () => {
  let workdir: string;
  let browser: string;
  let opened: string;

  beforeAll(async () => {
    workdir = await mkdtemp(join(tmpdir(), "discord-appkit-browser-"));
    browser = join(workdir, "browser.sh");
    opened = join(workdir, "opened.txt");
    // A stand-in for the user's browser: it records the URL it was asked to open.
    await writeFile(browser, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    await chmod(browser, 0o755);
  });

  afterAll(async () => {
    if (workdir) await rm(workdir, { recursive: true, force: true });
  });

  it("opens the URL on an interactive terminal", async () => {
    const url = "http://127.0.0.1:1/oauth2/authorize?client_id=1&state=a&scope=identify";
    expect(openBrowser(url, fakeIO({ tty: true, env: { BROWSER: browser } }))).toBe(true);
    await expect.poll(() => readFile(opened, "utf8").catch(() => "")).toBe(url);
  });

  it.each([
    ["not on a terminal", { tty: false, env: {} }],
    ["in CI", { tty: true, env: { CI: "1" } }],
    ["with BROWSER=none", { tty: true, env: { BROWSER: "none" } }],
  ])("does not open it %s", (_, options) => {
    expect(openBrowser("http://127.0.0.1:1/", fakeIO(options))).toBe(false);
  });
});
