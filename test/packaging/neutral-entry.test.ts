import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNodeOnlyGlobals, scanNeutralEntry } from "../../scripts/lib/neutral-scan.mjs";

const root = resolve(import.meta.dirname, "../..");

describe("the main entry point uses no Node-only API", () => {
  it("dist/index.js bundles for platform=neutral and references no Node-only global", async () => {
    expect(existsSync(join(root, "dist/index.js")), "run `npm run build` first").toBe(true);
    const { problems, files } = await scanNeutralEntry("dist/index.js", { cwd: root });
    expect(problems).toEqual([]);
    expect(files).toContain("dist/index.js");
    expect(files.some((file) => file.startsWith("dist/emulator/") || file.startsWith("dist/cli/"))).toBe(
      false,
    );
  });
});

describe("the scan itself", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "appkit-scan-"));
    await writeFile(
      join(dir, "imports-node.js"),
      'import { readFile } from "node:fs";\nexport const r = readFile;\n',
    );
    await writeFile(join(dir, "imports-bare.js"), 'export { x } from "some-package";\n');
    await writeFile(join(dir, "dynamic-node.js"), 'export const load = () => import("node:crypto");\n');
    await writeFile(join(dir, "clean.js"), "export const ok = new TextEncoder().encode('process');\n");
    await writeFile(
      join(dir, "uses-globals.js"),
      'import "./clean.js";\nexport const b = Buffer.from("x");\n',
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(["imports-node.js", "imports-bare.js", "dynamic-node.js"])(
    "rejects an entry that %s",
    async (file) => {
      const { problems } = await scanNeutralEntry(file, { cwd: dir });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.join("\n")).toMatch(/Could not resolve/);
    },
  );

  it("reports a Node-only global in a bundled file with its location", async () => {
    const { problems, files } = await scanNeutralEntry("uses-globals.js", { cwd: dir });
    expect(files.sort()).toEqual(["clean.js", "uses-globals.js"]);
    expect(problems).toEqual(["uses-globals.js:2:18: Node-only global Buffer"]);
  });

  it("accepts a clean module, including the word in a string", async () => {
    expect((await scanNeutralEntry("clean.js", { cwd: dir })).problems).toEqual([]);
  });

  it("finds references, not property names or local bindings", () => {
    const source = [
      "const a = process.env.X;",
      "const b = globalThis.Buffer;",
      'const c = self["setImmediate"];',
      "const d = { process: 1, require() {} };",
      "d.process; d.Buffer;",
      "typeof __dirname;",
    ].join("\n");
    expect(findNodeOnlyGlobals("x.js", source).map((hit) => `${hit.line}:${hit.name}`)).toEqual([
      "1:process",
      "2:globalThis.Buffer",
      '3:self["setImmediate"]',
      "6:__dirname",
    ]);
    expect(findNodeOnlyGlobals("y.js", "function f(process) { return process.cwd(); }")).toEqual([]);
  });
});
