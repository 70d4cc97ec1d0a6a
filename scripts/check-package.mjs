#!/usr/bin/env node
// The full packaging check, run by `npm run check:package` after the build. It packs the package the way
// `npm publish` would and checks the tarball itself:
//   1. its file list and package.json (scripts/lib/package-rules.mjs), and no dangling source maps;
//   2. publint --strict and @arethetypeswrong/cli --profile esm-only;
//   3. an install into a fresh project, imported from ESM and from CommonJS, the bin run, and TypeScript
//      consumers type-checked (strict, skipLibCheck off) against the shipped .d.ts;
//   4. the bundle-size budgets (and the size section of BENCHMARKS.md).
// Prints one line per check and closes with `check:package: N passed, M failed`.
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkManifest, checkSourceMapComments, checkTarballFiles } from "./lib/package-rules.mjs";
import { checkBudgets, measureSizes, writeSizeSection } from "./lib/size.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

let passed = 0;
let failed = 0;

function indent(text) {
  return text
    .trim()
    .split("\n")
    .map((line) => `       ${line}`)
    .join("\n");
}

/** Runs one named check; `body` returns a list of problems (or throws). */
async function check(name, body) {
  let problems;
  try {
    problems = await body();
  } catch (error) {
    problems = [String(error?.stack ?? error)];
  }
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}\n${indent(problems.join("\n"))}`);
  }
}

/** Runs a command; returns [] on exit 0, else its output as the problem. */
function command(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    ...options,
  });
  if (result.status === 0) return [];
  const output = `${result.stdout ?? ""}\n${result.stderr ?? ""}\n${result.error?.message ?? ""}`.trim();
  return [`${[cmd, ...args].join(" ")} exited ${result.status ?? result.signal}:\n${output}`];
}

function output(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    throw new Error(
      `${[cmd, ...args].join(" ")} exited ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

// --- the consumer project ----------------------------------------------------------------------------

const APPLICATION = {
  id: "172150183260323840",
  name: "Baba O-Riley",
  icon: null,
  description: "Test",
  bot_public: true,
  bot_require_code_grant: false,
  verify_key: "1e0a356058d627ca38a5c8c9648818061d49e49bd9da9e3ab17d98ad4d6b2e08",
  flags: 8192,
  team: null,
};

const ESM_CONSUMER = `import * as appkit from "discord-appkit";
import { EntityFactory, buildAuthorizationUrl, getTokenId } from "discord-appkit";
import { startEmulator } from "discord-appkit/emulator";
import { createNodeFetch } from "discord-appkit/node";

const nodeFetch = createNodeFetch();
nodeFetch.close();
const app = new EntityFactory().deserializeApplication(${JSON.stringify(APPLICATION)});
const url = new URL(String(buildAuthorizationUrl({ clientId: app.id, scopes: ["identify"] })));
console.log(JSON.stringify({
  exports: Object.keys(appkit).length,
  name: app.name,
  clientId: url.searchParams.get("client_id"),
  tokenId: getTokenId("MTE1NTkwMDk3MTAwODY1NTQx.x.y"),
  emulator: typeof startEmulator,
  nodeFetch: typeof nodeFetch,
}));
`;

const CJS_CONSUMER = `const appkit = require("discord-appkit");
const { startEmulator } = require("discord-appkit/emulator");
const { createNodeFetch } = require("discord-appkit/node");
const app = new appkit.EntityFactory().deserializeApplication(${JSON.stringify(APPLICATION)});
console.log(JSON.stringify({
  exports: Object.keys(appkit).length,
  name: app.name,
  tokenId: appkit.getTokenId("MTE1NTkwMDk3MTAwODY1NTQx.x.y"),
  emulator: typeof startEmulator,
  nodeFetch: typeof createNodeFetch,
}));
`;

const TS_CONSUMER = `import {
  type Application,
  ApplicationFlags,
  AssetUrl,
  DeserializationError,
  EntityFactory,
  type Snowflake,
  buildAuthorizationUrl,
  createPkcePair,
  getTokenId,
  verifyInteractionSignature,
} from "discord-appkit";

const factory = new EntityFactory();
const app: Application = factory.deserializeApplication(JSON.parse("{}") as unknown);
const id: Snowflake = app.id;
const created: Date = app.createdAt;
const bits: bigint = app.flags.value;
const embedded: boolean = app.flags.has(ApplicationFlags.EMBEDDED);
const key: Uint8Array = app.publicKey;
const cover: AssetUrl | null = app.makeCoverImageUrl({ ext: "webp", size: 512 });
// @ts-expect-error models are read-only
app.name = "renamed";
const tokenId: Snowflake = getTokenId("x.y.z");
const url: URL = buildAuthorizationUrl({ clientId: id, scopes: ["identify"] });

async function later(): Promise<void> {
  const pair = await createPkcePair();
  const verifier: string = pair.verifier;
  const ok: boolean = await verifyInteractionSignature({ publicKey: key, signature: "", timestamp: "", body: "" });
  void verifier;
  void ok;
}

function describeError(error: unknown): string {
  return error instanceof DeserializationError ? error.path : "other";
}

void [created, bits, embedded, cover, tokenId, url, later, describeError];
`;

const TS_NODE_CONSUMER = `import { type FetchLike, RESTApp } from "discord-appkit";
import { startEmulator } from "discord-appkit/emulator";
import { createNodeFetch, type NodeFetch } from "discord-appkit/node";

async function main(): Promise<void> {
  const emulator = await startEmulator();
  const apiUrl: string = emulator.apiUrl;
  const clientId: string = emulator.application.id;
  const nodeFetch: NodeFetch = createNodeFetch({ maxSockets: 8 });
  const asFetch: FetchLike = nodeFetch;
  const app = new RESTApp({ apiUrl, fetch: nodeFetch });
  const status: number = (await nodeFetch(apiUrl, { method: "GET" })).status;
  nodeFetch.close();
  await emulator.close();
  void [apiUrl, clientId, asFetch, app, status];
}
void main;
`;

function tsconfig(overrides) {
  return JSON.stringify(
    {
      compilerOptions: {
        target: "ES2023",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023", "DOM"],
        types: [],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        noEmit: true,
        ...overrides,
      },
      files: [],
    },
    null,
    2,
  );
}

async function consumerProject(tarball) {
  const dir = await mkdtemp(join(tmpdir(), "appkit-consumer-"));
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "consumer", version: "1.0.0", private: true }),
  );
  await writeFile(join(dir, "esm.mjs"), ESM_CONSUMER);
  await writeFile(join(dir, "cjs.cjs"), CJS_CONSUMER);
  await writeFile(join(dir, "consumer.mts"), TS_CONSUMER);
  await writeFile(join(dir, "node-consumer.mts"), TS_NODE_CONSUMER);
  const configs = {
    "tsconfig.nodenext.json": tsconfig({}),
    "tsconfig.bundler.json": tsconfig({ module: "ESNext", moduleResolution: "Bundler" }),
    "tsconfig.node.json": tsconfig({ types: ["node"], typeRoots: [join(root, "node_modules", "@types")] }),
  };
  for (const [name, text] of Object.entries(configs)) await writeFile(join(dir, name), text);
  const install = command(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball],
    { cwd: dir },
  );
  return { dir, install };
}

function runConsumer(dir, file, expected) {
  const result = spawnSync(process.execPath, ["--no-warnings", file], { cwd: dir, encoding: "utf8" });
  if (result.status !== 0)
    return [`node ${file} exited ${result.status}:\n${result.stdout}\n${result.stderr}`];
  let seen;
  try {
    seen = JSON.parse(result.stdout.trim().split("\n").at(-1));
  } catch {
    return [`node ${file} printed no JSON:\n${result.stdout}`];
  }
  const problems = [];
  for (const [key, value] of Object.entries(expected)) {
    if (seen[key] !== value)
      problems.push(`${file}: ${key} is ${JSON.stringify(seen[key])}, expected ${JSON.stringify(value)}`);
  }
  if (!(seen.exports > 10)) problems.push(`${file}: only ${seen.exports} exports`);
  return problems;
}

// --- main --------------------------------------------------------------------------------------------

const work = await mkdtemp(join(tmpdir(), "appkit-pack-"));
try {
  const packed = JSON.parse(
    output("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { cwd: root }),
  );
  const tarball = join(work, packed[0].filename);
  const extracted = join(work, "extracted");
  await mkdir(extracted);
  output("tar", ["-xzf", tarball, "-C", extracted]);
  const packageDir = join(extracted, "package");
  const files = await listFiles(packageDir);
  const pkg = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
  console.log(`packed ${packed[0].filename}: ${files.length} files, ${packed[0].size} bytes`);

  await check("tarball holds dist/, types, README, LICENSE, package.json and nothing else", () =>
    checkTarballFiles(files, pkg),
  );
  await check("package.json: exports (main, ./emulator), bin, types, sideEffects, engines", () =>
    checkManifest(pkg),
  );
  await check("no source-map comment points at a file that is not shipped", async () => {
    const built = [];
    for (const file of files.filter((f) => f.endsWith(".js"))) {
      built.push([file, await readFile(join(packageDir, file), "utf8")]);
    }
    return checkSourceMapComments(built);
  });
  await check("publint --strict", () => command(bin("publint"), ["run", tarball, "--strict"]));
  await check("@arethetypeswrong/cli --profile esm-only", () =>
    command(bin("attw"), [
      tarball,
      "--profile",
      "esm-only",
      "--no-definitely-typed",
      "--no-emoji",
      "--format",
      "ascii",
    ]),
  );

  const consumer = await consumerProject(tarball);
  await check("npm install of the tarball into a fresh project (offline)", () => consumer.install);
  await check("import from an ES module (main entry, ./emulator and ./node)", () =>
    runConsumer(consumer.dir, "esm.mjs", {
      name: "Baba O-Riley",
      clientId: "172150183260323840",
      tokenId: "115590097100865541",
      emulator: "function",
      nodeFetch: "function",
    }),
  );
  await check("require() from a CommonJS module (Node >= 20.19)", () =>
    runConsumer(consumer.dir, "cjs.cjs", {
      name: "Baba O-Riley",
      tokenId: "115590097100865541",
      emulator: "function",
      nodeFetch: "function",
    }),
  );
  await check("the bin runs (discord-appkit --help)", () =>
    command(join(consumer.dir, "node_modules", ".bin", "discord-appkit"), ["--help"], { cwd: consumer.dir }),
  );
  for (const [name, file, config] of [
    ["strict TypeScript consumer, NodeNext, no Node types", "consumer.mts", "tsconfig.nodenext.json"],
    ["strict TypeScript consumer, moduleResolution Bundler", "consumer.mts", "tsconfig.bundler.json"],
    [
      "strict TypeScript consumer of ./emulator and ./node, NodeNext with Node types",
      "node-consumer.mts",
      "tsconfig.node.json",
    ],
  ]) {
    await check(name, async () => {
      const base = JSON.parse(await readFile(join(consumer.dir, config), "utf8"));
      const project = join(consumer.dir, `${config}.${file}.json`);
      await writeFile(project, JSON.stringify({ ...base, files: [file] }));
      return command(bin("tsc"), ["-p", project], { cwd: consumer.dir });
    });
  }
  await rm(consumer.dir, { recursive: true, force: true });

  await check("bundle size within budget (BENCHMARKS.md updated)", async () => {
    const sizes = await measureSizes(root);
    await writeSizeSection(root, sizes);
    console.log(
      `       main entry ${sizes.main.gzipped} B gzipped (${sizes.main.minified} B minified); ` +
        `login only ${sizes.login.gzipped} B gzipped (${sizes.login.minified} B minified)`,
    );
    return checkBudgets(sizes);
  });
} finally {
  await rm(work, { recursive: true, force: true });
}

console.log(`check:package: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
