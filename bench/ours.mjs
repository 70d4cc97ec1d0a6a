// Loads the built package (dist/) and reports which parts of it exist yet, so the harness can run
// (and say "not built") while the library is still being written.
import { existsSync } from "node:fs";

// BENCH_DIST points at another build of the library (a directory holding index.js), e.g. a private
// `tsc --outDir` while others rebuild dist/.
const entry = process.env.BENCH_DIST
  ? new URL("index.js", `file://${process.env.BENCH_DIST.replace(/\/?$/, "/")}`)
  : new URL("../dist/index.js", import.meta.url);

export async function loadOurs() {
  if (!existsSync(entry)) return { lib: {}, missing: [`${entry.pathname} (run npm run build)`] };
  let lib;
  try {
    lib = await import(entry.href);
  } catch (error) {
    return { lib: {}, missing: [`the package failed to load (${error.code ?? error.message})`] };
  }
  const wanted = [
    "EntityFactory",
    "getTokenId",
    "ApplicationFlags",
    "Permissions",
    "RESTApp",
    "verifyInteractionSignature",
  ];
  return { lib, missing: wanted.filter((name) => lib[name] === undefined) };
}

/** Returns `fn` when `available` is true, else `null` (the table shows the side as not measured). */
export function when(available, fn) {
  return available ? fn : null;
}
