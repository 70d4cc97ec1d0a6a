import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../../src/emulator/index.js";
import { lines, requireBuild, runCli, startCli } from "./helpers.js";

let emulator: EmulatorHandle;
let workdir: string;

beforeAll(async () => {
  requireBuild();
  emulator = await startEmulator({ port: 0, seed: "cli-tests" });
  workdir = await mkdtemp(join(tmpdir(), "discord-appkit-cli-"));
});

afterAll(async () => {
  await emulator?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

/** Checks the shape of a failure: the status, one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(
  result: { code: number | null; stdout: string; stderr: string },
  code: 1 | 2,
): string {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe("");
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

describe("discord-appkit (built binary)", () => {
  describe("usage", () => {
    it("prints the command list for --help and exits 0", async () => {
      const result = await runCli(["--help"]);
      expect(result.code).toBe(0);
      for (const name of ["token-id", "authorize-url", "app", "login", "refresh", "revoke", "emulator"]) {
        expect(result.stdout).toContain(`  ${name}`);
      }
    });

    it("prints the help on stderr and exits 2 without a command", async () => {
      const result = await runCli([]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Usage: discord-appkit <command>");
    });

    it("prints a command's help for `help COMMAND`", async () => {
      const result = await runCli(["help", "login"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Usage: discord-appkit login");
    });

    it("prints the package version", async () => {
      const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
      const result = await runCli(["--version"]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(pkg.version);
    });

    it.each(["token-id", "authorize-url", "app", "login", "refresh", "revoke", "emulator"])(
      "has --help for %s",
      async (name) => {
        const result = await runCli([name, "--help"]);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(`Usage: discord-appkit ${name}`);
        expect(result.stdout).toContain("--api-url");
        expect(result.stdout).toContain("--help");
      },
    );

    it("rejects an unknown command with exit 2", async () => {
      expect(expectOneLineError(await runCli(["frobnicate"]), 2)).toContain("unknown command 'frobnicate'");
    });

    it("rejects an unknown option with exit 2 and a hint", async () => {
      const stderr = expectOneLineError(await runCli(["app", "--frob"]), 2);
      expect(stderr).toContain("--frob");
      expect(stderr).toContain("discord-appkit app --help");
    });

    it("rejects a stray argument without echoing it (it may be a misplaced token)", async () => {
      const stray = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";
      const stderr = expectOneLineError(await runCli(["app", stray]), 2);
      expect(stderr).toContain("unexpected argument");
      expect(stderr).not.toContain("MTk4");
      expect(expectOneLineError(await runCli(["token-id", "a.b.c", stray]), 2)).not.toContain("MTk4");
    });

    it("rejects a missing option value with exit 2", async () => {
      expectOneLineError(await runCli(["authorize-url", "--client-id"]), 2);
    });
  });

  describe("token-id", () => {
    it("prints the ID a bot token carries", async () => {
      const id = "198622483471925248";
      const token = `${Buffer.from(id).toString("base64url")}.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs`;
      const result = await runCli(["token-id", token]);
      expect(result).toEqual({ code: 0, stdout: `${id}\n`, stderr: "" });
    });

    it("reads DISCORD_TOKEN and prints JSON on request", async () => {
      const result = await runCli(["token-id", "--json"], { DISCORD_TOKEN: emulator.application.botToken });
      expect(result.code).toBe(0);
      const { id } = JSON.parse(result.stdout);
      expect(id).toMatch(/^\d{17,20}$/);
    });

    it("fails in one line, without echoing the token, for a token that carries no ID", async () => {
      const token = "bm90LWFuLWlk.secretpart.moresecretstuff";
      const stderr = expectOneLineError(await runCli(["token-id", token]), 1);
      expect(stderr).toContain("not a bot token");
      expect(stderr).not.toContain("secretpart");
      expect(stderr).not.toContain(token);
    });

    it("is a usage error without a token", async () => {
      expectOneLineError(await runCli(["token-id"]), 2);
    });
  });

  describe("authorize-url", () => {
    it("builds a code-flow URL with state and a PKCE pair that matches its challenge", async () => {
      const result = await runCli([
        "authorize-url",
        "--client-id",
        emulator.application.id,
        "--scope",
        "identify guilds",
        "--scope",
        "email",
        "--redirect-uri",
        "http://127.0.0.1:3000/callback",
        "--pkce",
        "--json",
        "--api-url",
        emulator.apiUrl,
      ]);
      expect(result.code).toBe(0);
      const { url, state, codeVerifier } = JSON.parse(result.stdout);
      const parsed = new URL(url);
      expect(parsed.href.startsWith(emulator.authorizeUrl)).toBe(true);
      expect(parsed.searchParams.get("client_id")).toBe(emulator.application.id);
      expect(parsed.searchParams.get("scope")).toBe("identify guilds email");
      expect(parsed.searchParams.get("response_type")).toBe("code");
      expect(parsed.searchParams.get("state")).toBe(state);
      expect(state.length).toBeGreaterThanOrEqual(16);
      expect(parsed.searchParams.get("code_challenge_method")).toBe("S256");
      expect(parsed.searchParams.get("code_challenge")).toBe(
        createHash("sha256").update(codeVerifier).digest("base64url"),
      );
    });

    it("prints the URL, then the state and verifier, as text", async () => {
      const result = await runCli([
        "authorize-url",
        "--client-id",
        "1234567890123456789",
        "--scope",
        "identify",
        "--pkce",
      ]);
      expect(result.code).toBe(0);
      const [url, state, verifier, ...rest] = lines(result.stdout);
      expect(url?.startsWith("https://discord.com/oauth2/authorize?")).toBe(true);
      expect(state).toMatch(/^state: \S+$/);
      expect(verifier).toMatch(/^code verifier: [A-Za-z0-9._~-]{43,128}$/);
      expect(rest).toEqual([]);
    });

    it("builds a bare bot install link with permissions and no state", async () => {
      const result = await runCli([
        "authorize-url",
        "--client-id",
        "1234567890123456789",
        "--scope",
        "bot,applications.commands",
        "--permissions",
        "2048",
        "--integration-type",
        "guild",
      ]);
      expect(result.code).toBe(0);
      expect(lines(result.stdout)).toHaveLength(1);
      const url = new URL(result.stdout.trim());
      expect(url.searchParams.get("permissions")).toBe("2048");
      expect(url.searchParams.get("integration_type")).toBe("0");
      expect(url.searchParams.has("state")).toBe(false);
      expect(url.searchParams.has("response_type")).toBe(false);
    });

    it("derives the consent page from --api-url", async () => {
      const result = await runCli([
        "authorize-url",
        "--client-id",
        "1234567890123456789",
        "--scope",
        "applications.commands",
        "--integration-type",
        "user",
        "--api-url",
        "http://127.0.0.1:9/api/v10",
      ]);
      expect(result.code).toBe(0);
      const url = new URL(result.stdout.trim());
      expect(`${url.origin}${url.pathname}`).toBe("http://127.0.0.1:9/oauth2/authorize");
      expect(url.searchParams.get("integration_type")).toBe("1");
    });

    it.each([
      [["--scope", "identify"], "--client-id"],
      [["--client-id", "1234567890123456789"], "--scope"],
      [["--client-id", "not-an-id", "--scope", "identify"], "--client-id"],
      [["--client-id", "1234567890123456789", "--scope", "identify", "--permissions", "8"], "bot scope"],
      [
        ["--client-id", "1234567890123456789", "--scope", "bot", "--integration-type", "sideways"],
        "guild or user",
      ],
      [
        ["--client-id", "1234567890123456789", "--scope", "bot", "--integration-type", "toString"],
        "guild or user",
      ],
      [
        ["--client-id", "1234567890123456789", "--scope", "identify", "--prompt", "always"],
        "consent or none",
      ],
      [
        [
          "--client-id",
          "1234567890123456789",
          "--scope",
          "identify",
          "--redirect-uri",
          "http://example.com/cb",
        ],
        "https",
      ],
    ])("is a usage error for %j", async (args, message) => {
      expect(expectOneLineError(await runCli(["authorize-url", ...args]), 2)).toContain(message);
    });
  });

  describe("app", () => {
    it("prints the application readably", async () => {
      const result = await runCli(["app", "--api-url", emulator.apiUrl], {
        DISCORD_TOKEN: emulator.application.botToken,
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const out = result.stdout;
      expect(out).toContain(`(${emulator.application.id})`);
      for (const label of ["Owner:", "Flags:", "Public bot:", "Install:", "Counts:", "Icon:"])
        expect(out).toContain(label);
      const owner = emulator.users.find((user) => user.id === emulator.application.ownerUserId);
      expect(out).toMatch(/Owner:\s+team .+ \(\d+\), owned by /);
      expect(out).toContain(`${owner?.username} (${owner?.id}): owner`);
      expect(out).toMatch(/Team members \(\d+\):/);
      expect(out).toMatch(/Flags:\s+[A-Z_]+(, [A-Z_]+)*\n/);
      expect(out).toMatch(/Icon:\s+https:\/\/cdn\.discordapp\.com\/app-icons\/\d+\/\w+\.png/);
      expect(out).not.toContain(emulator.application.botToken);
      expect(out).not.toContain(emulator.application.clientSecret);
    });

    it("prints the raw payload with --json", async () => {
      const result = await runCli([
        "app",
        "--json",
        "--api-url",
        emulator.apiUrl,
        "--token",
        emulator.application.botToken,
      ]);
      expect(result.code).toBe(0);
      const raw = JSON.parse(result.stdout);
      const direct = await fetch(`${emulator.apiUrl}/oauth2/applications/@me`, {
        headers: { Authorization: `Bot ${emulator.application.botToken}` },
      });
      expect(raw).toEqual(await direct.json());
    });

    it("reports a rejected token in one line without the token", async () => {
      const token = `${emulator.application.botToken}x`;
      const stderr = expectOneLineError(
        await runCli(["app", "--api-url", emulator.apiUrl], { DISCORD_TOKEN: token }),
        1,
      );
      expect(stderr).toContain("401");
      expect(stderr).not.toContain(token);
      expect(stderr).not.toContain(emulator.application.botToken);
    });

    it("is a usage error without a token", async () => {
      expect(expectOneLineError(await runCli(["app", "--api-url", emulator.apiUrl]), 2)).toContain(
        "DISCORD_TOKEN",
      );
    });

    it("is a usage error with a malformed --api-url", async () => {
      const result = await runCli(["app", "--api-url", "not a url"], {
        DISCORD_TOKEN: emulator.application.botToken,
      });
      expect(expectOneLineError(result, 2)).toContain("--api-url");
    });

    it("reports an unreachable API in one line", async () => {
      const result = await runCli(["app", "--api-url", "http://127.0.0.1:9/api/v10"], {
        DISCORD_TOKEN: emulator.application.botToken,
      });
      expect(expectOneLineError(result, 1)).toContain("API URL");
    });
  });

  describe("login, refresh and revoke", () => {
    /** Starts `login` and answers the consent page over HTTP, as a browser would. */
    async function login(
      action: "authorize" | "cancel",
      options: { extraArgs?: string[]; tamperState?: boolean } = {},
    ): Promise<{ result: Awaited<ReturnType<typeof runCli>>; page: Response }> {
      const cli = startCli(
        [
          "login",
          "--client-id",
          emulator.application.id,
          "--scope",
          "identify guilds connections",
          "--api-url",
          emulator.apiUrl,
          ...(options.extraArgs ?? []),
        ],
        { DISCORD_CLIENT_SECRET: emulator.application.clientSecret },
      );
      const [, url] = await cli.waitFor("stderr", /^\s+(http\S+)$/m);
      const consent = await fetch(url ?? "");
      expect(consent.status).toBe(200);
      expect(await consent.text()).toContain('value="authorize"');
      const answer = await fetch(url ?? "", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ action, user_id: emulator.users[0]?.id ?? "" }),
        redirect: "manual",
      });
      expect(answer.status).toBe(302);
      const callback = new URL(answer.headers.get("location") ?? "");
      expect(callback.hostname).toBe("127.0.0.1");
      if (options.tamperState) callback.searchParams.set("state", "not-the-state");
      const page = await fetch(callback);
      return { result: await cli.done, page };
    }

    it("runs the whole code flow and saves the grant with mode 0600", async () => {
      const file = join(workdir, "grant.json");
      const { result, page } = await login("authorize", { extraArgs: ["--save", file] });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("You can close this tab");
      expect(result.code).toBe(0);
      const user = emulator.users[0];
      expect(result.stdout).toContain(`Authorized as`);
      expect(result.stdout).toContain(`@${user?.username}, ${user?.id}`);
      expect(result.stdout).toMatch(/Scopes:\s+identify guilds connections/);
      expect(result.stdout).toMatch(/Expires:\s+\d{4}-\d\d-\d\d .* \(in 7 days\)/);
      expect(result.stdout).toMatch(/Guilds \(\d+\):\n {2}.+ \(\d+\), \d+ members?/);
      expect(result.stdout).toContain(`Guilds (${user?.guildCount}):`);
      expect(user?.guildCount).toBeGreaterThan(200);
      expect(result.stdout).toContain(`Connections (${user?.connectionCount}):`);
      expect(result.stdout).toContain(`Saved the grant to ${file}`);

      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const saved = JSON.parse(await readFile(file, "utf8"));
      expect(saved.client_id).toBe(emulator.application.id);
      expect(saved.api_url).toBe(emulator.apiUrl);
      expect(typeof saved.token.refresh_token).toBe("string");
      const everything = result.stdout + result.stderr;
      expect(everything).not.toContain(saved.token.access_token);
      expect(everything).not.toContain(saved.token.refresh_token);
      expect(everything).not.toContain(emulator.application.clientSecret);

      const me = await fetch(`${emulator.apiUrl}/users/@me`, {
        headers: { Authorization: `Bearer ${saved.token.access_token}` },
      });
      expect(me.status).toBe(200);

      const refreshed = await runCli(["refresh", file], {
        DISCORD_CLIENT_SECRET: emulator.application.clientSecret,
      });
      expect(refreshed.code).toBe(0);
      expect(refreshed.stdout).toContain(`Refreshed the grant in ${file}`);
      expect(refreshed.stdout).toMatch(/Scopes:\s+identify guilds connections/);
      const after = JSON.parse(await readFile(file, "utf8"));
      expect(after.token.refresh_token).not.toBe(saved.token.refresh_token);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(refreshed.stdout + refreshed.stderr).not.toContain(after.token.access_token);

      const kept = `${file}.copy`;
      await writeFile(kept, await readFile(file, "utf8"), { mode: 0o600 });
      const revoked = await runCli(["revoke", file], {
        DISCORD_CLIENT_SECRET: emulator.application.clientSecret,
      });
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toContain(`deleted ${file}`);
      await expect(stat(file)).rejects.toThrow();
      const dead = await fetch(`${emulator.apiUrl}/users/@me`, {
        headers: { Authorization: `Bearer ${after.token.access_token}` },
      });
      expect(dead.status).toBe(401);

      // The copy holds the revoked grant: refreshing it fails in one line, without its tokens.
      const stale = await runCli(["refresh", kept], {
        DISCORD_CLIENT_SECRET: emulator.application.clientSecret,
      });
      const stderr = expectOneLineError(stale, 1);
      expect(stderr).toContain("invalid_grant");
      expect(stderr).not.toContain(after.token.refresh_token);
    });

    it("fails in one line when the user presses Cancel", async () => {
      const { result, page } = await login("cancel");
      expect(page.status).toBe(400);
      expect(await page.text()).toContain("cancelled");
      expect(result.code).toBe(1);
      expect(lines(result.stderr).at(-1)).toContain("cancelled");
      expect(result.stderr).not.toContain(emulator.application.clientSecret);
    });

    it("refuses a redirect whose state does not match", async () => {
      const { result, page } = await login("authorize", { tamperState: true });
      expect(page.status).toBe(400);
      expect(result.code).toBe(1);
      expect(lines(result.stderr).at(-1)).toContain("state did not match");
    });

    it("refuses a wrong client secret without printing it", async () => {
      const secret = "definitely-the-wrong-secret";
      const cli = startCli(
        [
          "login",
          "--client-id",
          emulator.application.id,
          "--client-secret",
          secret,
          "--api-url",
          emulator.apiUrl,
        ],
        {},
      );
      const [, url] = await cli.waitFor("stderr", /^\s+(http\S+)$/m);
      const answer = await fetch(url ?? "", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ action: "authorize" }),
        redirect: "manual",
      });
      await fetch(answer.headers.get("location") ?? "");
      const result = await cli.done;
      expect(result.code).toBe(1);
      expect(lines(result.stderr).at(-1)).toContain("invalid_client");
      expect(result.stderr).not.toContain(secret);
    });

    it("gives up after --timeout without a redirect", async () => {
      const result = await runCli([
        "login",
        "--client-id",
        emulator.application.id,
        "--api-url",
        emulator.apiUrl,
        "--timeout",
        "1",
      ]);
      expect(result.code).toBe(1);
      expect(lines(result.stderr).at(-1)).toContain("no authorization arrived within 1 s");
    });

    it("reports a missing or broken grant file in one line", async () => {
      expect(expectOneLineError(await runCli(["refresh", join(workdir, "nope.json")]), 1)).toContain(
        "cannot read the grant file",
      );
      const broken = join(workdir, "broken.json");
      await writeFile(broken, "{}");
      expect(expectOneLineError(await runCli(["revoke", broken]), 1)).toContain("not a grant file");
      expectOneLineError(await runCli(["refresh"]), 2);
    });

    it("rejects bad login options with exit 2", async () => {
      expectOneLineError(await runCli(["login"]), 2);
      const stderr = expectOneLineError(
        await runCli([
          "login",
          "--client-id",
          emulator.application.id,
          "--redirect-uri",
          "https://example.com/cb",
        ]),
        2,
      );
      expect(stderr).toContain("loopback");
      const scope = expectOneLineError(
        await runCli([
          "login",
          "--client-id",
          emulator.application.id,
          "--scope",
          "applications.commands.update",
        ]),
        2,
      );
      expect(scope).toContain("client credentials");
    });
  });

  describe("emulator", () => {
    it("runs until SIGTERM and prints its URLs and credentials", async () => {
      const cli = startCli(["emulator", "--port", "0", "--seed", "cli", "--json"]);
      const [line] = await cli.waitFor("stdout", /^\{.*\}$/m);
      const info = JSON.parse(line);
      expect(info.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v10$/);
      expect(info.application.id).toMatch(/^\d+$/);
      const response = await fetch(`${info.apiUrl}/oauth2/applications/@me`, {
        headers: { Authorization: `Bot ${info.application.botToken}` },
      });
      expect(response.status).toBe(200);
      expect((await response.json()).id).toBe(info.application.id);
      cli.child.kill("SIGTERM");
      const result = await cli.done;
      expect(result.code).toBe(0);
    });

    it("prints a readable banner", async () => {
      const cli = startCli(["emulator", "--port", "0"]);
      await cli.waitFor("stdout", /Press Ctrl-C to stop/);
      cli.child.kill("SIGINT");
      const result = await cli.done;
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Discord emulator listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(result.stdout).toContain("Client secret:");
    });

    it("rejects a bad port with exit 2", async () => {
      expectOneLineError(await runCli(["emulator", "--port", "70000"]), 2);
    });

    it("serves the API URL given with --api-url, so one URL serves every command", async () => {
      const probe = await startEmulator({ port: 0 });
      const port = new URL(probe.url).port;
      await probe.close();
      const apiUrl = `http://127.0.0.1:${port}/api/v10`;
      const cli = startCli(["emulator", "--api-url", apiUrl, "--json"]);
      const [line] = await cli.waitFor("stdout", /^\{.*\}$/m);
      expect(JSON.parse(line).apiUrl).toBe(apiUrl);
      const app = await runCli(["app", "--api-url", apiUrl, "--json"], {
        DISCORD_TOKEN: JSON.parse(line).application.botToken,
      });
      expect(app.code).toBe(0);
      cli.child.kill("SIGTERM");
      expect((await cli.done).code).toBe(0);
    });

    it.each([
      [["--api-url", "http://127.0.0.1:8787/v10"], "/api/v10"],
      [["--api-url", "https://127.0.0.1:8787/api/v10"], "http URL"],
      [["--api-url", "http://127.0.0.1:8787/api/v10", "--port", "1"], "disagree"],
    ])("rejects %j with exit 2", async (args, message) => {
      expect(expectOneLineError(await runCli(["emulator", ...args]), 2)).toContain(message);
    });

    it("fails in one line when its port is taken", async () => {
      const port = new URL(emulator.url).port;
      expect(expectOneLineError(await runCli(["emulator", "--port", port]), 1)).toContain("EADDRINUSE");
    });
  });
});
