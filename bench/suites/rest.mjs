// 4. REST client overhead: GET /users/@me against the same local server, at concurrency 1 and 32.
import { once } from "node:events";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { REST } from "@discordjs/rest";
import { check } from "../lib/measure.mjs";
import { NODE_TRANSPORT } from "../lib/report.mjs";
import * as P from "../payloads.mjs";

const QUICK = process.env.BENCH_QUICK === "1";
const MAX_REQUESTS = QUICK ? 2000 : 20000;
const MAX_MS = QUICK ? 800 : 4000;
const WARMUP = QUICK ? 200 : 1000;
const TOKEN = "bench-bearer-token-0123456789";

// discord-appkit/node from the same build as the main entry (bench/ours.mjs honours BENCH_DIST too).
const NODE_ENTRY = process.env.BENCH_DIST
  ? new URL("node/index.js", `file://${process.env.BENCH_DIST.replace(/\/?$/, "/")}`)
  : new URL("../../dist/node/index.js", import.meta.url);

async function loadNodeEntry() {
  return existsSync(NODE_ENTRY) ? import(NODE_ENTRY.href) : {};
}

export async function startServer() {
  const user = {
    ...P.authorization(7).user,
    mfa_enabled: false,
    locale: "en-US",
    verified: true,
    email: null,
  };
  const worker = new Worker(new URL("../lib/server-worker.mjs", import.meta.url), {
    workerData: { user, authorization: `Bearer ${TOKEN}` },
  });
  const [{ port }] = await once(worker, "message");
  return {
    user,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      worker.postMessage("close");
      const [done] = await once(worker, "message");
      await worker.terminate();
      return done;
    },
  };
}

const ROUNDS = QUICK ? 1 : 3;

async function warm(request, concurrency) {
  for (let i = 0; i < WARMUP; i += concurrency) {
    await Promise.all(Array.from({ length: concurrency }, request));
  }
}

/** One bounded round: `concurrency` lanes issue requests back to back until a count or time limit. */
async function round(request, concurrency, maxRequests, maxMs) {
  const latencies = new Float64Array(maxRequests);
  let started = 0;
  let done = 0;
  let last;
  const t0 = performance.now();
  const deadline = t0 + maxMs;
  async function lane() {
    while (started < maxRequests && performance.now() < deadline) {
      started++;
      const s = performance.now();
      last = await request();
      latencies[done++] = performance.now() - s;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { latencies: latencies.subarray(0, done), elapsed: performance.now() - t0, last };
}

/** Runs every side in ROUNDS interleaved rounds and pools latencies and elapsed time per side. */
async function load(sides, concurrency) {
  for (const request of Object.values(sides)) await warm(request, concurrency);
  const pooled = Object.fromEntries(
    Object.keys(sides).map((side) => [side, { parts: [], elapsed: 0, last: null }]),
  );
  for (let r = 0; r < ROUNDS; r++) {
    for (const [side, request] of Object.entries(sides)) {
      const res = await round(request, concurrency, Math.ceil(MAX_REQUESTS / ROUNDS), MAX_MS / ROUNDS);
      pooled[side].parts.push(res.latencies);
      pooled[side].elapsed += res.elapsed;
      pooled[side].last = res.last;
    }
  }
  const out = {};
  for (const [side, p] of Object.entries(pooled)) {
    const n = p.parts.reduce((sum, part) => sum + part.length, 0);
    const all = new Float64Array(n);
    let at = 0;
    for (const part of p.parts) {
      all.set(part, at);
      at += part.length;
    }
    all.sort();
    const q = (x) => all[Math.min(n - 1, Math.floor(x * (n - 1)))] * 1e6;
    out[side] = {
      requests: n,
      rps: (n / p.elapsed) * 1000,
      p50: q(0.5),
      p25: q(0.25),
      p75: q(0.75),
      p99: q(0.99),
      last: p.last,
    };
  }
  return out;
}

export async function runRest({ ours }, log) {
  const server = await startServer();
  const apiUrl = `${server.origin}/api/v10`;
  const expectUser = (u) => check(u && u.id === server.user.id, "REST response is the served user");
  const djsRest = new REST({
    api: `${server.origin}/api`,
    version: "10",
    authPrefix: "Bearer",
    // Measure overhead, not the 50 req/s global throttle (which Discord applies per bot anyway).
    globalRequestsPerSecond: 1e9,
  }).setToken(TOKEN);

  const sides = {
    "plain fetch": async () => {
      const res = await fetch(`${apiUrl}/users/@me`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      if (!res.ok) throw new Error(`status ${res.status}`);
      return res.json();
    },
    "@discordjs/rest": () => djsRest.get("/users/@me"),
  };
  const { createNodeFetch } = await loadNodeEntry();
  const nodeFetch = createNodeFetch?.();
  if (ours.lib.RESTApp) {
    // Same as @discordjs/rest above: no proactive 50 req/s global throttle, so overhead is what is measured.
    const client = new ours.lib.RESTApp({ apiUrl, globalRequestsPerSecond: 0 }).acquire(TOKEN, "Bearer");
    sides.ours = () => client.fetchMyUser();
    if (nodeFetch) {
      const options = { apiUrl, globalRequestsPerSecond: 0, fetch: nodeFetch };
      const viaNode = new ours.lib.RESTApp(options).acquire(TOKEN, "Bearer");
      sides[NODE_TRANSPORT] = () => viaNode.fetchMyUser();
    }
  }

  const out = [];
  try {
    for (const concurrency of [1, 32]) {
      const results = await load(sides, concurrency);
      for (const r of Object.values(results)) {
        expectUser(r.last);
        delete r.last;
      }
      const row = {
        id: `rest.users-me.c${concurrency}`,
        label: `GET /users/@me, concurrency ${concurrency}`,
        unit: "rest",
        floorLabel: "plain fetch",
        results,
      };
      out.push(row);
      log?.(row, results);
    }
  } finally {
    djsRest.clearHashSweeper?.();
    djsRest.clearHandlerSweeper?.();
    nodeFetch?.close();
    const closed = await server.close();
    check(closed.closed === true, "bench server closed");
  }
  return out;
}
