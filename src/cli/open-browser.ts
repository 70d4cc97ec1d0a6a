/**
 * Opening a URL in the user's browser, best effort, the way `gh auth login` does.
 * @module
 */
import { spawn } from "node:child_process";
import { type CliIO, isInteractive } from "./command.js";

/**
 * The opener for this platform: `open` (macOS), the URL handler of `rundll32` (Windows: unlike
 * `cmd /c start`, it does not parse the `&` in a query string as a command separator) or `xdg-open`.
 */
function opener(url: string): [string, string[]] {
  if (process.platform === "darwin") return ["open", [url]];
  if (process.platform === "win32") return ["rundll32", ["url.dll,FileProtocolHandler", url]];
  return ["xdg-open", [url]];
}

/**
 * Opens `url` in a browser when a person is at an interactive terminal and the tool is not in CI
 * (`BROWSER=none` also turns it off). Returns whether it tried; failures are silent because the URL
 * is printed anyway.
 */
export function openBrowser(url: string, io: CliIO): boolean {
  if (!isInteractive(io) || io.stdout.isTTY !== true || io.env.BROWSER === "none") return false;
  const [command, args] = opener(url);
  try {
    const child = spawn(io.env.BROWSER || command, io.env.BROWSER ? [url] : args, {
      stdio: "ignore",
      detached: true,
    });
    child.on("error", () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
