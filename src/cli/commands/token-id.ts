/**
 * `discord-appkit token-id`: the bot user ID a bot token carries.
 * @module
 */
import { getTokenId } from "../../tokens.js";
import { CliError, COMMON_HELP, type Command, parseCommandArgs, UsageError } from "../command.js";

const OPTIONS = {
  json: { type: "boolean" },
} as const;

/** The `token-id` command. */
export const tokenIdCommand: Command = {
  name: "token-id",
  summary: "Print the bot user ID a bot token carries",
  help: `Usage: discord-appkit token-id [TOKEN] [--json]

Prints the ID of the bot user that a bot token belongs to, read from the token's first segment
(no request is made). Without TOKEN, the DISCORD_TOKEN environment variable is used.
The bot user's ID usually equals the application ID, but not for some old bots.

Options:
  --json               Print {"id": "..."} instead of the bare ID
${COMMON_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, { min: 0, max: 1, name: "TOKEN" });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const token = positionals[0] ?? io.env.DISCORD_TOKEN;
    if (!token) throw new UsageError("missing TOKEN (pass it or set DISCORD_TOKEN)");
    let id: string;
    try {
      id = getTokenId(token.replace(/^Bot\s+/i, "").trim());
    } catch {
      throw new CliError("this is not a bot token: its first segment does not encode a user ID");
    }
    io.stdout.write(values.json ? `${JSON.stringify({ id })}\n` : `${id}\n`);
    return 0;
  },
};
