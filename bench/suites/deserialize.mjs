// 1. Deserialize: object → models (pre-parsed) and text → models (JSON.parse + deserialize).
import { camelize } from "discordeno";
import { check, timeSides } from "../lib/measure.mjs";
import * as P from "../payloads.mjs";
import { floor } from "../peers.mjs";

function has(method) {
  return (factory) => typeof factory?.[method] === "function";
}

function checkApplication(model, raw) {
  check(model.id === raw.id && model.name === raw.name, "application id/name");
  const members = model.team?.members;
  check((members instanceof Map ? members.size : members?.length) === 5, "application team of 5");
  check(model.owner?.id === raw.owner.id, "application owner");
  check(model.publicKey instanceof Uint8Array && model.publicKey.length === 32, "application publicKey");
  check(model.installParameters != null || model.installParams != null, "application install parameters");
}

function checkGuilds(list, raw) {
  check(Array.isArray(list) || list instanceof Map, "guild page is a list");
  const last = Array.isArray(list) ? list[list.length - 1] : [...list.values()].pop();
  const rawLast = raw[raw.length - 1];
  check((Array.isArray(list) ? list.length : list.size) === raw.length, "guild page size");
  check(last.id === rawLast.id && last.name === rawLast.name, "last guild id/name");
  check(last.approximateMemberCount === rawLast.approximate_member_count, "last guild member count");
  check(last.features.length === rawLast.features.length, "last guild features");
}

function checkConnections(list, raw) {
  check(list.length === raw.length, "connection count");
  const last = list[list.length - 1];
  check(last.id === raw[raw.length - 1].id, "last connection id");
  check(last.integrations.length === raw[raw.length - 1].integrations.length, "last connection integrations");
}

const QUICK = process.env.BENCH_QUICK === "1";
/**
 * Distinct payloads each row rotates through: 32 guild pages are 6,400 guilds, more than any
 * library's intern cache (ours keeps 4,096 flag values), so unique values are really parsed each time.
 */
const VARIANTS = QUICK ? 8 : 32;

const range = (n, make) => Array.from({ length: n }, (_, i) => make(i + 1));
const last = (m) => (Array.isArray(m) ? m[m.length - 1] : m);

/**
 * Builds the rows of the deserialize section. Each row has one function per side (or null when that side
 * has nothing for it), the inputs it rotates through, and a verifier of each side's result for an input.
 */
export function deserializeCases({ ours, djs, dd }) {
  const f = ours.lib.EntityFactory ? new ours.lib.EntityFactory() : null;
  const ourApp = has("deserializeApplication")(f) ? (raw) => f.deserializeApplication(raw) : null;
  const ourGuilds = has("deserializeOwnGuild")(f) ? (raw) => raw.map((g) => f.deserializeOwnGuild(g)) : null;
  const ourConns = has("deserializeOwnConnection")(f)
    ? (raw) => raw.map((c) => f.deserializeOwnConnection(c))
    : null;
  const ourToken = has("deserializeAuthorizationToken")(f)
    ? (raw) => f.deserializeAuthorizationToken(raw)
    : null;
  const ourAuth = has("deserializeAuthorizationInformation")(f)
    ? (raw) => f.deserializeAuthorizationInformation(raw)
    : null;
  const teamSize = (m) => m.owner.members.size;

  const payloads = [
    {
      key: "application",
      label: "application + team of 5",
      raws: range(VARIANTS, P.application),
      ours: ourApp,
      peers: { "discord.js": djs.application, discordeno: dd.application },
      floor: floor.application,
      verify: {
        ours: checkApplication,
        "discord.js": (m, raw) => check(teamSize(m) === 5 && m.name === raw.name, "discord.js application"),
        discordeno: (m, raw) =>
          check(m.team.members.length === 5 && m.name === raw.name, "discordeno application"),
        floor: (m, raw) => check(m.team.members.length === 5 && m.name === raw.name, "floor application"),
      },
    },
    {
      key: "guilds",
      label: "200 guilds (one page)",
      raws: range(VARIANTS, (i) => P.guildPage(i, 200)),
      ours: ourGuilds,
      peers: { "discord.js": djs.guildPage, discordeno: dd.guildPage },
      floor: floor.guildPage,
      verify: {
        ours: checkGuilds,
        "discord.js": (m, raw) =>
          check(m.size === 200 && m.last().name === raw[199].name, "discord.js guilds"),
        discordeno: (m, raw) => check(m.length === 200 && m[199].name === raw[199].name, "discordeno guilds"),
        floor: checkGuilds,
      },
    },
    {
      key: "connections",
      label: "10 connections",
      raws: range(VARIANTS, (i) => P.connections(i, 10)),
      ours: ourConns,
      // discordeno's REST returns camelize(json) for connections, tokens and /oauth2/@me.
      peers: { discordeno: camelize },
      floor: floor.connections,
      verify: {
        ours: checkConnections,
        discordeno: (m, raw) =>
          check(m.length === 10 && last(m).id === last(raw).id, "discordeno connections"),
        floor: checkConnections,
      },
    },
    {
      key: "token",
      label: "authorization-code token",
      raws: range(VARIANTS, P.authorizationToken),
      ours: ourToken,
      peers: { discordeno: camelize },
      floor: floor.token,
      verify: {
        ours: (m, raw) =>
          check(m.accessToken === raw.access_token && m.expiresAt instanceof Date, "our token"),
        discordeno: (m, raw) => check(m.accessToken === raw.access_token, "discordeno token"),
        floor: (m, raw) => check(m.accessToken === raw.access_token, "floor token"),
      },
    },
    {
      key: "authorization",
      label: "current authorization",
      raws: range(VARIANTS, P.authorization),
      ours: ourAuth,
      peers: { discordeno: camelize },
      floor: floor.authorization,
      verify: {
        ours: (m, raw) =>
          check(m.application.id === raw.application.id && m.user?.id === raw.user.id, "our authorization"),
        discordeno: (m, raw) => check(m.application.id === raw.application.id, "discordeno authorization"),
        floor: (m, raw) => check(m.user.id === raw.user.id, "floor authorization"),
      },
    },
  ];

  const rows = [];
  for (const p of payloads) {
    const peerFns = Object.entries(p.peers);
    const texts = p.raws.map((raw) => JSON.stringify(raw));
    const textInputs = texts.map((text, i) => ({ text, raw: p.raws[i] }));
    rows.push({
      id: `deserialize.${p.key}.object`,
      label: `${p.label}, pre-parsed`,
      inputs: p.raws,
      sides: { ours: p.ours, ...Object.fromEntries(peerFns), floor: p.floor },
      verify: p.verify,
    });
    const onText = (fn) => fn && ((input) => fn(JSON.parse(input.text)));
    const onRaw = (check) => check && ((m, input) => check(m, input.raw));
    rows.push({
      id: `deserialize.${p.key}.text`,
      label: `${p.label}, from text (${(texts[0].length / 1024).toFixed(1)} KiB)`,
      inputs: textInputs,
      sides: {
        ours: onText(p.ours),
        ...Object.fromEntries(peerFns.map(([name, fn]) => [name, onText(fn)])),
        floor: (input) => JSON.parse(input.text),
      },
      floorLabel: "JSON.parse alone",
      verify: {
        ...Object.fromEntries(Object.entries(p.verify).map(([side, c]) => [side, onRaw(c)])),
        floor: (m, input) =>
          check(m !== null && typeof m === "object" && texts.includes(input.text), "JSON.parse"),
      },
    });
  }
  return rows;
}

/** Runs rows built by `deserializeCases` (or any row of the same shape). */
export async function runRows(rows, log) {
  const out = [];
  for (const row of rows) {
    const results = await timeSides(row.sides, row.verify, row.inputs);
    out.push({ id: row.id, label: row.label, unit: "ns", floorLabel: row.floorLabel ?? "floor", results });
    log?.(row, results);
  }
  return out;
}
