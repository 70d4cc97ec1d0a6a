/**
 * The key Node's `util.inspect` looks for. Registered with `Symbol.for`, so it needs no `node:` import and
 * does nothing on other runtimes. Models that hold secrets use it to control what a console shows.
 */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");
