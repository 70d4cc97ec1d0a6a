// Keeps README.md honest: every ```ts block right after a `<!-- snippet -->` marker is type-checked
// (strict) against the built declarations and run with Node against the built package, importing
// "discord-appkit" and "discord-appkit/emulator" exactly as a user would. A snippet documents its output
// with `// → value` comments after `console.log(...)` calls; what it prints must be exactly those lines.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { transform } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");

/** The package's import paths, resolved to the built files as package.json's "exports" does. */
const SPECIFIERS: Record<string, { js: string; dts: string }> = {
  "discord-appkit": { js: "dist/index.js", dts: "dist/index.d.ts" },
  "discord-appkit/emulator": { js: "dist/emulator/index.js", dts: "dist/emulator/index.d.ts" },
  "discord-appkit/node": { js: "dist/node/index.js", dts: "dist/node/index.d.ts" },
};

interface Snippet {
  name: string;
  line: number;
  code: string;
}

/** Finds the blocks marked `<!-- snippet -->` or `<!-- snippet: name -->`. */
function extractSnippets(markdown: string): Snippet[] {
  const pattern = /<!--\s*snippet(?::\s*([\w-]+))?\s*-->\s*\n```ts\n([\s\S]*?)\n```/g;
  const snippets: Snippet[] = [];
  for (const match of markdown.matchAll(pattern)) {
    const line = markdown.slice(0, match.index).split("\n").length;
    snippets.push({ name: match[1] ?? `README.md:${line}`, line, code: match[2] ?? "" });
  }
  return snippets;
}

/** The output a snippet promises: the text after `// → ` on each line, in order. */
function expectedOutput(code: string): string[] {
  return [...code.matchAll(/\/\/ → (.*)$/gm)].map((match) => (match[1] ?? "").trimEnd());
}

function rewriteImports(code: string): string {
  return code.replace(
    /(from\s*|import\s*\(\s*)(["'])(discord-appkit(?:\/emulator|\/node)?)\2/g,
    (whole, lead, quote, spec) => {
      const target = SPECIFIERS[spec];
      return target ? `${lead}${quote}${pathToFileURL(join(root, target.js)).href}${quote}` : whole;
    },
  );
}

const snippets = extractSnippets(readme);

describe("README.md snippets", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "appkit-readme-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("has runnable snippets for the tour, OAuth2, REST and the emulator", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    const names = snippets.map((s) => s.name);
    for (const name of ["tour", "oauth2", "rest", "emulator"]) expect(names).toContain(name);
    expect(existsSync(join(root, "dist/index.js")), "run `npm run build` first").toBe(true);
  });

  it("type-checks every snippet against the built declarations (strict)", { timeout: 120_000 }, async () => {
    const files: string[] = [];
    for (const [index, snippet] of snippets.entries()) {
      const file = join(dir, `snippet-${index}-${snippet.name}.mts`);
      await writeFile(file, `${snippet.code}\nexport {};\n`);
      files.push(file);
    }
    const paths = Object.fromEntries(
      Object.entries(SPECIFIERS).map(([spec, t]) => [spec, [join(root, t.dts)]]),
    );
    const config = {
      compilerOptions: {
        target: "ES2023",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023", "DOM"],
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        noEmit: true,
        paths,
      },
      files,
    };
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(config));
    const result = await run(join(root, "node_modules/.bin/tsc"), ["-p", join(dir, "tsconfig.json")], {
      cwd: dir,
    }).then(
      () => "",
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
    );
    expect(result).toBe("");
  });

  for (const [index, snippet] of snippets.entries()) {
    it(`runs snippet "${snippet.name}" (README.md line ${snippet.line})`, { timeout: 60_000 }, async () => {
      const { code } = await transform(snippet.code, { loader: "ts", format: "esm", target: "es2023" });
      const file = join(dir, `run-${index}.mjs`);
      await writeFile(file, rewriteImports(code));
      const { stdout } = await run(process.execPath, [file], { cwd: dir, timeout: 50_000 }).catch(
        (error: { stdout?: string; stderr?: string; message: string }) => {
          throw new Error(`snippet "${snippet.name}" failed:\n${error.stderr || error.message}`);
        },
      );
      const printed = stdout.split("\n").filter((line, i, all) => line !== "" || i < all.length - 1);
      expect(printed).toEqual(expectedOutput(snippet.code));
    });
  }
});

describe("README.md links", () => {
  it("points only at files that exist (the demo screenshot included)", () => {
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1] ?? "")
      .filter((target) => !/^(https?:|mailto:|#)/.test(target));
    expect(targets).toContain("docs/demo.png");
    for (const target of targets)
      expect(existsSync(join(root, target.split("#")[0] ?? "")), target).toBe(true);
  });
});

describe("the snippet extractor", () => {
  it("finds marked ts blocks only, with their names and lines", () => {
    const markdown = [
      "# t",
      "<!-- snippet: one -->",
      "```ts",
      "const a = 1;",
      "```",
      "```ts",
      "unmarked();",
      "```",
      "<!-- snippet -->",
      "```ts",
      'import { x } from "discord-appkit";',
      "```",
    ].join("\n");
    const found = extractSnippets(markdown);
    expect(found.map((s) => [s.name, s.code])).toEqual([
      ["one", "const a = 1;"],
      ["README.md:9", 'import { x } from "discord-appkit";'],
    ]);
    expect(rewriteImports(found[1]?.code ?? "")).toContain(pathToFileURL(join(root, "dist/index.js")).href);
    expect(expectedOutput('console.log(1); // → 1\nf();\nconsole.log("a b"); // → a b  ')).toEqual([
      "1",
      "a b",
    ]);
  });
});
