/** Checks package.json fields: ESM, exports (main, ./emulator), bin, types, sideEffects, engines. */
export declare function checkManifest(pkg: Record<string, unknown>): string[];
/** Every file that package.json points at (exports, main, types, bin), without the leading "./". */
export declare function referencedFiles(pkg: Record<string, unknown>): string[];
/** Checks the list of paths inside a tarball: only allowed files; required and referenced files present. */
export declare function checkTarballFiles(paths: string[], pkg: Record<string, unknown>): string[];
/** Checks built file contents for source-map comments that point at files not shipped. */
export declare function checkSourceMapComments(files: Iterable<[string, string]>): string[];
