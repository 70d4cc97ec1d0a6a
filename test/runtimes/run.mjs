#!/usr/bin/env node
// Runs the smoke suite (smoke.mjs) against the BUILT package (dist/index.js) on Node, Bun, Deno, workerd
// and headless Chromium, after a static scan that keeps Node-only APIs out of the main entry point.
// A runtime that cannot start fails every check; nothing is skipped. Usage:
//   node test/runtimes/run.mjs [runtime ...]     (default: all; `npm run test:runtimes` builds first)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { scanNeutralEntry } from "../../scripts/lib/neutral-scan.mjs";
import { CHROMIUM_ARGS, requireChromium } from "../support/chromium.mjs";
import { CHECK_NAMES } from "./smoke.mjs";

const source = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// Every runtime tests one snapshot of dist/ (and of this folder), taken at start, so a rebuild running
// meanwhile in the same working tree cannot change what is tested halfway.
const root = await mkdtemp(join(tmpdir(), "appkit-runtimes-"));
const here = join(root, "test", "runtimes");
const bin = (name) => join(source, "node_modules", ".bin", name);
const entry = join(here, "entry.mjs");

async function snapshot() {
  if (!existsSync(join(source, "dist", "index.js"))) {
    throw new Error("dist/index.js is missing: run `npm run build` first (npm run test:runtimes does)");
  }
  await cp(join(source, "dist"), join(root, "dist"), { recursive: true });
  await mkdir(here, { recursive: true });
  for (const file of await readdir(join(source, "test", "runtimes"))) {
    if (/\.(mjs|html)$/.test(file)) await cp(join(source, "test", "runtimes", file), join(here, file));
  }
}

const RUNTIME_TIMEOUT_MS = 120_000;

/** Runs a command; resolves to { code, stdout, stderr } and never rejects (a spawn error becomes code -1). */
function run(command, args, { env = {}, timeoutMs = RUNTIME_TIMEOUT_MS } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n(timed out after ${timeoutMs} ms)`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      done({ code: -1, stdout, stderr: `${stderr}\n${error.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? signal, stdout, stderr });
    });
  });
}

function tail(text, lines = 15) {
  return text.trim().split("\n").slice(-lines).join("\n");
}

/** Reads the results line that entry.mjs prints; throws with the process output if there is none. */
function parseResults({ code, stdout, stderr }) {
  const line = stdout.split("\n").find((l) => l.startsWith("SMOKE_RESULT "));
  if (!line) {
    throw new Error(`no results (exit ${code}):\n${tail(`${stdout}\n${stderr}`)}`);
  }
  return JSON.parse(line.slice("SMOKE_RESULT ".length));
}

function requireBinary(path) {
  if (!existsSync(path)) throw new Error(`${path} is missing (run npm install without --omit=optional)`);
}

async function runNode() {
  return parseResults(await run(process.execPath, [entry]));
}

async function runBun() {
  requireBinary(bin("bun"));
  return parseResults(
    await run(bin("bun"), ["run", entry], { env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" } }),
  );
}

async function runDeno() {
  requireBinary(bin("deno"));
  const denoDir = await mkdtemp(join(tmpdir(), "appkit-deno-"));
  try {
    // No --allow-* flags: the suite must need no permissions (in particular no network).
    return parseResults(
      await run(bin("deno"), ["run", "--no-prompt", "--no-config", "--quiet", entry], {
        env: { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: "1" },
      }),
    );
  } finally {
    await rm(denoDir, { recursive: true, force: true });
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function workerdConfig(port) {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "smoke", worker = .smokeWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "smoke") ],
);

const smokeWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2025-01-01",
);
`;
}

async function runWorkerd() {
  requireBinary(bin("workerd"));
  const dir = await mkdtemp(join(tmpdir(), "appkit-workerd-"));
  try {
    await build({
      entryPoints: [join(here, "worker.mjs")],
      outfile: join(dir, "worker.js"),
      bundle: true,
      format: "esm",
      platform: "neutral",
      target: "es2023",
      logLevel: "silent",
    });
    const port = await freePort();
    await writeFile(join(dir, "config.capnp"), workerdConfig(port));
    const child = spawn(bin("workerd"), ["serve", join(dir, "config.capnp")], { cwd: dir });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    let exited = false;
    child.on("exit", () => {
      exited = true;
    });
    try {
      const deadline = Date.now() + RUNTIME_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (exited) throw new Error(`workerd exited early:\n${tail(output)}`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/`);
          const text = await response.text();
          if (!response.ok)
            throw new Error(`HTTP ${response.status} from the worker:\n${tail(text)}\n${tail(output)}`);
          return JSON.parse(text);
        } catch (error) {
          if (error?.cause?.code !== "ECONNREFUSED") throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      throw new Error(`workerd did not answer within ${RUNTIME_TIMEOUT_MS} ms:\n${tail(output)}`);
    } finally {
      child.kill("SIGTERM");
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const CONTENT_TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".html": "text/html" };

/** Serves the smoke page, dist/ and test/runtimes/ (only) from 127.0.0.1 on a free port. */
async function servePage() {
  const allowed = [join(root, "dist") + sep, here + sep];
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://127.0.0.1").pathname;
    const file = path === "/" ? join(here, "page.html") : resolve(root, `.${decodeURIComponent(path)}`);
    const type = CONTENT_TYPES[extname(file)];
    if (!type || !allowed.some((dir) => file.startsWith(dir))) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return server;
}

async function runChromium() {
  const executablePath = await requireChromium();
  const { chromium } = await import("playwright-core");
  const server = await servePage();
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage();
    const problems = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    // A module that fails to load or throws never sets the results: fail at once instead of timing out.
    const broken = new Promise((_, fail) => {
      page.on("pageerror", (error) => fail(new Error(`page error: ${error.message}`)));
      page.on("requestfailed", (request) => fail(new Error(`could not load ${request.url()}`)));
      page.on("response", (response) => {
        if (!response.ok()) fail(new Error(`HTTP ${response.status()} for ${response.url()}`));
      });
    });
    broken.catch(() => {});
    await page.route("**/*", (route) =>
      route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort("blockedbyclient"),
    );
    await page.goto(`${origin}/`);
    try {
      await Promise.race([
        broken,
        page.waitForFunction(() => window.__smokeResults !== undefined, null, {
          timeout: RUNTIME_TIMEOUT_MS,
        }),
      ]);
    } catch (error) {
      throw new Error(
        `the page produced no results: ${error.message.split("\n")[0]}\n${problems.join("\n")}`,
      );
    }
    return await page.evaluate(() => window.__smokeResults);
  } finally {
    await browser?.close();
    server.close();
  }
}

const RUNTIMES = { node: runNode, bun: runBun, deno: runDeno, workerd: runWorkerd, chromium: runChromium };

async function main() {
  const wanted = process.argv.slice(2);
  for (const name of wanted) {
    if (!(name in RUNTIMES)) {
      throw new Error(`unknown runtime ${name}; choose from ${Object.keys(RUNTIMES).join(", ")}`);
    }
  }
  const selected = wanted.length > 0 ? wanted : Object.keys(RUNTIMES);
  let passed = 0;
  let failed = 0;

  const scan = await scanNeutralEntry("dist/index.js", { cwd: root });
  if (scan.problems.length === 0 && scan.files.length > 0) {
    passed++;
    console.log(
      `ok   static: dist/index.js bundles for platform=neutral with no Node-only API (${scan.files.length} files)`,
    );
  } else {
    failed++;
    console.log("FAIL static: Node-only API in the main entry point");
    for (const problem of scan.problems) console.log(`       ${problem}`);
  }

  for (const name of selected) {
    const started = Date.now();
    let results;
    try {
      results = await RUNTIMES[name]();
    } catch (error) {
      const reason = String(error?.message ?? error).replace(/\n/g, "\n       ");
      console.log(`FAIL ${name}: could not run\n       ${reason}`);
      failed += CHECK_NAMES.length;
      continue;
    }
    const byName = new Map(results.map((r) => [r.name, r]));
    let runtimePassed = 0;
    const lines = [];
    for (const check of CHECK_NAMES) {
      const result = byName.get(check);
      if (result?.ok) {
        runtimePassed++;
      } else {
        lines.push(`FAIL ${name} › ${check}: ${result ? result.error : "not reported"}`);
      }
    }
    passed += runtimePassed;
    failed += CHECK_NAMES.length - runtimePassed;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const status = runtimePassed === CHECK_NAMES.length ? "ok  " : "FAIL";
    console.log(`${status} ${name}: ${runtimePassed}/${CHECK_NAMES.length} checks passed (${seconds} s)`);
    for (const line of lines) console.log(`       ${line}`);
  }

  console.log(`runtimes: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

try {
  await snapshot();
  await main();
} catch (error) {
  console.log(`FAIL ${error.message}`);
  console.log(`runtimes: 0 passed, ${CHECK_NAMES.length + 1} failed`);
  process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
