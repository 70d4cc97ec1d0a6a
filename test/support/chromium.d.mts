/** Where Chromium may be: CHROMIUM_PATH when set, else the usual system locations. */
export declare const CHROMIUM_CANDIDATES: readonly string[];
/** Flags for a headless Chromium on a machine with a closed network. */
export declare const CHROMIUM_ARGS: readonly string[];
/** The first executable Chromium of {@link CHROMIUM_CANDIDATES}; throws how to install one otherwise. */
export declare function requireChromium(): Promise<string>;
