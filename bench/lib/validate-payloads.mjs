// Checks, before anything is timed, that the generated payloads match Discord's OpenAPI schemas
// (test/fixtures/discord-openapi.json, a copy of Discord's spec, or BENCH_OPENAPI), so every side parses what Discord sends.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import * as P from "../payloads.mjs";

const SPEC =
  process.env.BENCH_OPENAPI ??
  fileURLToPath(new URL("../../test/fixtures/discord-openapi.json", import.meta.url));

/** Returns the number of payloads checked, or null when the spec file is not available. */
export function validatePayloads() {
  if (!existsSync(SPEC)) return null;
  const spec = JSON.parse(readFileSync(SPEC, "utf8"));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("snowflake", /^(0|[1-9][0-9]*)$/);
  ajv.addFormat("int32", true);
  ajv.addFormat("int64", true);
  ajv.addSchema({ $id: "spec", components: spec.components });
  const cases = [
    ["PrivateApplicationResponse", [P.application(1), P.application(2), P.application(3)]],
    ["MyGuildResponse", P.guildPage(1, 200)],
    ["ConnectedAccountResponse", P.connections(1, 10)],
    ["OAuth2GetAuthorizationResponse", [P.authorization(1)]],
  ];
  let checked = 0;
  for (const [schema, payloads] of cases) {
    const validate = ajv.compile({ $ref: `spec#/components/schemas/${schema}` });
    for (const payload of payloads) {
      if (!validate(payload)) {
        throw new Error(`generated payload does not match ${schema}: ${ajv.errorsText(validate.errors)}`);
      }
      checked++;
    }
  }
  return checked;
}
