// Turns measured rows into ratios, target verdicts, a console table and a Markdown table.

const OURS = "ours";
/** The REST side that sends through `createNodeFetch()` from discord-appkit/node; the REST targets judge it. */
export const NODE_TRANSPORT = "ours (node transport)";

/** Whether `side` is one of ours: "ours" itself or a variant such as "ours (node transport)". */
function isOurs(side) {
  return side === OURS || side.startsWith(`${OURS} (`);
}

/** The number a row is judged on for one side, and whether lower is better. */
function metric(row, side) {
  const r = row.results[side];
  if (!r) return null;
  if (row.unit === "bytes") return { value: r.bytes, lower: true };
  if (row.unit === "rest") return { value: r.rps, lower: false };
  return { value: r.best ?? r.p50, lower: true };
}

/**
 * How many times better our side `ours` (default "ours") is than `side` on this row (> 1: ours is better),
 * or null when either side was not measured.
 */
export function advantage(row, side, ours = OURS) {
  const a = metric(row, ours);
  const b = metric(row, side);
  if (!a || !b || a.value <= 0 || b.value <= 0) return null;
  return a.lower ? b.value / a.value : a.value / b.value;
}

export function peersOf(row) {
  return Object.keys(row.results).filter((side) => !isOurs(side) && side !== row.floorSide);
}

/** Adds per-side ratios to every row (in place) and returns the rows. */
export function withRatios(rows) {
  for (const row of rows) {
    row.floorSide ??= Object.keys(row.results).find((s) => s === "floor" || s === row.floorLabel) ?? null;
    row.ratios = {};
    for (const side of Object.keys(row.results)) {
      if (isOurs(side)) continue;
      row.ratios[side] = advantage(row, side);
    }
  }
  return rows;
}

function fmtTime(ns) {
  if (ns == null) return "—";
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(ns < 1e4 ? 2 : 1)} µs`;
  return `${(ns / 1e6).toFixed(2)} ms`;
}

function fmtBytes(b) {
  if (b == null) return "—";
  if (b < 1024) return `${b.toFixed(0)} B`;
  return `${(b / 1024).toFixed(2)} KiB`;
}

export function formatCell(row, side) {
  const r = row.results[side];
  if (!r) return "—";
  if (row.unit === "bytes") return fmtBytes(r.bytes);
  if (row.unit === "rest") {
    return `${Math.round(r.rps).toLocaleString("en")} req/s (p50 ${fmtTime(r.p50)}, p99 ${fmtTime(r.p99)})`;
  }
  const spread = r.p50 > 0 ? ((r.p75 - r.p25) / 2 / r.p50) * 100 : 0;
  return `${fmtTime(r.best ?? r.p50)} ±${spread.toFixed(0)}%`;
}

function fmtRatio(x) {
  if (x == null) return "—";
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** Evaluates the issue's targets against the rows. */
export function evaluateTargets(rows) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const targets = [];
  const add = (id, description, rowId, compute, ours = OURS) => {
    const row = byId.get(rowId);
    if (!row?.results[ours]) {
      targets.push({ id, description, row: rowId, status: "not measured" });
      return;
    }
    const { measured, pass, detail } = compute(row);
    targets.push({ id, description, row: rowId, measured, status: pass ? "pass" : "MISS", detail });
  };
  const bestPeer = (row, sides) => {
    let best = null;
    for (const side of sides) {
      const adv = advantage(row, side);
      if (adv != null && (best == null || adv < best.adv)) best = { side, adv };
    }
    return best;
  };
  const peerSides = (row) => peersOf(row).filter((s) => s !== "raw JSON");

  for (const key of ["application", "guilds"]) {
    add(
      `deserialize-${key}-3x`,
      `pre-parsed ${key}: at least 3× faster than the fastest peer`,
      `deserialize.${key}.object`,
      (row) => {
        const best = bestPeer(row, peerSides(row));
        return {
          measured: best ? `${fmtRatio(best.adv)} vs ${best.side}` : "no peer",
          pass: best != null && best.adv >= 3,
          detail: best,
        };
      },
    );
  }
  for (const key of ["application", "guilds", "connections", "token", "authorization"]) {
    add(
      `from-text-${key}`,
      `${key} from text: within 1.15× of JSON.parse alone`,
      `deserialize.${key}.text`,
      (row) => {
        const overhead = 1 / advantage(row, "floor");
        return { measured: `${overhead.toFixed(2)}× JSON.parse`, pass: overhead <= 1.15, detail: overhead };
      },
    );
  }
  for (const key of ["application", "guild"]) {
    add(`memory-${key}`, `retained memory per ${key}: below every peer`, `memory.${key}`, (row) => {
      const sides = ["discord.js", "discordeno"].filter((s) => row.results[s]);
      const best = bestPeer(row, sides);
      return {
        measured: `${fmtBytes(row.results.ours.bytes)}; ${sides
          .map((s) => `${s} ${fmtBytes(row.results[s].bytes)}`)
          .join(", ")}`,
        pass: best != null && best.adv > 1,
        detail: best,
      };
    });
  }
  for (const c of [1, 32]) {
    add(
      `rest-c${c}`,
      `REST at concurrency ${c} (${NODE_TRANSPORT}): within 1.2× of plain fetch and faster than @discordjs/rest`,
      `rest.users-me.c${c}`,
      (row) => {
        const vsFetch = advantage(row, "plain fetch", NODE_TRANSPORT);
        const vsDjs = advantage(row, "@discordjs/rest", NODE_TRANSPORT);
        const latency = row.results[NODE_TRANSPORT].p50 / row.results["plain fetch"].p50;
        const pass = vsFetch != null && vsFetch >= 1 / 1.2 && latency <= 1.2 && vsDjs != null && vsDjs > 1;
        return {
          measured: `${(1 / vsFetch).toFixed(2)}× fetch's time per request (p50 ${latency.toFixed(2)}×); ${fmtRatio(vsDjs)} @discordjs/rest throughput`,
          pass,
          detail: { vsFetch, vsDjs, latency },
        };
      },
      NODE_TRANSPORT,
    );
  }
  add("signature", "signature verification: faster than discord-interactions", "signature.verify", (row) => {
    const sides = peersOf(row).filter((s) => s.startsWith("discord-interactions"));
    const best = bestPeer(row, sides);
    return {
      measured: best ? `${fmtRatio(best.adv)} vs ${best.side}` : "no peer",
      pass: best != null && best.adv > 1,
      detail: best,
    };
  });
  return targets;
}

function pad(s, n) {
  const len = [...s].length;
  return len >= n ? s : s + " ".repeat(n - len);
}

function sectionTables(sections) {
  const out = [];
  for (const section of sections) {
    const sides = [];
    for (const row of section.rows) {
      for (const side of Object.keys(row.results)) if (!sides.includes(side)) sides.push(side);
    }
    const ours = sides.filter(isOurs);
    const others = sides.filter((s) => !isOurs(s));
    const pairs = ours.flatMap((o) => others.map((s) => [o, s]));
    const header = ["benchmark", ...ours, ...others, ...pairs.map(([o, s]) => `${o} vs ${s}`)];
    const lines = section.rows.map((row) => [
      row.label,
      ...[...ours, ...others].map((s) => formatCell(row, s)),
      ...pairs.map(([o, s]) => fmtRatio(advantage(row, s, o))),
    ]);
    out.push({ title: section.title, note: section.note, header, lines });
  }
  return out;
}

/** Plain-text table for the console. */
export function consoleReport(meta, sections, targets) {
  const parts = [];
  parts.push(
    `discord-appkit benchmarks — ${meta.date} — Node ${meta.node} — ${meta.cpu} (${meta.cores} cores) — ${meta.clock} clock`,
  );
  parts.push(
    "Ratios are 'ours vs X': how many times better ours is (>1 = ours faster / smaller / more req/s).",
  );
  for (const t of sectionTables(sections)) {
    const widths = t.header.map((h, i) => Math.max([...h].length, ...t.lines.map((l) => [...l[i]].length)));
    parts.push("");
    parts.push(`## ${t.title}`);
    if (t.note) parts.push(t.note);
    parts.push(t.header.map((h, i) => pad(h, widths[i])).join(" │ "));
    parts.push(widths.map((w) => "─".repeat(w)).join("─┼─"));
    for (const l of t.lines) parts.push(l.map((c, i) => pad(c, widths[i])).join(" │ "));
  }
  parts.push("");
  parts.push("## Targets");
  for (const t of targets) parts.push(`${pad(t.status, 12)} ${t.description}: ${t.measured ?? "—"}`);
  return parts.join("\n");
}

/** Markdown tables for BENCHMARKS.md and bench/results/latest.md. */
export function markdownReport(meta, sections, targets) {
  const parts = [];
  parts.push(
    `Run: ${meta.date} · Node ${meta.node} · ${meta.cpu} · ${meta.cores} cores · ${meta.platform} · ` +
      `${meta.clock} clock · ` +
      `peers: ${Object.entries(meta.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
  );
  for (const t of sectionTables(sections)) {
    parts.push("");
    parts.push(`#### ${t.title}`);
    if (t.note) parts.push("", t.note);
    parts.push("");
    parts.push(`| ${t.header.join(" | ")} |`);
    parts.push(`| ${t.header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
    for (const l of t.lines) parts.push(`| ${l.join(" | ")} |`);
  }
  parts.push("");
  parts.push("#### Targets");
  parts.push("");
  parts.push("| target | measured | result |");
  parts.push("| --- | --- | --- |");
  for (const t of targets) parts.push(`| ${t.description} | ${t.measured ?? "—"} | ${t.status} |`);
  return parts.join("\n");
}
