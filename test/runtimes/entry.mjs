// Entry point for runtimes that run a module file directly (Node, Bun, Deno): imports the built package
// and prints the smoke results as one marked JSON line on stdout.
import * as lib from "../../dist/index.js";
import { runSmoke } from "./smoke.mjs";

console.log(`SMOKE_RESULT ${JSON.stringify(await runSmoke(lib))}`);
