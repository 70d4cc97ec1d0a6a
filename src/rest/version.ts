/**
 * The library's version, sent in the `User-Agent` header. Kept equal to `version` in package.json.
 */
export const VERSION = "0.1.0";
