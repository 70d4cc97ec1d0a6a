// Static gate for the main entry point: it must run where only fetch, WebCrypto, URL and TextEncoder
// exist. esbuild bundles the entry for the "neutral" platform (so any node:* or bare import fails to
// resolve), then every bundled file is parsed and searched for references to Node-only globals.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { build } from "esbuild";
import ts from "typescript";

/** Globals that exist in Node (and Bun, Deno's Node mode) but not in browsers or Workers. */
export const NODE_ONLY_GLOBALS = [
  "Buffer",
  "process",
  "require",
  "module",
  "__dirname",
  "__filename",
  "global",
  "setImmediate",
  "clearImmediate",
];
const FORBIDDEN = new Set(NODE_ONLY_GLOBALS);
const GLOBAL_OBJECTS = new Set(["globalThis", "self", "window", "global"]);

function isReference(node) {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  ) {
    return false;
  }
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isMetaProperty(parent)) return false;
  return true;
}

function declaredNames(sourceFile) {
  const names = new Set();
  const visit = (node) => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isClassDeclaration(node) ||
        ts.isClassExpression(node) ||
        ts.isImportClause(node) ||
        ts.isNamespaceImport(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    if (ts.isImportSpecifier(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/**
 * Finds references to Node-only globals in one JavaScript source text. A name that the file declares
 * itself (a local `process` variable, say) is not reported.
 * @returns {{ line: number, column: number, name: string }[]}
 */
export function findNodeOnlyGlobals(fileName, text) {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const declared = declaredNames(sourceFile);
  const found = [];
  const report = (node, name) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ line: line + 1, column: character + 1, name });
  };
  const visit = (node) => {
    if (ts.isIdentifier(node) && FORBIDDEN.has(node.text) && !declared.has(node.text) && isReference(node)) {
      report(node, node.text);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      GLOBAL_OBJECTS.has(node.expression.text) &&
      FORBIDDEN.has(node.name.text)
    ) {
      report(node, `${node.expression.text}.${node.name.text}`);
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      GLOBAL_OBJECTS.has(node.expression.text) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      FORBIDDEN.has(node.argumentExpression.text)
    ) {
      report(node, `${node.expression.text}[${JSON.stringify(node.argumentExpression.text)}]`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * Bundles `entry` for the neutral platform and scans every file it pulls in.
 * @param {string} entry path of the built entry point (dist/index.js)
 * @param {{ cwd?: string }} [options]
 * @returns {Promise<{ problems: string[], files: string[] }>} human-readable problems (empty when clean)
 *   and the files the bundle contains, relative to `cwd`.
 */
export async function scanNeutralEntry(entry, { cwd = process.cwd() } = {}) {
  let result;
  try {
    result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "neutral",
      format: "esm",
      target: "es2023",
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: cwd,
    });
  } catch (error) {
    const messages = error.errors ?? [{ text: String(error) }];
    return {
      problems: messages.map((m) =>
        m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ${m.text}` : m.text,
      ),
      files: [],
    };
  }
  const problems = [];
  const files = Object.keys(result.metafile.inputs);
  for (const file of files) {
    const text = await readFile(resolve(cwd, file), "utf8");
    for (const hit of findNodeOnlyGlobals(file, text)) {
      problems.push(`${file}:${hit.line}:${hit.column}: Node-only global ${hit.name}`);
    }
  }
  return { problems, files };
}
