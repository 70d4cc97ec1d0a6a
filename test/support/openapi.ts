/**
 * Payloads generated from Discord's OpenAPI spec, and a validator for what we serialize.
 *
 * `generatePayload(name, mode)` walks a component schema and builds a JSON value that fits it:
 * - `"all"`: every property the schema lists, non-null;
 * - `"required"`: only the required properties;
 * - `"nulls"`: every property, with `null` wherever the schema allows null.
 * A few string keys carry structure the schema does not express (a hex verify key, decimal bit fields);
 * `STRING_KEYS` supplies values for those.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Schema = { readonly [key: string]: unknown };

const SPEC_PATH = fileURLToPath(new URL("../fixtures/discord-openapi.json", import.meta.url));

/** Discord's OpenAPI document. */
export const spec = JSON.parse(readFileSync(SPEC_PATH, "utf8")) as {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, Schema> };
};
const schemas = spec.components.schemas;

export type Mode = "all" | "required" | "nulls";

const STRING_KEYS: Record<string, () => string> = {
  verify_key: () => "a".repeat(32) + "0123456789abcdef0123456789abcdef",
  flags_new: () => "8654848",
  permissions: () => "2199023255551",
  discriminator: () => "0",
};

function resolve(schema: Schema): Schema {
  let current = schema;
  while (typeof current.$ref === "string") {
    const name = current.$ref.replace("#/components/schemas/", "");
    const target = schemas[name];
    if (!target) throw new Error(`unknown schema ${name}`);
    current = { ...target, ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== "$ref")) };
  }
  return current;
}

function allowsNull(schema: Schema): boolean {
  const s = resolve(schema);
  if (Array.isArray(s.type) && s.type.includes("null")) return true;
  if (s.type === "null") return true;
  if (Array.isArray(s.oneOf)) return s.oneOf.some((option) => allowsNull(option as Schema));
  return false;
}

class Generator {
  #counter = 0;
  readonly #mode: Mode;
  constructor(mode: Mode) {
    this.#mode = mode;
  }

  #snowflake(): string {
    this.#counter++;
    return (1_000_000_000_000_000_000n + BigInt(this.#counter) * 4_194_304_123n).toString();
  }

  value(schema: Schema, key: string | null, depth: number): unknown {
    const s = resolve(schema);
    if (this.#mode === "nulls" && allowsNull(s) && depth > 0) return null;
    if (Array.isArray(s.oneOf)) {
      const options = (s.oneOf as Schema[]).filter((o) => resolve(o).type !== "null");
      const constant = options.find((o) => "const" in o);
      if (constant) return constant.const;
      if (options[0]) return this.value(options[0], key, depth);
    }
    if (Array.isArray(s.allOf) && s.type === undefined) {
      return this.value(resolve(s.allOf[0] as Schema), key, depth);
    }
    if (Array.isArray(s.enum)) return s.enum[0];
    if ("const" in s) return s.const;
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
    switch (type) {
      case "object":
        return this.#object(s, depth);
      case "array": {
        const count =
          this.#mode === "required"
            ? Math.max(1, Number(s.minItems ?? 1))
            : Math.max(2, Number(s.minItems ?? 0));
        const items = s.items as Schema | undefined;
        const out: unknown[] = [];
        const itemSchema = items ? resolve(items) : {};
        const choices = Array.isArray(itemSchema.enum)
          ? itemSchema.enum.map((value) => ({ const: value }))
          : Array.isArray(itemSchema.oneOf)
            ? (itemSchema.oneOf as Schema[]).filter((o) => "const" in o)
            : [];
        for (let i = 0; i < count; i++) {
          if (s.uniqueItems && choices.length > 0) {
            if (i >= choices.length) break;
            out.push(choices[i]!.const);
          } else {
            out.push(items ? this.value(items, key, depth + 1) : "x");
          }
        }
        return out;
      }
      case "string":
        if (s.format === "snowflake") return this.#snowflake();
        if (s.format === "date-time") return "2021-02-01T18:03:20.888000+00:00";
        if (s.format === "uri") return "https://example.com/path";
        if (key && STRING_KEYS[key]) return STRING_KEYS[key]();
        return `${key ?? "value"}-${++this.#counter}`;
      case "integer": {
        if (key === "flags" || key === "public_flags") return 8654848;
        const min = typeof s.minimum === "number" ? s.minimum : 0;
        const max = typeof s.maximum === "number" ? s.maximum : 2 ** 31 - 1;
        return Math.min(max, Math.max(min, 1));
      }
      case "number":
        return 1.5;
      case "boolean":
        return true;
      case "null":
        return null;
      default:
        return {};
    }
  }

  #object(s: Schema, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set((s.required as string[] | undefined) ?? []);
    const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const [name, property] of Object.entries(properties)) {
      if (this.#mode === "required" && !required.has(name)) continue;
      const value =
        this.#mode === "nulls" && allowsNull(property) ? null : this.value(property, name, depth + 1);
      out[name] = value;
    }
    if (
      s.additionalProperties &&
      typeof s.additionalProperties === "object" &&
      Object.keys(properties).length === 0
    ) {
      const keys = this.#mode === "required" ? ["0"] : ["0", "1"];
      for (const k of keys) out[k] = this.value(s.additionalProperties as Schema, k, depth + 1);
    }
    return out;
  }
}

/** A payload for the component schema `name`, built as `mode` says. */
export function generatePayload(name: string, mode: Mode): Record<string, unknown> {
  const schema = schemas[name];
  if (!schema) throw new Error(`no schema named ${name}`);
  return new Generator(mode).value(schema, null, 0) as Record<string, unknown>;
}

/** The property names a component schema lists, and which of them it requires. */
export function schemaKeys(name: string): { all: string[]; required: string[] } {
  const schema = resolve(schemas[name] ?? {});
  return {
    all: Object.keys((schema.properties as object | undefined) ?? {}),
    required: (schema.required as string[] | undefined) ?? [],
  };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const format of ["snowflake", "int32", "int64", "double", "nonce", "float"]) ajv.addFormat(format, true);
ajv.addSchema({ $id: "discord", components: { schemas } });

/** Validation errors of `value` against component schema `name` (empty when it fits). */
export function validateAgainst(name: string, value: unknown): string[] {
  const validate = ajv.getSchema(`discord#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema named ${name}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
  );
}
