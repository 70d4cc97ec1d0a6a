/**
 * The small framework every command of the `discord-appkit` tool is built on: the I/O a command may use,
 * argument parsing on top of `node:util`'s `parseArgs`, and the two kinds of failure the tool reports.
 * @module
 */
import { parseArgs } from "node:util";

/** Where a command reads its environment and writes its output. */
export interface CliIO {
  /** Results go here (one value per line, or JSON). */
  readonly stdout: CliStream;
  /** Prompts, progress and errors go here. */
  readonly stderr: CliStream;
  /** The environment (`DISCORD_TOKEN`, `CI`, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the user interrupts the tool (Ctrl-C, SIGTERM). */
  readonly signal: AbortSignal;
}

/** The part of a Node writable stream the tool needs. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** A wrong invocation: unknown option, missing argument, bad value. The tool exits with status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A failure the user can understand and act on, reported in one line. The tool exits with status 1. */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** One sub-command of the tool, as the dispatcher sees it. */
export interface Command {
  /** The word that selects it (`app`, `login`, ...). */
  readonly name: string;
  /** One line for the tool's command list. */
  readonly summary: string;
  /** The full text `--help` prints. */
  readonly help: string;
  /** Runs the command with its own arguments; resolves to the exit status. */
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** What a command's body receives: its parsed options and positional arguments. */
export interface ParsedArgs<T extends OptionSpecs> {
  /** Option values by long name, {@link COMMON_OPTIONS} included. */
  readonly values: OptionValues<T & typeof COMMON_OPTIONS>;
  /** The arguments that are not options, in order. */
  readonly positionals: readonly string[];
}

/** How a command is declared: its texts, its options, and a body that runs on parsed arguments. */
export interface CommandSpec<T extends OptionSpecs> {
  /** {@link Command.name}. */
  readonly name: string;
  /** {@link Command.summary}. */
  readonly summary: string;
  /** {@link Command.help}. */
  readonly help: string;
  /** The command's own options; {@link COMMON_OPTIONS} are added to them. */
  readonly options: T;
  /** How many positional arguments it takes (default none). */
  readonly positionals?: PositionalRule;
  /** The command itself; `--help` and argument errors are handled before it runs. */
  run(args: ParsedArgs<T>, io: CliIO): Promise<number>;
}

/**
 * Builds a {@link Command} from its declaration: parses the arguments strictly, answers `--help`, and
 * only then runs the body, so no command repeats that work.
 */
export function defineCommand<const T extends OptionSpecs>(spec: CommandSpec<T>): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(args, io) {
      const parsed = parseCommandArgs(args, spec.options, spec.positionals);
      if (parsed.values.help) {
        io.stdout.write(`${spec.help}\n`);
        return 0;
      }
      return spec.run(parsed, io);
    },
  };
}

/** How one option is spelled and what it holds, as `node:util`'s `parseArgs` takes it. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
}

/** The options of one command, by long name. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed values for `T`: booleans, strings, or string lists for repeatable options. */
export type OptionValues<T extends OptionSpecs> = {
  readonly [K in keyof T]?: T[K]["type"] extends "boolean"
    ? boolean
    : T[K]["multiple"] extends true
      ? string[]
      : string;
};

/** Options every command accepts. */
const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  "api-url": { type: "string" },
} as const satisfies OptionSpecs;

/** Help lines for {@link COMMON_OPTIONS}, appended to every command's help. */
export const COMMON_HELP = `
Common options:
  --api-url URL        Discord API base URL (default https://discord.com/api/v10); point it at the
                       emulator, e.g. http://127.0.0.1:8787/api/v10
  -h, --help           Show this help`;

/** Bounds on how many positional arguments a command takes. */
export interface PositionalRule {
  readonly min: number;
  readonly max: number;
  /** How the positionals are named in messages, such as `"FILE"`. */
  readonly name: string;
}

/**
 * Parses a command's arguments strictly, turning every `parseArgs` complaint into a one-line
 * {@link UsageError}. `--help` short-circuits the positional checks.
 */
function parseCommandArgs<const T extends OptionSpecs>(
  args: readonly string[],
  options: T,
  positionals: PositionalRule = { min: 0, max: 0, name: "" },
): ParsedArgs<T> {
  let parsed: ParsedArgs<T>;
  try {
    // parseArgs's own result type cannot be resolved for a generic T; in strict mode it guarantees
    // exactly the shape that OptionValues describes.
    parsed = parseArgs({
      args: [...args],
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    }) as ParsedArgs<T>;
  } catch (error) {
    throw new UsageError(firstSentence(error instanceof Error ? error.message : String(error)));
  }
  if (!parsed.values.help) {
    const count = parsed.positionals.length;
    if (count < positionals.min) throw new UsageError(`missing ${positionals.name}`);
    // The extra argument is not echoed: it may be a token typed in the wrong place.
    if (count > positionals.max) {
      throw new UsageError(
        positionals.max === 0
          ? "unexpected argument: this command takes options only"
          : `too many arguments: expected at most ${positionals.max} (${positionals.name})`,
      );
    }
  }
  return parsed;
}

function firstSentence(message: string): string {
  const line = message.split("\n")[0] ?? message;
  const cut = line.indexOf(". ");
  return (cut === -1 ? line : line.slice(0, cut)).replace(/\.$/, "");
}

/** Reads a required string option or fails with a usage error naming it. */
export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value === "") throw new UsageError(`missing required option --${flag}`);
  return value;
}

/** Parses a decimal integer option within bounds. */
export function integerOption(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number`);
  const number = Number(value);
  if (number < min || number > max) throw new UsageError(`--${flag} must be between ${min} and ${max}`);
  return number;
}

/** Checks that an option holds an absolute http(s) URL and returns it without a trailing slash. */
export function urlOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${flag} must be an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--${flag} must be an http(s) URL`);
  return value.replace(/\/+$/, "");
}

/** Whether the tool may draw progress indicators and open a browser: a terminal, and not CI. */
export function isInteractive(io: CliIO): boolean {
  return io.stderr.isTTY === true && !io.env.CI;
}
