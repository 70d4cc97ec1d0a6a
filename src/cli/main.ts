#!/usr/bin/env node
/**
 * Entry point of the `discord-appkit` command-line tool (`npx discord-appkit --help`).
 * @module
 */
import { run } from "./run.js";

// The first Ctrl-C asks the running command to stop cleanly (close servers, clear the progress line);
// a second one, for a command that does not stop, exits at once.
const controller = new AbortController();
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    controller.abort();
  });
}

const status = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
process.exitCode = status;
