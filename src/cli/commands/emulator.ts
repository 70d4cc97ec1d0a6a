/**
 * `discord-appkit emulator`: runs the local Discord emulator in the foreground.
 * @module
 */
import { startEmulator } from "../../emulator/index.js";
import { CliError, type Command, defineCommand, integerOption, UsageError, urlOption } from "../command.js";
import { plural } from "../format.js";

const DEFAULT_PORT = 8787;

/** The `emulator` command. */
export const emulatorCommand: Command = defineCommand({
  name: "emulator",
  summary: "Run the local Discord API and OAuth2 emulator",
  help: `Usage: discord-appkit emulator [--port N | --api-url URL] [--seed S] [--json]

Runs a local, offline imitation of Discord's API and OAuth2 consent page, seeded with a demo
application, users, guilds and connections, and prints its URLs and the demo credentials. It runs
until Ctrl-C (SIGINT) or SIGTERM. Point other commands at it with --api-url.

Options:
  --port N             Port to listen on, on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --seed S             Seed for the generated data (the same seed gives the same data)
  --json               Print the URLs and credentials as one line of JSON

Common options:
  --api-url URL        The API URL to serve, such as http://127.0.0.1:${DEFAULT_PORT}/api/v10: the emulator
                       listens on its host and port, so one URL can serve the emulator and the
                       other commands' --api-url
  -h, --help           Show this help`,
  options: {
    port: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
  },
  async run({ values }, io) {
    const listen = listenTarget(values["api-url"], integerOption(values.port, "port", 0, 65_535));
    const emulator = await startEmulator({
      ...listen,
      ...(values.seed === undefined ? {} : { seed: values.seed }),
    }).catch((error: unknown) => {
      const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
      throw new CliError(`cannot listen on ${listen.host}:${listen.port} (${reason})`);
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
});

/** Where to listen: the host and port of `--api-url`, else 127.0.0.1 and `--port`. */
function listenTarget(apiUrl: string | undefined, port: number | undefined): { host: string; port: number } {
  const url = urlOption(apiUrl, "api-url");
  if (url === undefined) return { host: "127.0.0.1", port: port ?? DEFAULT_PORT };
  const { protocol, hostname, port: urlPort, pathname } = new URL(url);
  if (protocol !== "http:") throw new UsageError("--api-url must be an http URL: the emulator serves no TLS");
  if (!/^\/(api(\/v(9|10))?)?$/.test(pathname))
    throw new UsageError(
      "--api-url must end in /api/v10 (or /api/v9, /api): that is where the emulator serves",
    );
  const listenPort = Number(urlPort || 80);
  if (port !== undefined && port !== listenPort) throw new UsageError("--port and --api-url disagree");
  return { host: hostname.replace(/^\[(.*)\]$/, "$1"), port: listenPort };
}
