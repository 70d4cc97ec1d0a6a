/**
 * The tool's dispatcher: picks the command, runs it, and turns every failure into one line on stderr
 * and an exit status (0 success, 1 error, 2 usage).
 * @module
 */
import { readFileSync } from "node:fs";
import {
  DiscordAppkitError,
  ForbiddenError,
  NetworkError,
  OAuth2Error,
  RequestTimeoutError,
  UnauthorizedError,
} from "../errors.js";
import { CliError, type CliIO, type Command, UsageError } from "./command.js";
import { appCommand } from "./commands/app.js";
import { authorizeUrlCommand } from "./commands/authorize-url.js";
import { emulatorCommand } from "./commands/emulator.js";
import { refreshCommand, revokeCommand } from "./commands/grant.js";
import { loginCommand } from "./commands/login.js";
import { tokenIdCommand } from "./commands/token-id.js";

/** The tool's name as users type it. */
const TOOL = "discord-appkit";

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  tokenIdCommand,
  authorizeUrlCommand,
  appCommand,
  loginCommand,
  refreshCommand,
  revokeCommand,
  emulatorCommand,
];

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  const list = COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join("\n");
  return `${TOOL}: Discord applications and OAuth2 from the terminal

Usage: ${TOOL} <command> [options]

Commands:
${list}

Options:
  -h, --help     Show this help (or a command's help: ${TOOL} <command> --help)
  -v, --version  Print the version

Every command takes --api-url to talk to another API (such as the local emulator).
Exit status: 0 success, 1 error, 2 usage mistake.
`;
}

function version(): string {
  try {
    const raw: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    if (typeof raw === "object" && raw !== null && "version" in raw && typeof raw.version === "string")
      return raw.version;
  } catch {
    // Fall through: a missing package.json only costs the version number.
  }
  return "unknown";
}

/**
 * Runs the tool with `args` (the arguments after the program name) and resolves to the exit status.
 * It never throws: every failure is reported on `io.stderr`.
 */
export async function run(args: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.stderr.write(toolHelp());
    return 2;
  }
  if (name === "-h" || name === "--help" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.stdout.write(topic ? `${topic.help}\n` : toolHelp());
    return 0;
  }
  if (name === "-v" || name === "--version") {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`${TOOL}: unknown command '${clip(name)}' (run '${TOOL} --help' for the list)\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const secrets = secretsOf(rest, io.env);
    if (error instanceof UsageError) {
      io.stderr.write(
        `${TOOL} ${command.name}: ${redact(error.message, secrets)} (see '${TOOL} ${command.name} --help')\n`,
      );
      return 2;
    }
    io.stderr.write(`${TOOL} ${command.name}: ${redact(describeFailure(error), secrets)}\n`);
    if (io.env.DISCORD_APPKIT_DEBUG && error instanceof Error && error.stack) {
      io.stderr.write(`${redact(error.stack, secrets)}\n`);
    }
    return 1;
  }
}

/** One line that explains a failure to a person, without a stack trace. */
function describeFailure(error: unknown): string {
  if (error instanceof CliError) return oneLine(error.message);
  if (error instanceof UnauthorizedError) return "Discord rejected the token (401 Unauthorized)";
  if (error instanceof OAuth2Error) {
    return `the token endpoint refused the request: ${error.error}${error.description ? ` (${oneLine(error.description)})` : ""}`;
  }
  if (error instanceof ForbiddenError) {
    return `forbidden (403): ${oneLine(error.discordMessage || "the token lacks a scope or permission")}`;
  }
  if (error instanceof NetworkError || error instanceof RequestTimeoutError) {
    return `${oneLine(error.message)} (is the API URL right and reachable?)`;
  }
  if (error instanceof DiscordAppkitError || error instanceof TypeError || error instanceof RangeError) {
    return oneLine(error.message);
  }
  if (error instanceof Error) return `unexpected failure: ${oneLine(error.message)}`;
  return `unexpected failure: ${oneLine(String(error))}`;
}

function oneLine(text: string): string {
  return text
    .split(/\s*\n\s*/)
    .filter((part) => part !== "")
    .join("; ");
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const SECRET_FLAGS = new Set(["--token", "--client-secret"]);
const SECRET_ENV = ["DISCORD_TOKEN", "DISCORD_CLIENT_SECRET"];

function secretsOf(args: readonly string[], env: CliIO["env"]): string[] {
  const found: string[] = [];
  args.forEach((arg, index) => {
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag !== undefined && SECRET_FLAGS.has(flag)) {
      const value = inline ?? args[index + 1];
      if (value) found.push(value);
    }
  });
  for (const key of SECRET_ENV) {
    const value = env[key];
    if (value) found.push(value);
  }
  return found.filter((secret) => secret.length >= 6);
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join("[redacted]"), text);
}
