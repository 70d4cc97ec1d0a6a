// 2. Retained memory per model: build N objects from N distinct payload texts, keep them in an array,
// and divide the growth of the heap (after full GCs) by N.
import { check, retainedBytes } from "../lib/measure.mjs";
import * as P from "../payloads.mjs";
import { floor } from "../peers.mjs";

const QUICK = process.env.BENCH_QUICK === "1";
const COUNT = Number(process.env.BENCH_MEMORY_COUNT ?? (QUICK ? 2000 : 10000));

export function memoryCases({ ours, djs, dd }) {
  const factory = ours.lib.EntityFactory ? new ours.lib.EntityFactory() : null;
  const appTexts = Array.from({ length: COUNT }, (_, i) => JSON.stringify(P.application(i + 1)));
  const guildTexts = Array.from({ length: COUNT }, (_, i) => JSON.stringify(P.guild(i + 1)));
  const parse = (texts) => (i) => JSON.parse(texts[i]);
  const ourApp = typeof factory?.deserializeApplication === "function";
  const ourGuild = typeof factory?.deserializeOwnGuild === "function";
  return [
    {
      id: "memory.application",
      label: `application + team of 5 (${COUNT.toLocaleString("en")} held)`,
      sides: {
        ours: ourApp ? (i) => factory.deserializeApplication(JSON.parse(appTexts[i])) : null,
        "discord.js": (i) => djs.application(JSON.parse(appTexts[i])),
        discordeno: (i) => dd.application(JSON.parse(appTexts[i])),
        "raw JSON": parse(appTexts),
        floor: (i) => floor.application(JSON.parse(appTexts[i])),
      },
      verify: (m) => check(m && (m.name ?? m.application?.name) !== undefined, "application built"),
    },
    {
      id: "memory.guild",
      label: `own guild (${COUNT.toLocaleString("en")} held)`,
      sides: {
        ours: ourGuild ? (i) => factory.deserializeOwnGuild(JSON.parse(guildTexts[i])) : null,
        "discord.js": (i) => djs.guild(JSON.parse(guildTexts[i])),
        discordeno: (i) => dd.guild(JSON.parse(guildTexts[i])),
        "raw JSON": parse(guildTexts),
        floor: (i) => floor.guild(JSON.parse(guildTexts[i])),
      },
      verify: (m) => check(m && typeof m.name === "string" && m.id !== undefined, "guild built"),
    },
  ];
}

export function runMemory(rows, log) {
  const out = [];
  for (const row of rows) {
    const results = {};
    for (const [side, build] of Object.entries(row.sides)) {
      if (!build) continue;
      results[side] = retainedBytes(build, COUNT, row.verify);
    }
    out.push({ id: row.id, label: row.label, unit: "bytes", floorLabel: "floor", results });
    log?.(row, results);
  }
  return out;
}
