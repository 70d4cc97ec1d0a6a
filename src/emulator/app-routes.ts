import { createHash } from "node:crypto";
import {
  dictError,
  isJsonObject,
  jsonObject,
  type RouteContext,
  requireBearer,
  requireBot,
  snowflakeParam,
} from "./context.js";
import type { Grant } from "./grants.js";
import { type FieldError, invalidFormBody, missingAccess, parseJsonBody, type Reply } from "./http.js";
import type { Json } from "./world.js";

function roleConnectionApp(ctx: RouteContext): Grant {
  const grant = requireBearer(ctx, "role_connections.write");
  const appId = snowflakeParam(ctx, "application_id");
  if (appId !== grant.clientId) throw missingAccess();
  return grant;
}

function emptyRoleConnection(): Json {
  return { platform_name: null, platform_username: null, metadata: {} };
}

/** GET /users/@me/applications/{application_id}/role-connection. */
export function getRoleConnection(ctx: RouteContext): Reply {
  const grant = roleConnectionApp(ctx);
  const key = `${grant.clientId}:${grant.userId}`;
  return { status: 200, json: ctx.env.world.roleConnections.get(key) ?? emptyRoleConnection() };
}

/** PUT /users/@me/applications/{application_id}/role-connection: validated, merged with the stored one. */
export function putRoleConnection(ctx: RouteContext): Reply {
  const grant = roleConnectionApp(ctx);
  const input = jsonObject(ctx);
  const problems: FieldError[] = [];
  const text = (key: string, max: number): void => {
    const value = input[key];
    if (value !== undefined && value !== null && (typeof value !== "string" || value.length > max)) {
      problems.push({
        path: [key],
        code: "BASE_TYPE_MAX_LENGTH",
        message: `Must be ${max} or fewer in length.`,
      });
    }
  };
  text("platform_name", 50);
  text("platform_username", 100);
  const metadata: Record<string, string> = {};
  const rawMeta = input.metadata;
  if (rawMeta !== undefined && rawMeta !== null) {
    if (!isJsonObject(rawMeta)) {
      problems.push(dictError(["metadata"]));
    } else {
      const entries = Object.entries(rawMeta);
      if (entries.length > 5)
        problems.push({
          path: ["metadata"],
          code: "BASE_TYPE_MAX_LENGTH",
          message: "Must be 5 or fewer in length.",
        });
      const known = new Set(ctx.env.world.roleConnectionMetadata.map((m) => m.key));
      for (const [key, value] of entries) {
        if (!known.has(key)) {
          problems.push({
            path: ["metadata", key],
            code: "APPLICATION_ROLE_CONNECTION_METADATA_KEY_INVALID",
            message: "Unknown metadata key.",
          });
        } else if ((typeof value !== "string" && typeof value !== "number") || String(value).length > 100) {
          problems.push({
            path: ["metadata", key],
            code: "BASE_TYPE_MAX_LENGTH",
            message: "Must be 100 or fewer in length.",
          });
        } else {
          metadata[key] = String(value);
        }
      }
    }
  }
  if (problems.length > 0) throw invalidFormBody(problems);
  const key = `${grant.clientId}:${grant.userId}`;
  const previous = ctx.env.world.roleConnections.get(key) ?? emptyRoleConnection();
  const next: Json = {
    platform_name: input.platform_name === undefined ? previous.platform_name : input.platform_name,
    platform_username:
      input.platform_username === undefined ? previous.platform_username : input.platform_username,
    metadata: rawMeta === undefined ? previous.metadata : metadata,
  };
  ctx.env.world.roleConnections.set(key, next);
  return { status: 200, json: next };
}

function metadataApp(ctx: RouteContext): void {
  requireBot(ctx);
  const appId = snowflakeParam(ctx, "application_id");
  if (appId !== ctx.env.world.app.id) throw missingAccess();
}

function localizations(value: unknown, max: number, path: (string | number)[], problems: FieldError[]): void {
  if (value === undefined || value === null) return;
  if (!isJsonObject(value)) {
    problems.push(dictError(path));
    return;
  }
  for (const [locale, text] of Object.entries(value)) {
    if (text !== null && (typeof text !== "string" || text.length < 1 || text.length > max)) {
      problems.push({
        path: [...path, locale],
        code: "BASE_TYPE_BAD_LENGTH",
        message: `Must be between 1 and ${max} in length.`,
      });
    }
  }
}

/** PUT /applications/{application_id}/role-connections/metadata: replaces the records (at most 5). */
export function putMetadata(ctx: RouteContext): Reply {
  metadataApp(ctx);
  const body = parseJsonBody(ctx.req, ctx.body);
  if (!Array.isArray(body)) {
    throw invalidFormBody([
      { path: [], code: "LIST_TYPE_CONVERT", message: "Only iterables may be used in a ListType" },
    ]);
  }
  const problems: FieldError[] = [];
  if (body.length > 5)
    problems.push({ path: [], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 5 or fewer in length." });
  const records: Json[] = [];
  body.forEach((item: unknown, i) => {
    if (!isJsonObject(item)) {
      problems.push(dictError([i]));
      return;
    }
    const r = item;
    if (typeof r.type !== "number" || !Number.isInteger(r.type) || r.type < 1 || r.type > 8) {
      problems.push({
        path: [i, "type"],
        code: "BASE_TYPE_CHOICES",
        message: "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8}.",
      });
    }
    if (typeof r.key !== "string" || !/^[a-z0-9_]{1,50}$/.test(r.key)) {
      problems.push({
        path: [i, "key"],
        code: "APPLICATION_ROLE_CONNECTION_METADATA_KEY_INVALID",
        message: "Keys must be 1-50 characters of a-z, 0-9 or _.",
      });
    }
    for (const [field, max] of [
      ["name", 100],
      ["description", 200],
    ] as const) {
      const value = r[field];
      if (typeof value !== "string" || value.length < 1 || value.length > max) {
        problems.push({
          path: [i, field],
          code: "BASE_TYPE_BAD_LENGTH",
          message: `Must be between 1 and ${max} in length.`,
        });
      }
    }
    localizations(r.name_localizations, 100, [i, "name_localizations"], problems);
    localizations(r.description_localizations, 200, [i, "description_localizations"], problems);
    records.push({
      type: r.type,
      key: r.key,
      name: r.name,
      name_localizations: r.name_localizations ?? null,
      description: r.description,
      description_localizations: r.description_localizations ?? null,
    });
  });
  if (problems.length > 0) throw invalidFormBody(problems);
  ctx.env.world.roleConnectionMetadata = records;
  return { status: 200, json: records };
}

const WRITABLE_FLAGS = (1 << 13) | (1 << 15) | (1 << 19);
const WEBHOOK_EVENT_TYPES = new Set([
  "APPLICATION_AUTHORIZED",
  "APPLICATION_DEAUTHORIZED",
  "ENTITLEMENT_CREATE",
  "ENTITLEMENT_UPDATE",
  "ENTITLEMENT_DELETE",
  "QUEST_USER_ENROLLMENT",
  "LOBBY_MESSAGE_CREATE",
  "LOBBY_MESSAGE_UPDATE",
  "LOBBY_MESSAGE_DELETE",
  "GAME_DIRECT_MESSAGE_CREATE",
  "GAME_DIRECT_MESSAGE_UPDATE",
  "GAME_DIRECT_MESSAGE_DELETE",
]);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function installParams(value: unknown, path: (string | number)[], problems: FieldError[]): Json | null {
  if (value === null) return null;
  if (!isJsonObject(value)) {
    problems.push(dictError(path));
    return null;
  }
  const v = value;
  const scopes = v.scopes ?? [];
  if (!Array.isArray(scopes) || scopes.some((s) => s !== "bot" && s !== "applications.commands")) {
    problems.push({
      path: [...path, "scopes"],
      code: "BASE_TYPE_CHOICES",
      message: "Value must be one of {'applications.commands', 'bot'}.",
    });
  }
  const perms = v.permissions ?? "0";
  if (
    !(typeof perms === "number" && Number.isInteger(perms) && perms >= 0) &&
    !(typeof perms === "string" && /^\d+$/.test(perms))
  ) {
    problems.push({
      path: [...path, "permissions"],
      code: "NUMBER_TYPE_COERCE",
      message: "Value is not int.",
    });
  }
  return { scopes: Array.isArray(scopes) ? [...new Set(scopes)] : [], permissions: String(perms) };
}

/** PATCH /applications/@me: validates the body as Discord does and applies it. */
export function patchApplication(ctx: RouteContext): Reply {
  requireBot(ctx);
  const input = jsonObject(ctx);
  const raw = ctx.env.world.app.raw;
  const patch: Json = {};
  const remove: string[] = [];
  const problems: FieldError[] = [];
  if ("description" in input) {
    const d = input.description;
    const text =
      typeof d === "string"
        ? d
        : isJsonObject(d) && typeof d.default === "string"
          ? d.default
          : d === null
            ? ""
            : null;
    if (text === null || text.length > 400) {
      problems.push({
        path: ["description"],
        code: "BASE_TYPE_MAX_LENGTH",
        message: "Must be 400 or fewer in length.",
      });
    } else patch.description = text;
  }
  for (const key of [
    "custom_install_url",
    "interactions_endpoint_url",
    "role_connections_verification_url",
    "event_webhooks_url",
  ]) {
    if (!(key in input)) continue;
    const value = input[key];
    if (value === null || value === "") {
      if (key === "custom_install_url") remove.push(key);
      else patch[key] = null;
    } else if (typeof value !== "string" || value.length > 2048 || !isHttpUrl(value)) {
      problems.push({ path: [key], code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." });
    } else patch[key] = value;
  }
  if ("install_params" in input) {
    const params = installParams(input.install_params, ["install_params"], problems);
    if (params) patch.install_params = params;
    else if (input.install_params === null) remove.push("install_params");
  }
  if ("integration_types_config" in input) {
    const cfg = input.integration_types_config;
    if (cfg !== null && !isJsonObject(cfg)) {
      problems.push(dictError(["integration_types_config"]));
    } else if (cfg !== null) {
      const out: Json = {};
      for (const [ctxKey, value] of Object.entries(cfg)) {
        if (ctxKey !== "0" && ctxKey !== "1") {
          problems.push({
            path: ["integration_types_config", ctxKey],
            code: "BASE_TYPE_CHOICES",
            message: "Value must be one of {0, 1}.",
          });
          continue;
        }
        if (value !== null && !isJsonObject(value)) {
          problems.push(dictError(["integration_types_config", ctxKey]));
          continue;
        }
        const inner = value?.oauth2_install_params ?? null;
        const params =
          inner === null
            ? null
            : installParams(inner, ["integration_types_config", ctxKey, "oauth2_install_params"], problems);
        out[ctxKey] = params ? { oauth2_install_params: params } : {};
      }
      patch.integration_types_config = out;
    }
  }
  if ("flags" in input && input.flags !== null) {
    if (typeof input.flags !== "number" || !Number.isInteger(input.flags)) {
      problems.push({ path: ["flags"], code: "NUMBER_TYPE_COERCE", message: "Value is not int." });
    } else {
      const current = typeof raw.flags === "number" ? raw.flags : 0;
      const flags = (current & ~WRITABLE_FLAGS) | (input.flags & WRITABLE_FLAGS);
      patch.flags = flags;
      patch.flags_new = String(flags);
    }
  }
  for (const key of ["icon", "cover_image"]) {
    if (!(key in input)) continue;
    const value = input[key];
    if (value === null) {
      if (key === "icon") patch.icon = null;
      else remove.push("cover_image");
    } else if (
      typeof value !== "string" ||
      !/^data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/]+=*$/.test(value)
    ) {
      problems.push({ path: [key], code: "IMAGE_INVALID", message: "Invalid image data" });
    } else patch[key] = createHash("md5").update(value).digest("hex");
  }
  if ("tags" in input) {
    const tags = input.tags;
    if (tags === null) remove.push("tags");
    else if (!Array.isArray(tags) || tags.length > 5) {
      problems.push({
        path: ["tags"],
        code: "BASE_TYPE_MAX_LENGTH",
        message: "Must be 5 or fewer in length.",
      });
    } else {
      tags.forEach((tag: unknown, i) => {
        if (typeof tag !== "string" || tag.length < 1 || tag.length > 20) {
          problems.push({
            path: ["tags", i],
            code: "BASE_TYPE_BAD_LENGTH",
            message: "Must be between 1 and 20 in length.",
          });
        }
      });
      patch.tags = [...new Set(tags)];
    }
  }
  if ("event_webhooks_status" in input && input.event_webhooks_status !== null) {
    if (input.event_webhooks_status !== 1 && input.event_webhooks_status !== 2) {
      problems.push({
        path: ["event_webhooks_status"],
        code: "BASE_TYPE_CHOICES",
        message: "Value must be one of {1, 2}.",
      });
    } else patch.event_webhooks_status = input.event_webhooks_status;
  }
  if ("event_webhooks_types" in input && input.event_webhooks_types !== null) {
    const types = input.event_webhooks_types;
    if (!Array.isArray(types) || types.some((t) => typeof t !== "string" || !WEBHOOK_EVENT_TYPES.has(t))) {
      problems.push({
        path: ["event_webhooks_types"],
        code: "BASE_TYPE_CHOICES",
        message: "Unknown event webhook type.",
      });
    } else patch.event_webhooks_types = [...new Set(types)];
  }
  if (problems.length > 0) throw invalidFormBody(problems);
  for (const key of remove) delete raw[key];
  Object.assign(raw, patch);
  return { status: 200, json: ctx.env.world.applicationPayload() };
}

/** GET /applications/@me and /oauth2/applications/@me. */
export function getApplication(ctx: RouteContext): Reply {
  requireBot(ctx);
  return { status: 200, json: ctx.env.world.applicationPayload() };
}

/** GET /applications/{application_id}/role-connections/metadata (bot). */
export function getMetadata(ctx: RouteContext): Reply {
  metadataApp(ctx);
  return { status: 200, json: ctx.env.world.roleConnectionMetadata };
}
