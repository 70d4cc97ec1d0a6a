import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built binary the tests run: `npm run build` (or `npm test`) makes it. */
export const BIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** Fails loudly when the binary has not been built. */
export function requireBuild(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before the CLI tests`);
}

/** Environment without the variables the tool reads, so the tests see only what they pass. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    "DISCORD_TOKEN",
    "DISCORD_CLIENT_ID",
    "DISCORD_CLIENT_SECRET",
    "DISCORD_REDIRECT_URI",
    "DISCORD_APPKIT_DEBUG",
  ]) {
    delete env[key];
  }
  return { ...env, CI: "1", NO_COLOR: "1", ...extra };
}

/** What a finished run produced. */
export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the binary to completion. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A running binary whose output the test can wait on. */
export interface LiveCli {
  readonly child: ChildProcess;
  /** Resolves with the accumulated text of `stream` once it matches `pattern`. */
  waitFor(stream: "stdout" | "stderr", pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves when the process exits. */
  readonly done: Promise<RunResult>;
}

/** Starts the binary and keeps it running. */
export function startCli(args: readonly string[], env: Record<string, string> = {}): LiveCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const text = { stdout: "", stderr: "" };
  const listeners: Array<() => void> = [];
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream].setEncoding("utf8").on("data", (chunk: string) => {
      text[stream] += chunk;
      for (const listener of [...listeners]) listener();
    });
  }
  const done = new Promise<RunResult>((resolve) => {
    child.on("close", (code) => {
      resolve({ code, ...text });
      for (const listener of [...listeners]) listener();
    });
  });
  return {
    child,
    done,
    waitFor(stream, pattern) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = text[stream].match(pattern);
          if (match) {
            listeners.splice(listeners.indexOf(check), 1);
            resolve(match);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.splice(listeners.indexOf(check), 1);
            reject(new Error(`exited before ${stream} matched ${pattern}: ${JSON.stringify(text)}`));
          }
        };
        listeners.push(check);
        check();
      });
    },
  };
}

/** Lines of a stream, without the empty last one. */
export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}
