/**
 * `discord-appkit login`: the whole authorization-code flow from a terminal, with a loopback redirect
 * server, PKCE and state, then a summary of what the grant allows.
 * @module
 */
import { OAuth2AuthorizationError, OAuth2StateMismatchError } from "../../errors.js";
import { parseAuthorizationCallback } from "../../oauth2/callback.js";
import { createPkcePair } from "../../oauth2/pkce.js";
import { generateState } from "../../oauth2/state.js";
import {
  CliError,
  type CliIO,
  COMMON_HELP,
  type Command,
  defineCommand,
  integerOption,
  UsageError,
} from "../command.js";
import { saveGrant } from "../grant-file.js";
import { type LoopbackOptions, type LoopbackServer, startLoopbackServer } from "../loopback.js";
import { openBrowser } from "../open-browser.js";
import {
  apiUrlFor,
  authorizationUrlOrUsageError,
  authorizeUrlFor,
  clientIdOption,
  clientSecretFrom,
  scopesOption,
} from "../options.js";
import { Progress, withProgress } from "../progress.js";
import { createRestApp, describeGrant } from "../rest.js";

const DEFAULT_SCOPES = ["identify", "guilds", "connections"];

/** The `login` command. */
export const loginCommand: Command = defineCommand({
  name: "login",
  summary: "Authorize an app as yourself (OAuth2 code flow with PKCE) and show the grant",
  help: `Usage: discord-appkit login --client-id ID [--client-secret S] [--scope SCOPE...] [options]

Runs the OAuth2 authorization-code flow from the terminal: starts a one-shot redirect server on
127.0.0.1, prints the consent URL (and opens your browser on an interactive terminal), waits for
you to approve, exchanges the code with PKCE and state, then shows who authorized, the scopes, the
expiry, and your guilds and connections when the scopes allow.

The redirect URI must be registered for the application. By default it is
http://127.0.0.1:<port>/callback: register that exact URI and pass the same --port (or pass
--redirect-uri). A public client (PKCE only) needs no secret.

Options:
  --client-id ID         The application (client) ID
  --client-secret S      The client secret (default, and safer: the DISCORD_CLIENT_SECRET variable;
                         omit both for a public client, which PKCE alone authenticates)
  --scope SCOPE          Scopes to ask for; repeat or separate with spaces (default "${DEFAULT_SCOPES.join(" ")}")
  --port N               Port of the loopback redirect server (default: any free port)
  --redirect-uri URI     A loopback redirect URI such as http://127.0.0.1:53682/callback
  --authorize-url URL    The consent page (default: derived from --api-url, else Discord's)
  --save FILE            Store the grant (tokens and expiry) in FILE, readable only by you (0600),
                         for 'discord-appkit refresh FILE' and 'discord-appkit revoke FILE'
  --timeout SECONDS      How long to wait for the consent (default 300)
  --no-browser           Only print the URL
${COMMON_HELP}

Example (against the emulator):
  discord-appkit login --client-id 1234567890 --api-url http://127.0.0.1:8787/api/v10 --save grant.json`,
  options: {
    "client-id": { type: "string" },
    "client-secret": { type: "string" },
    scope: { type: "string", multiple: true },
    "redirect-uri": { type: "string" },
    port: { type: "string" },
    "authorize-url": { type: "string" },
    save: { type: "string" },
    timeout: { type: "string" },
    "no-browser": { type: "boolean" },
  },
  async run({ values }, io) {
    const clientId = clientIdOption(values["client-id"]);
    const credentials = { clientId, ...clientSecretFrom(values["client-secret"], io) };
    const scopes = scopesOption(values.scope);
    const apiUrl = apiUrlFor(values["api-url"]);
    const authorizeUrl = authorizeUrlFor(values["authorize-url"], values["api-url"]);
    const timeout = integerOption(values.timeout, "timeout", 1, 86_400) ?? 300;
    const listen = loopbackTarget(values["redirect-uri"], integerOption(values.port, "port", 0, 65_535));

    const state = generateState();
    const pkce = await createPkcePair();
    const server = await startLoopbackServer(listen).catch((error: unknown) => {
      throw new CliError(
        `cannot listen on ${listen.host}:${listen.port} (${error instanceof Error ? error.message : error})`,
      );
    });
    try {
      const url = authorizationUrlOrUsageError({
        authorizeUrl,
        clientId,
        scopes: scopes.length > 0 ? scopes : DEFAULT_SCOPES,
        redirectUri: server.redirectUri,
        state,
        codeChallenge: pkce.challenge,
      });
      // The URL goes to stderr with the other prompts: stdout is kept for the result.
      io.stderr.write(`Open this URL in your browser to authorize the application:\n\n  ${url.href}\n\n`);
      if (!values["no-browser"] && openBrowser(url.href, io))
        io.stderr.write("(Opened it in your browser.)\n");

      const code = await waitForCode(io, server, state, timeout);
      const rest = createRestApp(apiUrl);
      const token = await withProgress(io, "Exchanging the authorization code…", () =>
        rest.acquire().authorizeAccessToken({
          ...credentials,
          code,
          redirectUri: server.redirectUri,
          codeVerifier: pkce.verifier,
        }),
      );

      // Saved before anything else can fail: the code is spent, so this grant cannot be had again.
      if (values.save !== undefined) await saveGrant(values.save, { clientId, apiUrl, token });
      io.stdout.write(await describeGrant(io, rest, token));
      if (values.save !== undefined)
        io.stdout.write(`\nSaved the grant to ${values.save} (readable only by you).\n`);
      return 0;
    } finally {
      await server.close();
    }
  },
});

/** Where the loopback server listens: from `--redirect-uri` (checked) or `--port`, else any free port. */
function loopbackTarget(redirectUri: string | undefined, port: number | undefined): LoopbackOptions {
  if (redirectUri === undefined) return { host: "127.0.0.1", port: port ?? 0, path: "/callback" };
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    throw new UsageError("--redirect-uri must be an absolute URL");
  }
  if (url.protocol !== "http:" || !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new UsageError(
      "--redirect-uri must be a loopback http URL such as http://127.0.0.1:53682/callback",
    );
  }
  if (url.port === "") throw new UsageError("--redirect-uri needs an explicit port");
  if (port !== undefined && String(port) !== url.port)
    throw new UsageError("--port and --redirect-uri disagree");
  const host = url.hostname === "[::1]" ? "::1" : url.hostname;
  return { host, port: Number(url.port), path: url.pathname };
}

/**
 * Waits for the browser's redirect, checks its state, and answers the browser with a page that says
 * what happened; resolves to the authorization code.
 */
async function waitForCode(
  io: CliIO,
  server: LoopbackServer,
  state: string,
  timeoutSeconds: number,
): Promise<string> {
  const waiting = new Progress(io, "Waiting for you to authorize in the browser… (Ctrl-C to cancel)");
  const signal = AbortSignal.any([io.signal, AbortSignal.timeout(timeoutSeconds * 1000)]);
  try {
    const callback = await server.waitForCallback(signal).catch(() => {
      throw new CliError(
        io.signal.aborted ? "login interrupted" : `no authorization arrived within ${timeoutSeconds} s`,
      );
    });
    try {
      const { code } = parseAuthorizationCallback(callback.url, { expectedState: state });
      await callback.respond({
        status: 200,
        title: "Authorized",
        message: "You can close this tab and return to your terminal.",
      });
      return code;
    } catch (error) {
      if (error instanceof OAuth2AuthorizationError) {
        const cancelled = error.error === "access_denied";
        await callback.respond({
          status: 400,
          title: cancelled ? "Authorization cancelled" : "Authorization failed",
          message: cancelled ? "You cancelled the authorization. Nothing was granted." : error.message,
        });
        throw new CliError(
          cancelled ? "authorization cancelled on the consent page (access_denied)" : error.message,
        );
      }
      if (error instanceof OAuth2StateMismatchError) {
        await callback.respond({
          status: 400,
          title: "Login refused",
          message: "The state in this redirect does not match this login.",
        });
        throw new CliError("the redirect's state did not match this login; nothing was exchanged");
      }
      throw error;
    }
  } finally {
    waiting.stop();
  }
}
