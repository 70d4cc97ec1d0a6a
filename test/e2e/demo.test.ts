import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, requireChromium } from "../support/chromium.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOT = `${ROOT}test-results/demo-profile.png`;
const README_IMAGE = `${ROOT}docs/demo.png`;

let demo: ChildProcess | undefined;
let demoOutput: () => string = () => "";
let browser: Browser | undefined;
let baseUrl = "";

/** Runs `node examples/start.mjs` (what `npm start` runs after the build) and waits for its URL. */
function startDemo(
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  if (!existsSync(`${ROOT}dist/index.js`) || !existsSync(`${ROOT}dist/emulator/index.js`)) {
    return Promise.reject(
      new Error("dist/ is missing: run `npm run build` first (npm run test:browser does)"),
    );
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0" };
  for (const key of ["DISCORD_CLIENT_ID", "DISCORD_CLIENT_SECRET", "DISCORD_REDIRECT_URI"]) delete env[key];
  const child = spawn(process.execPath, ["examples/start.mjs"], {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      const match = output.match(/Open (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match?.[1]) resolve({ url: match[1], child, output: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) =>
      reject(new Error(`the demo exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

async function stopDemo(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

let setupError: unknown;

async function setUp(): Promise<void> {
  const executablePath = await requireChromium();
  const started = await startDemo();
  demo = started.child;
  demoOutput = started.output;
  baseUrl = started.url;
  browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS],
  });
}

// A failed set-up (no Chromium, no build) fails every test with its message, rather than leaving them
// reported as skipped.
beforeAll(async () => {
  try {
    await setUp();
  } catch (error) {
    setupError = error;
  }
});

beforeEach(() => {
  if (setupError !== undefined) throw setupError;
});

afterAll(async () => {
  await browser?.close();
  await stopDemo(demo);
});

/** A fresh browser profile that never reaches the internet: CDN images fail as they would offline. */
async function offlineContext(): Promise<BrowserContext> {
  if (!browser) throw new Error("the browser did not start");
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort("internetdisconnected"));
  return context;
}

async function loginThroughConsent(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await expect(page.getByTestId("login").textContent()).resolves.toContain("Login with Discord");
  await page.getByTestId("login").click();
  await page.waitForSelector("#app-name");
  expect(new URL(page.url()).pathname).toBe("/oauth2/authorize");
}

describe("Login with Discord demo in Chromium", () => {
  it("logs in through the consent page, shows the profile, refreshes the token and logs out", async () => {
    const context = await offlineContext();
    const page = await context.newPage();
    // The pages must work under their own Content-Security-Policy: Chromium reports every refusal.
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await loginThroughConsent(page);
    const scopes = await page
      .locator("#scopes li")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-scope")));
    expect(scopes).toEqual(expect.arrayContaining(["identify", "email", "guilds", "connections"]));

    const flowCookie = (await context.cookies(baseUrl)).find((cookie) => cookie.name === "login_flow");
    expect(flowCookie?.httpOnly).toBe(true);
    const callbackUrls: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/callback") callbackUrls.push(request.url());
    });
    await page.click("button[value=authorize]");
    await page.waitForSelector("[data-testid=profile]");
    expect(page.url()).toBe(`${baseUrl}/`);
    expect(callbackUrls).toHaveLength(1);

    const name = (await page.getByTestId("display-name").textContent())?.trim();
    expect(name).toBeTruthy();
    const grantedScopes = await page.locator("[data-testid=scopes] .chip").allTextContents();
    expect(grantedScopes).toEqual(expect.arrayContaining(["identify", "email", "guilds", "connections"]));
    const guilds = page.getByTestId("guild");
    expect(await guilds.count()).toBeGreaterThan(0);
    expect(await guilds.first().locator(".sub").textContent()).toMatch(/[\d,]+ members/);
    expect(await page.getByTestId("connection").count()).toBeGreaterThan(0);
    const expiry = Date.parse((await page.getByTestId("expires").getAttribute("title")) ?? "");
    expect(expiry).toBeGreaterThan(Date.now());

    // Offline, every CDN image fails and removes itself, leaving the initials.
    await page.waitForFunction(() => document.querySelectorAll(".avatar img").length === 0);
    expect(await page.locator(".profile .avatar").textContent()).toMatch(/\S/);

    const cookies = await context.cookies(baseUrl);
    const session = cookies.find((cookie) => cookie.name === "session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(cookies.find((cookie) => cookie.name === "login_flow")).toBeUndefined();

    // Checked before the screenshot, which becomes the README's picture.
    expect(cspViolations).toEqual([]);
    await mkdir(`${ROOT}test-results`, { recursive: true });
    await mkdir(`${ROOT}docs`, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await copyFile(SCREENSHOT, README_IMAGE);

    await page.getByTestId("refresh").click();
    await page.waitForSelector("[data-testid=flash]");
    expect(await page.getByTestId("flash").textContent()).toContain("Token refreshed");
    expect(await page.getByTestId("display-name").textContent()).toContain(name ?? "");

    await page.getByTestId("logout").click();
    await page.waitForSelector("[data-testid=login]");
    expect(await page.getByTestId("flash").textContent()).toContain("logged out");
    expect((await context.cookies(baseUrl)).find((cookie) => cookie.name === "session")).toBeUndefined();

    // Replaying the callback (Back button, shared link) shows a page, not a crash or a second session.
    const [callbackUrl] = callbackUrls;
    const replay = await page.goto(callbackUrl ?? "");
    expect(replay?.status()).toBe(400);
    expect(await page.locator("[data-testid=problem] h1").textContent()).toBe(
      "This login link was already used",
    );
    await page.getByTestId("restart").click();
    await page.waitForSelector("[data-testid=login]");

    // Even with the login's own cookie (a double submit, a copied cookie), a used code is refused cleanly.
    const doubleSubmit = await fetch(callbackUrl ?? "", {
      headers: { cookie: `login_flow=${flowCookie?.value}` },
      redirect: "manual",
    });
    expect(doubleSubmit.status).toBe(400);
    expect(await doubleSubmit.text()).toContain("no longer accepts this authorization code");
    expect(cspViolations).toEqual([]);
    // What the demo logged (the failed double submit included) names no code, token or secret.
    expect(demoOutput()).not.toMatch(/code=|token|secret/i);
    await context.close();
  });

  it("shows a clear page when the user presses Cancel on the consent page", async () => {
    const context = await offlineContext();
    const page = await context.newPage();
    await loginThroughConsent(page);
    await page.click("button[value=cancel]");
    await page.waitForSelector("[data-testid=problem]");
    expect(new URL(page.url()).pathname).toBe("/callback");
    expect(await page.locator("[data-testid=problem] h1").textContent()).toBe("Login cancelled");
    await page.getByTestId("restart").click();
    await page.waitForSelector("[data-testid=login]");
    await context.close();
  });

  it("refuses a callback whose state does not match the login in progress", async () => {
    const context = await offlineContext();
    const page = await context.newPage();
    await loginThroughConsent(page);
    // A real code, but delivered with another state, as a forged link would be: rewrite the consent
    // page's redirect on its way to the browser.
    await page.route(/\/oauth2\/authorize/, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers().location ?? "");
      location.searchParams.set("state", "forged-state-value");
      return route.fulfill({ status: 302, headers: { location: location.href } });
    });
    await page.click("button[value=authorize]");
    await page.waitForSelector("[data-testid=problem]");
    expect(new URL(page.url()).searchParams.get("state")).toBe("forged-state-value");
    expect(await page.locator("[data-testid=problem] h1").textContent()).toBe("Security check failed");
    await page.goto(`${baseUrl}/`);
    expect(await page.getByTestId("login").count()).toBe(1);
    await context.close();
  });

  it("points at the real Discord when DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET and DISCORD_REDIRECT_URI are set", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    if (address === null || typeof address === "string") throw new Error("no port");
    const redirectUri = `http://127.0.0.1:${address.port}/callback`;
    const real = await startDemo({
      DISCORD_CLIENT_ID: "1234567890123456789",
      DISCORD_CLIENT_SECRET: "not-a-real-secret",
      DISCORD_REDIRECT_URI: redirectUri,
    });
    try {
      expect(real.url).toBe(`http://127.0.0.1:${address.port}`);
      const home = await fetch(`${real.url}/`);
      expect(await home.text()).toContain("discord.com");
      const csp = home.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
      expect(csp).not.toContain("unsafe-inline");
      expect(home.headers.get("x-content-type-options")).toBe("nosniff");
      // Only the app's own notices show: a link cannot put text on the page.
      const forgedFlash = await fetch(`${real.url}/?done=constructor`);
      expect(await forgedFlash.text()).not.toContain('data-testid="flash"');
      const login = await fetch(`${real.url}/login`, { redirect: "manual" });
      expect(login.status).toBe(303);
      const target = new URL(login.headers.get("location") ?? "");
      expect(`${target.origin}${target.pathname}`).toBe("https://discord.com/oauth2/authorize");
      expect(target.searchParams.get("client_id")).toBe("1234567890123456789");
      expect(target.searchParams.get("redirect_uri")).toBe(redirectUri);
      expect(target.searchParams.get("code_challenge_method")).toBe("S256");
      expect(target.searchParams.get("state")).toBeTruthy();
      const cookie = login.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^login_flow=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
      expect(cookie).not.toContain("not-a-real-secret");

      // The login cookie is signed: a changed value is ignored, and a wrong state is refused.
      const value = /^login_flow=([^;]+)/.exec(cookie)?.[1] ?? "";
      const state = target.searchParams.get("state") ?? "";
      const tampered = `${value.slice(0, -2)}${value.endsWith("A") ? "B" : "A"}${value.slice(-1)}`;
      const forged = await fetch(`${real.url}/callback?code=abc&state=${state}`, {
        headers: { cookie: `login_flow=${tampered}` },
      });
      expect(forged.status).toBe(400);
      expect(await forged.text()).toContain("There is no login in progress in this browser");
      const wrongState = await fetch(`${real.url}/callback?code=abc&state=other`, {
        headers: { cookie: `login_flow=${value}` },
      });
      expect(wrongState.status).toBe(400);
      expect(await wrongState.text()).toContain("Security check failed");
    } finally {
      await stopDemo(real.child);
    }
  });
});
