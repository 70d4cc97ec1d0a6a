/**
 * `discord-appkit token-id`: the bot user ID a bot token carries.
 * @module
 */
import { getTokenId } from "../../tokens.js";
import { CliError, COMMON_HELP, type Command, defineCommand, UsageError } from "../command.js";
import { botTokenFrom } from "../options.js";

/** The `token-id` command. */
export const tokenIdCommand: Command = defineCommand({
  name: "token-id",
  summary: "Print the bot user ID a bot token carries",
  help: `Usage: discord-appkit token-id [TOKEN] [--json]

Prints the ID of the bot user that a bot token belongs to, read from the token's first segment
(no request is made). Without TOKEN, the DISCORD_TOKEN environment variable is used.
The bot user's ID usually equals the application ID, but not for some old bots.

Options:
  --json               Print {"id": "..."} instead of the bare ID
${COMMON_HELP}`,
  options: { json: { type: "boolean" } },
  positionals: { min: 0, max: 1, name: "TOKEN" },
  async run({ values, positionals }, io) {
    const token = botTokenFrom(positionals[0] ?? io.env.DISCORD_TOKEN);
    if (token === undefined) throw new UsageError("missing TOKEN (pass it or set DISCORD_TOKEN)");
    let id: string;
    try {
      id = getTokenId(token);
    } catch {
      throw new CliError("this is not a bot token: its first segment does not encode a user ID");
    }
    io.stdout.write(values.json ? `${JSON.stringify({ id })}\n` : `${id}\n`);
    return 0;
  },
});
