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

/**
 * Builds the rows of the deserialize section. Each row has one function per side (or null when that side
 * has nothing for it) and a verifier for the side's result.
 */
export function deserializeCases({ ours, djs, dd }) {
  const factory = ours.lib.EntityFactory ? new ours.lib.EntityFactory() : null;
  const app = P.application(1);
  const appText = JSON.stringify(app);
  const page = P.guildPage(1, 200);
  const pageText = JSON.stringify(page);
  const conns = P.connections(1, 10);
  const connsText = JSON.stringify(conns);
  const token = P.authorizationToken(1);
  const tokenText = JSON.stringify(token);
  const auth = P.authorization(1);
  const authText = JSON.stringify(auth);

  const f = factory;
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

  const fromText = (fn) => (fn ? (text) => fn(JSON.parse(text)) : null);

  const payloads = [
    {
      key: "application",
      label: "application + team of 5",
      raw: app,
      text: appText,
      ours: ourApp,
      peers: { "discord.js": djs.application, discordeno: dd.application },
      floor: floor.application,
      verify: {
        ours: (m) => checkApplication(m, app),
        "discord.js": (m) =>
          check(m.owner.members.size === 5 && m.name === app.name, "discord.js application"),
        discordeno: (m) =>
          check(m.team.members.length === 5 && m.name === app.name, "discordeno application"),
        floor: (m) => check(m.team.members.length === 5 && m.name === app.name, "floor application"),
      },
    },
    {
      key: "guilds",
      label: "200 guilds (one page)",
      raw: page,
      text: pageText,
      ours: ourGuilds,
      peers: { "discord.js": djs.guildPage, discordeno: dd.guildPage },
      floor: floor.guildPage,
      verify: {
        ours: (m) => checkGuilds(m, page),
        "discord.js": (m) => check(m.size === 200 && m.last().name === page[199].name, "discord.js guilds"),
        discordeno: (m) => check(m.length === 200 && m[199].name === page[199].name, "discordeno guilds"),
        floor: (m) => checkGuilds(m, page),
      },
    },
    {
      key: "connections",
      label: "10 connections",
      raw: conns,
      text: connsText,
      ours: ourConns,
      // discordeno's REST returns camelize(json) for connections, tokens and /oauth2/@me.
      peers: { discordeno: camelize },
      floor: floor.connections,
      verify: {
        ours: (m) => checkConnections(m, conns),
        discordeno: (m) => check(m.length === 10 && m[9].integrations.length > 0, "discordeno connections"),
        floor: (m) => checkConnections(m, conns),
      },
    },
    {
      key: "token",
      label: "authorization-code token",
      raw: token,
      text: tokenText,
      ours: ourToken,
      peers: { discordeno: camelize },
      floor: floor.token,
      verify: {
        ours: (m) => check(m.accessToken === token.access_token && m.expiresAt instanceof Date, "our token"),
        discordeno: (m) => check(m.accessToken === token.access_token, "discordeno token"),
        floor: (m) => check(m.accessToken === token.access_token, "floor token"),
      },
    },
    {
      key: "authorization",
      label: "current authorization",
      raw: auth,
      text: authText,
      ours: ourAuth,
      peers: { discordeno: camelize },
      floor: floor.authorization,
      verify: {
        ours: (m) =>
          check(m.application.id === auth.application.id && m.user?.id === auth.user.id, "our authorization"),
        discordeno: (m) => check(m.application.id === auth.application.id, "discordeno authorization"),
        floor: (m) => check(m.user.id === auth.user.id, "floor authorization"),
      },
    },
  ];

  const rows = [];
  for (const p of payloads) {
    const peerFns = Object.entries(p.peers);
    rows.push({
      id: `deserialize.${p.key}.object`,
      label: `${p.label}, pre-parsed`,
      bytes: p.text.length,
      sides: {
        ours: p.ours && (() => p.ours(p.raw)),
        ...Object.fromEntries(peerFns.map(([name, fn]) => [name, () => fn(p.raw)])),
        floor: () => p.floor(p.raw),
      },
      verify: p.verify,
    });
    rows.push({
      id: `deserialize.${p.key}.text`,
      label: `${p.label}, from text`,
      bytes: p.text.length,
      sides: {
        ours: p.ours && (() => fromText(p.ours)(p.text)),
        ...Object.fromEntries(peerFns.map(([name, fn]) => [name, () => fn(JSON.parse(p.text))])),
        floor: () => JSON.parse(p.text),
      },
      floorLabel: "JSON.parse alone",
      verify: { ...p.verify, floor: (m) => check(m !== null && typeof m === "object", "JSON.parse result") },
    });
  }
  return rows;
}

/** Runs rows built by `deserializeCases` (or any row of the same shape). */
export async function runRows(rows, log) {
  const out = [];
  for (const row of rows) {
    const results = await timeSides(row.sides, row.verify);
    out.push({ id: row.id, label: row.label, unit: "ns", floorLabel: row.floorLabel ?? "floor", results });
    log?.(row, results);
  }
  return out;
}
