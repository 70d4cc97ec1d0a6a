/**
 * `discord-appkit emulator`: runs the local Discord emulator in the foreground.
 * @module
 */
import { startEmulator } from "../../emulator/index.js";
import { type Command, integerOption, parseCommandArgs, UsageError } from "../command.js";
import { plural } from "../format.js";

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
} as const;

/** The `emulator` command. */
export const emulatorCommand: Command = {
  name: "emulator",
  summary: "Run the local Discord API and OAuth2 emulator",
  help: `Usage: discord-appkit emulator [--port N] [--seed S] [--json]

Runs a local, offline imitation of Discord's API and OAuth2 consent page, seeded with a demo
application, users, guilds and connections, and prints its URLs and the demo credentials. It runs
until Ctrl-C (SIGINT) or SIGTERM. Point other commands at it with --api-url.

Options:
  --port N             Port to listen on (default 8787; 0 picks a free one)
  --seed S             Seed for the generated data (the same seed gives the same data)
  --json               Print the URLs and credentials as one line of JSON
  -h, --help           Show this help

(--api-url, which the other commands take, does not apply here: the emulator is the API.)`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, OPTIONS);
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    if (values["api-url"] !== undefined)
      throw new UsageError("--api-url does not apply: the emulator is the API");
    const port = integerOption(values.port, "port", 0, 65535) ?? 8787;
    const emulator = await startEmulator({
      port,
      ...(values.seed === undefined ? {} : { seed: values.seed }),
    });
    try {
      const { application } = emulator;
      const users = emulator.users.map((user) => ({
        id: user.id,
        username: user.username,
        guildCount: user.guildCount,
      }));
      if (values.json) {
        const info = {
          url: emulator.url,
          apiUrl: emulator.apiUrl,
          authorizeUrl: emulator.authorizeUrl,
          application: {
            id: application.id,
            clientSecret: application.clientSecret,
            botToken: application.botToken,
            redirectUris: application.redirectUris,
          },
          users,
        };
        io.stdout.write(`${JSON.stringify(info)}\n`);
      } else {
        const userList = users
          .map((user) => `${user.username} (${user.id}, ${plural(user.guildCount, "guild")})`)
          .join("\n                  ");
        io.stdout.write(`Discord emulator listening on ${emulator.url}

  API URL:        ${emulator.apiUrl}
  Authorize URL:  ${emulator.authorizeUrl}

Demo application (offline credentials, not real secrets)
  Client ID:      ${application.id}
  Client secret:  ${application.clientSecret}
  Bot token:      ${application.botToken}
  Name:           ${application.name}
  Redirect URIs:  ${application.redirectUris.join(", ")}  (any port on loopback hosts)
  Users:          ${userList}

Try:
  DISCORD_TOKEN=${application.botToken} discord-appkit app --api-url ${emulator.apiUrl}
  discord-appkit login --client-id ${application.id} --scope "identify guilds connections" --api-url ${emulator.apiUrl}

Press Ctrl-C to stop.
`);
      }
      await new Promise<void>((resolve) => {
        if (io.signal.aborted) resolve();
        else io.signal.addEventListener("abort", () => resolve(), { once: true });
      });
    } finally {
      await emulator.close();
    }
    if (!values.json) io.stderr.write("Emulator stopped.\n");
    return 0;
  },
};
