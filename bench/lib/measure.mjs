// Timing and memory primitives shared by every suite.
import { do_not_optimize, measure } from "mitata";

const QUICK = process.env.BENCH_QUICK === "1";

/** Measured CPU time per side of a benchmark, in nanoseconds, split across ROUNDS. */
export const MIN_TIME_NS = Number(process.env.BENCH_TIME_MS ?? (QUICK ? 60 : 1200)) * 1e6;

/** Fails loudly: a benchmark whose result is not what it claims to build proves nothing. */
export function check(condition, what) {
  if (!condition) throw new Error(`benchmark sanity check failed: ${what}`);
}

/**
 * The clock: "cpu" (default) reads the process's CPU time (user + system, all threads), so time the
 * machine spends on other processes does not count; "wall" reads the monotonic clock.
 */
export const CLOCK = process.env.BENCH_CLOCK === "wall" ? "wall" : "cpu";
const CLOCK_OPTION =
  CLOCK === "cpu"
    ? {
        now: () => {
          const u = process.cpuUsage();
          return (u.user + u.system) * 1e3;
        },
      }
    : {};

/** Rounds per benchmark; sides of a row are measured in interleaved rounds so drift hits all alike. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 8));

function percentile(sorted, q) {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

/**
 * Times `fn` once with mitata (warm-up, then batched samples until `minTime` ns of CPU time) and returns the
 * raw per-call samples in nanoseconds.
 */
async function sampleOnce(fn, inputs, minTime) {
  // Inputs rotate so no side can answer from a cache of the previous call; every result is stored into
  // mitata's sink so V8 cannot drop the work as dead code.
  const n = inputs.length;
  let k = 0;
  const sunk = () => {
    const value = fn(inputs[k]);
    k = k + 1 === n ? 0 : k + 1;
    do_not_optimize(value);
    return value;
  };
  // Warm the JIT first, and size the batches from the warm calls: mitata's default of 4,096 calls per
  // sample would make a 10 µs function cost 40 ms per sample; about 1 ms per sample keeps the CPU clock's
  // microsecond resolution at 0.1% and the run short.
  const started = performance.now();
  let warm = 0;
  while (warm < 200 && performance.now() - started < 25) {
    await sunk();
    warm++;
  }
  const perCallMs = (performance.now() - started) / warm;
  const batch = Math.max(16, Math.min(65536, Math.round(1 / Math.max(perCallMs, 1e-6))));
  const stats = await measure(sunk, {
    min_cpu_time: minTime,
    min_samples: 12,
    batch_samples: batch,
    batch_threshold: 1e6,
    ...CLOCK_OPTION,
  });
  return { samples: stats.samples, calls: stats.ticks };
}

function summarize(samples, calls) {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: percentile(sorted, 0.5),
    p25: percentile(sorted, 0.25),
    p75: percentile(sorted, 0.75),
    p99: percentile(sorted, 0.99),
    min: sorted[0],
    avg: sum / sorted.length,
    samples: sorted.length,
    calls,
  };
}

/**
 * Times every side of a row. `sides` maps a side's name to a function of one input (null: not measured);
 * each call gets the next of `inputs` in turn. `verify` maps a side to a check of `(result, input)`, run on
 * every input before timing and on one call after: it must assert that the result is really populated.
 * Sides run in ROUNDS interleaved rounds; the statistics pool the samples of all rounds.
 */
export async function timeSides(sides, verify = {}, inputs = [undefined]) {
  const live = Object.entries(sides).filter(([, fn]) => fn);
  const pooled = Object.fromEntries(live.map(([side]) => [side, { samples: [], calls: 0 }]));
  for (const [side, fn] of live) {
    for (const input of inputs) verify[side]?.(await fn(input), input);
  }
  const roundMedians = Object.fromEntries(live.map(([side]) => [side, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [side, fn] of live) {
      const { samples, calls } = await sampleOnce(fn, inputs, MIN_TIME_NS / ROUNDS);
      pooled[side].samples.push(...samples);
      pooled[side].calls += calls;
      roundMedians[side].push(percentile(Float64Array.from(samples).sort(), 0.5));
    }
  }
  const out = {};
  for (const [side, fn] of live) {
    const input = inputs[inputs.length - 1];
    verify[side]?.(await fn(input), input);
    // The headline is the best round's median: a busy machine only ever adds time, and it comes in
    // bursts that can cover a whole round of one side; the pooled statistics stay in the results.
    out[side] = {
      ...summarize(pooled[side].samples, pooled[side].calls),
      best: Math.min(...roundMedians[side]),
      roundMedians: roundMedians[side],
    };
  }
  return out;
}

/** JS heap plus memory outside it (typed-array backing stores), so no representation hides its bytes. */
function used() {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function settle() {
  for (let i = 0; i < 4; i++) globalThis.gc();
}

/**
 * Retained heap per built object: heap used after building `count` objects (and keeping them in an
 * array) minus heap used before, after full collections, divided by `count`. Runs `rounds` times and keeps
 * the median. `build(i)` must return the i-th object; inputs it reads should already exist (their memory
 * is in the baseline).
 */
export function retainedBytes(build, count, verify, rounds = QUICK ? 1 : 3) {
  if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");
  const warm = [];
  for (let i = 0; i < Math.min(count, 1000); i++) warm.push(build(i));
  verify?.(warm[warm.length - 1]);
  warm.length = 0;
  const perObject = [];
  for (let r = 0; r < rounds; r++) {
    settle();
    const before = used();
    const kept = new Array(count);
    for (let i = 0; i < count; i++) kept[i] = build(i);
    settle();
    const after = used();
    verify?.(kept[count - 1]);
    perObject.push((after - before) / count);
    kept.length = 0;
  }
  perObject.sort((a, b) => a - b);
  return {
    bytes: perObject[Math.floor(perObject.length / 2)],
    min: perObject[0],
    max: perObject[perObject.length - 1],
    count,
    rounds,
  };
}
