// What the published package must look like: rules shared by the fast packaging test (npm test) and the
// full tarball check (npm run check:package). Each function returns a list of problems (empty when fine).

/** Files a tarball may hold: the manifest, README, LICENSE, and built JavaScript with its declarations. */
const ALLOWED_FILE = /^(package\.json|README\.md|LICENSE|dist\/.+\.(js|d\.ts))$/;
const REQUIRED_FILES = ["package.json", "README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"];

function target(entry, condition) {
  return typeof entry === "object" && entry !== null ? entry[condition] : undefined;
}

/** Checks package.json fields: ESM, exports (main, ./emulator, ./node), bin, types, sideEffects, engines. */
export function checkManifest(pkg) {
  const problems = [];
  const expect = (condition, message) => {
    if (!condition) problems.push(message);
  };
  expect(pkg.name === "discord-appkit", `name is ${JSON.stringify(pkg.name)}, expected "discord-appkit"`);
  expect(pkg.type === "module", 'type must be "module" (ESM only)');
  expect(pkg.license === "MIT", "license must be MIT");
  expect(pkg.sideEffects === false, "sideEffects must be false");
  expect(
    /^>=\s*20\.19/.test(pkg.engines?.node ?? ""),
    `engines.node must be ">=20.19", is ${pkg.engines?.node}`,
  );
  expect(
    pkg.dependencies === undefined || Object.keys(pkg.dependencies).length === 0,
    "the package must have no runtime dependencies",
  );
  const exportsField = pkg.exports ?? {};
  for (const [subpath, base] of [
    [".", "dist/index"],
    ["./emulator", "dist/emulator/index"],
    ["./node", "dist/node/index"],
  ]) {
    const entry = exportsField[subpath];
    expect(entry !== undefined, `exports has no "${subpath}" entry`);
    if (entry === undefined) continue;
    const keys = Object.keys(entry);
    expect(keys[0] === "types", `exports["${subpath}"]: "types" must come first`);
    expect(target(entry, "types") === `./${base}.d.ts`, `exports["${subpath}"].types must be ./${base}.d.ts`);
    expect(target(entry, "default") === `./${base}.js`, `exports["${subpath}"].default must be ./${base}.js`);
    expect(target(entry, "require") === undefined, `exports["${subpath}"] must not claim a CommonJS build`);
  }
  expect(exportsField["./package.json"] === "./package.json", 'exports should expose "./package.json"');
  expect(pkg.main === "./dist/index.js", "main must be ./dist/index.js (for tools that ignore exports)");
  expect(pkg.types === "./dist/index.d.ts", "types must be ./dist/index.d.ts");
  expect(
    typeof pkg.bin === "object" && pkg.bin["discord-appkit"] === "./dist/cli/main.js",
    'bin must map "discord-appkit" to ./dist/cli/main.js',
  );
  return problems;
}

/** Every file that package.json points at (exports, main, types, bin), without the leading "./". */
export function referencedFiles(pkg) {
  const files = new Set();
  const add = (path) => {
    if (typeof path === "string") files.add(path.replace(/^\.\//, ""));
  };
  const walk = (value) => {
    if (typeof value === "string") add(value);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  add(pkg.main);
  add(pkg.types);
  walk(pkg.bin);
  return [...files];
}

/**
 * Checks the list of paths inside a tarball (relative to the package root): only allowed files, every
 * required and every referenced file present.
 * @param {string[]} paths
 * @param {object} pkg the package.json being packed
 */
export function checkTarballFiles(paths, pkg) {
  const problems = [];
  const present = new Set(paths);
  for (const path of paths) {
    if (!ALLOWED_FILE.test(path))
      problems.push(`tarball holds ${path}, which does not belong in the package`);
    if (/(^|\/)(test|tests|__tests__|fixtures)\//.test(path) || /\.test\.(js|d\.ts)$/.test(path)) {
      problems.push(`tarball holds test material: ${path}`);
    }
  }
  for (const path of [...REQUIRED_FILES, ...referencedFiles(pkg)]) {
    if (path !== "package.json" && !present.has(path)) problems.push(`tarball lacks ${path}`);
  }
  for (const path of paths) {
    if (path.endsWith(".js") && !present.has(path.replace(/\.js$/, ".d.ts"))) {
      problems.push(`${path} has no declaration file beside it`);
    }
  }
  return problems;
}

/** Checks built file contents for source-map comments that point at files the tarball does not ship. */
export function checkSourceMapComments(files) {
  const problems = [];
  for (const [path, text] of files) {
    const match = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text);
    if (match && !match[1].startsWith("data:")) {
      problems.push(`${path} points at a source map (${match[1]}) that is not shipped`);
    }
  }
  return problems;
}
