import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkManifest,
  checkSourceMapComments,
  checkTarballFiles,
  referencedFiles,
} from "../../scripts/lib/package-rules.mjs";

const root = resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;

interface PackResult {
  files: { path: string }[];
}

function packedPaths(): string[] {
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [result] = JSON.parse(output) as PackResult[];
  return (result?.files ?? []).map((file) => file.path);
}

describe("package.json", () => {
  it("declares an ESM-only package with the main entry, ./emulator, the bin, sideEffects and engines", () => {
    expect(checkManifest(pkg)).toEqual([]);
  });

  it("rules catch a broken manifest", () => {
    const broken = {
      ...pkg,
      sideEffects: true,
      exports: { ".": { default: "./dist/index.js" } },
      engines: {},
    };
    const problems = checkManifest(broken);
    expect(problems).toContain("sideEffects must be false");
    expect(problems).toContain('exports has no "./emulator" entry');
    expect(problems.some((p) => p.startsWith("engines.node"))).toBe(true);
    expect(problems.some((p) => p.includes('"types" must come first'))).toBe(true);
  });

  it("keeps the package version and the user agent's version equal", () => {
    const version = readFileSync(join(root, "src/rest/version.ts"), "utf8");
    expect(version).toContain(`"${pkg.version as string}"`);
  });
});

describe("the packed file list (npm pack --dry-run)", () => {
  const paths = packedPaths();

  it("holds dist/, types, README, LICENSE and package.json, and nothing else", () => {
    expect(checkTarballFiles(paths, pkg)).toEqual([]);
  });

  it("ships every file package.json points at", () => {
    const referenced = referencedFiles(pkg);
    expect(referenced).toContain("dist/index.js");
    for (const file of referenced) expect(paths).toContain(file);
  });

  it("ships no source-map comment pointing at a missing map", () => {
    const built = paths
      .filter((path) => path.endsWith(".js"))
      .map((path): [string, string] => [path, readFileSync(join(root, path), "utf8")]);
    expect(built.map(([path]) => path)).toContain("dist/index.js");
    expect(checkSourceMapComments(built)).toEqual([]);
  });

  it("rules catch stray files", () => {
    const stray = [...paths, "test/fixtures/app.json", "dist/index.js.map", "src/index.ts"];
    const problems = checkTarballFiles(stray, pkg);
    expect(problems).toContain("tarball holds test/fixtures/app.json, which does not belong in the package");
    expect(problems).toContain("tarball holds dist/index.js.map, which does not belong in the package");
    expect(problems).toContain("tarball holds src/index.ts, which does not belong in the package");
    expect(
      checkTarballFiles(
        paths.filter((p) => p !== "README.md"),
        pkg,
      ),
    ).toContain("tarball lacks README.md");
  });
});
