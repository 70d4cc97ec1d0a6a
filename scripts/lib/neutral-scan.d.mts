/** Globals that exist in Node but not in browsers or Workers. */
export declare const NODE_ONLY_GLOBALS: readonly string[];

/** Finds references to Node-only globals in one JavaScript source text. */
export declare function findNodeOnlyGlobals(
  fileName: string,
  text: string,
): { line: number; column: number; name: string }[];

/** Bundles `entry` for the neutral platform and scans every file it pulls in. */
export declare function scanNeutralEntry(
  entry: string,
  options?: { cwd?: string },
): Promise<{ problems: string[]; files: string[] }>;
