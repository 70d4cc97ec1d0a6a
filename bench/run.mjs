// `npm run bench`: builds (via the npm script), then measures discord-appkit against its peers in one
// process on the same payloads, prints one table of ratios and writes bench/results/latest.{json,md}.
// Options (environment): BENCH_QUICK=1 for a short smoke run, BENCH_ONLY=deserialize,memory,ops,rest,signature.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, platform, release, tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CLOCK } from "./lib/measure.mjs";
import { consoleReport, evaluateTargets, markdownReport, withRatios } from "./lib/report.mjs";
import { validatePayloads } from "./lib/validate-payloads.mjs";
import { loadOurs } from "./ours.mjs";
import * as P from "./payloads.mjs";
import { createDiscordeno, createDiscordJs } from "./peers.mjs";
import { deserializeCases, runRows } from "./suites/deserialize.mjs";
import { memoryCases, runMemory } from "./suites/memory.mjs";
import { opsCases } from "./suites/ops.mjs";
import { runRest } from "./suites/rest.mjs";
import { runSignature } from "./suites/signature.mjs";

const root = new URL("../", import.meta.url);
const require = createRequire(import.meta.url);
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const enabled = (name) => !only || only.includes(name);
const quick = process.env.BENCH_QUICK === "1";

function version(pkg) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")).version;
  } catch {
    return JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, root), "utf8")).version;
  }
}

function progress(row, results) {
  const parts = Object.entries(results).map(([side, r]) => {
    if (r.bytes !== undefined) return `${side} ${Math.round(r.bytes)} B`;
    if (r.rps !== undefined) return `${side} ${Math.round(r.rps)} req/s`;
    return `${side} ${((r.best ?? r.p50) / 1e3).toFixed(2)} µs`;
  });
  process.stderr.write(`  ${row.label}: ${parts.join(" · ")}\n`);
}

async function main() {
  const started = Date.now();
  if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc (npm run bench does)");
  const validated = validatePayloads();
  process.stderr.write(
    validated === null
      ? "OpenAPI spec not found: payload shapes not checked\n"
      : `payloads match the OpenAPI schemas (${validated} checked)\n`,
  );
  const ours = await loadOurs();
  if (ours.missing.length)
    process.stderr.write(`not measured yet (missing from dist): ${ours.missing.join(", ")}\n`);
  const djs = createDiscordJs();
  const dd = createDiscordeno(P.application(1).id);
  const ctx = { ours, djs, dd };
  const sections = [];
  const sectionSeconds = {};
  let mark = Date.now();

  // Each section's rows are built and measured only when the section is enabled.
  const plan = [
    {
      id: "deserialize",
      title: "1. Deserialize (best round's median time per call)",
      note:
        "discord.js: ClientApplication / OAuth2Guild collection on a Client that never logs in. discordeno: " +
        "bot.transformers with every desired property. For connections, tokens and /oauth2/@me neither " +
        "peer has a model; discordeno's REST returns camelize(json), which is shown. Floor: field-by-field " +
        "copy into literals (pre-parsed rows) or JSON.parse alone (from-text rows).",
      rows: () => runRows(deserializeCases(ctx), progress),
    },
    {
      id: "memory",
      title: "2. Retained memory per model (heap growth ÷ count, median of rounds)",
      note: "Each object is built from its own distinct payload text; the parsed JSON is garbage afterwards.",
      rows: () => runMemory(memoryCases(ctx), progress),
    },
    {
      id: "ops",
      title: "3. Serialize, token id, CDN URLs, flags (best round's median time per call)",
      note: "Each row compares against the nearest operation a peer offers; floor is the hand-written minimum.",
      rows: () => runRows(opsCases(ctx), progress),
    },
    {
      id: "rest",
      title: "4. REST client overhead (local node:http server in a worker thread)",
      note: "Throughput and per-request latency of GET /users/@me with a bearer token; bounded by count and time.",
      rows: () => runRest(ctx, progress),
    },
    {
      id: "signature",
      title: "5. Interaction signature verification (best round's median time per call)",
      rows: () => runSignature(ctx, progress),
    },
  ];

  try {
    for (const { rows, ...section } of plan) {
      if (!enabled(section.id)) continue;
      process.stderr.write(`${section.id}\n`);
      sections.push({ ...section, rows: await rows() });
      sectionSeconds[section.id] = Math.round((Date.now() - mark) / 100) / 10;
      mark = Date.now();
    }
  } finally {
    await djs.close();
  }

  const allRows = sections.flatMap((s) => withRatios(s.rows));
  const targets = evaluateTargets(allRows);
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    platform: `${platform()} ${release()}`,
    quick,
    clock: CLOCK,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    sectionSeconds,
    versions: {
      "discord.js": version("discord.js"),
      "@discordjs/rest": version("@discordjs/rest"),
      discordeno: version("discordeno"),
      "discord-interactions": version("discord-interactions"),
      mitata: version("mitata"),
    },
    notMeasured: ours.missing,
    payloadsValidated: validated,
  };

  console.log(consoleReport(meta, sections, targets));
  const md = markdownReport(meta, sections, targets);
  // Only a full run replaces the committed results; a quick or partial run writes to the temp directory.
  const full = !quick && !only && ours.missing.length === 0;
  const outDir = full ? new URL("bench/results/", root) : pathToFileURL(`${tmpdir()}/discord-appkit-bench/`);
  mkdirSync(outDir, { recursive: true });
  const jsonFile = new URL(full ? "latest.json" : "partial.json", outDir);
  const mdFile = new URL(full ? "latest.md" : "partial.md", outDir);
  writeFileSync(jsonFile, `${JSON.stringify({ meta, sections, targets }, null, 2)}\n`);
  writeFileSync(mdFile, `${md}\n`);
  if (full) updateBenchmarksMd(md);
  process.stderr.write(
    `wrote ${fileURLToPath(jsonFile)} and ${fileURLToPath(mdFile)} in ${meta.durationSeconds}s\n`,
  );
}

/** Replaces the generated block of BENCHMARKS.md (between the results markers) with the new tables. */
function updateBenchmarksMd(md) {
  const file = new URL("BENCHMARKS.md", root);
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return;
  }
  const start = "<!-- results:start -->";
  const end = "<!-- results:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b === -1 || b < a) return;
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${md}\n${text.slice(b)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
