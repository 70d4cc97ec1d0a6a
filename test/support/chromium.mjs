// Where the tests find Chromium and how they start it, shared by the browser test and the runtime suite.
import { constants } from "node:fs";
import { access } from "node:fs/promises";

/** Where Chromium may be: CHROMIUM_PATH when set, else the usual system locations. */
export const CHROMIUM_CANDIDATES = process.env.CHROMIUM_PATH
  ? [process.env.CHROMIUM_PATH]
  : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * Flags for a headless Chromium on a machine with a closed network: no sandbox (CI runs as root), no GPU,
 * and none of the background connections that such a network refuses.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The first executable Chromium of {@link CHROMIUM_CANDIDATES}; throws how to install one otherwise. */
export async function requireChromium() {
  for (const candidate of CHROMIUM_CANDIDATES) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Try the next location.
    }
  }
  throw new Error(
    `Chromium is not installed (looked at ${CHROMIUM_CANDIDATES.join(", ")}). Install it (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH; browser checks never skip themselves.`,
  );
}
