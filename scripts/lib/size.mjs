// Bundle-size measurement for the main entry point: esbuild (bundle, minify, tree-shake, neutral
// platform) then gzip, as a user's bundler would ship it. BENCHMARKS.md keeps the latest numbers between
// the size markers; the budgets here are what check:package enforces.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The most the whole main entry point may weigh, minified and gzipped. */
export const MAIN_BUDGET_BYTES = 48 * 1024;
/** The most a "login only" import may weigh, minified and gzipped. */
export const LOGIN_BUDGET_BYTES = 8 * 1024;
/** The names a "Login with Discord" page imports. */
export const LOGIN_IMPORTS = ["buildAuthorizationUrl", "createPkcePair", "parseAuthorizationCallback"];

const START = "<!-- size:start -->";
const END = "<!-- size:end -->";

async function bundleSize(contents, root) {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: "size-entry.js", loader: "js" },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: "esm",
    platform: "neutral",
    target: "es2023",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Measures the main entry point (everything it exports) and the login-only import.
 * @param {string} root the package root, holding dist/
 */
export async function measureSizes(root) {
  const entry = "./dist/index.js";
  const main = await bundleSize(`export * from ${JSON.stringify(entry)};`, root);
  const login = await bundleSize(
    `export { ${LOGIN_IMPORTS.join(", ")} } from ${JSON.stringify(entry)};`,
    root,
  );
  return { main, login };
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The Markdown section written between the size markers. */
export function sizeSection({ main, login }) {
  return [
    START,
    "## Bundle size",
    "",
    "Measured by `npm run check:package` with esbuild (bundle, minify, tree-shaking, `platform: neutral`,",
    "`target: es2023`) and gzip level 9. The check fails when an import grows past its budget.",
    "",
    "| import | minified | minified + gzip | budget (gzip) |",
    "| --- | ---: | ---: | ---: |",
    `| \`export * from "discord-appkit"\` (the whole main entry point) | ${kib(main.minified)} | ${kib(main.gzipped)} | ${kib(MAIN_BUDGET_BYTES)} |`,
    `| login only: \`import { ${LOGIN_IMPORTS.join(", ")} }\` | ${kib(login.minified)} | ${kib(login.gzipped)} | ${kib(LOGIN_BUDGET_BYTES)} |`,
    END,
  ].join("\n");
}

/** Replaces (or appends) the size section of BENCHMARKS.md, leaving the rest of the file alone. */
export async function writeSizeSection(root, sizes) {
  const path = join(root, "BENCHMARKS.md");
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch {
    text = "# Benchmarks\n";
  }
  const section = sizeSection(sizes);
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start !== -1 && end > start
      ? text.slice(0, start) + section + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  if (next !== text) await writeFile(path, next);
  return path;
}

/** Problems when a measured size is past its budget. */
export function checkBudgets({ main, login }) {
  const problems = [];
  if (main.gzipped > MAIN_BUDGET_BYTES) {
    problems.push(`main entry is ${main.gzipped} B gzipped, past its budget of ${MAIN_BUDGET_BYTES} B`);
  }
  if (login.gzipped > LOGIN_BUDGET_BYTES) {
    problems.push(
      `login-only import is ${login.gzipped} B gzipped, past its budget of ${LOGIN_BUDGET_BYTES} B`,
    );
  }
  return problems;
}
