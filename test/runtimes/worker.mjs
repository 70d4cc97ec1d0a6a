// Entry point for workerd: a module worker that runs the smoke suite when it receives a request and
// answers with the results as JSON. The runner bundles this file (and dist/index.js) with esbuild.
import * as lib from "../../dist/index.js";
import { runSmoke } from "./smoke.mjs";

export default {
  async fetch() {
    return Response.json(await runSmoke(lib));
  },
};
