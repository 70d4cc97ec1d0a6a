/**
 * `discord-appkit authorize-url`: builds a consent-screen URL, with state and PKCE when asked.
 * @module
 */

import { ApplicationIntegrationType } from "../../models/applications.js";
import { createPkcePair } from "../../oauth2/pkce.js";
import { generateState } from "../../oauth2/state.js";
import { COMMON_HELP, type Command, defineCommand, UsageError } from "../command.js";
import {
  authorizationUrlOrUsageError,
  authorizeUrlFor,
  clientIdOption,
  scopesOption,
  snowflakeOption,
} from "../options.js";

const INTEGRATION_TYPES = {
  guild: ApplicationIntegrationType.GUILD_INSTALL,
  user: ApplicationIntegrationType.USER_INSTALL,
} as const;

/** Checks that `value` is one of `choices`, or is absent. */
function choiceOption<const C extends string>(
  value: string | undefined,
  flag: string,
  choices: readonly C[],
): C | undefined {
  if (value === undefined) return undefined;
  const choice = choices.find((candidate) => candidate === value);
  if (choice === undefined) throw new UsageError(`--${flag} must be ${choices.join(" or ")}`);
  return choice;
}

/** The `authorize-url` command. */
export const authorizeUrlCommand: Command = defineCommand({
  name: "authorize-url",
  summary: "Build an OAuth2 consent URL (login, bot install, user install)",
  help: `Usage: discord-appkit authorize-url --client-id ID --scope SCOPE... [options]

Prints a URL for Discord's consent screen. When the URL leads back to your app (--redirect-uri or
--pkce) a random state is generated; with --pkce a code verifier too. Both are printed after the URL:
keep them for the code exchange.

Options:
  --client-id ID             The application (client) ID
  --scope SCOPE              A scope to ask for; repeat it or separate scopes with spaces or commas
                             (identify, email, guilds, connections, bot, applications.commands, ...)
  --redirect-uri URI         Where Discord sends the user back (must be registered for the app)
  --permissions BITS         The bot role's permissions, as a decimal bitset (needs the bot scope)
  --pkce                     Add a PKCE S256 challenge and print its verifier
  --integration-type TYPE    guild or user: where the app is installed
  --guild-id ID              Pre-select a guild for a bot install
  --disable-guild-select     Lock the guild picker to --guild-id
  --prompt consent|none      Show the consent screen again, or skip it when possible
  --response-type code|token code (default) or token for the implicit grant
  --state STATE              Use this state instead of a random one
  --authorize-url URL        The consent page (default: derived from --api-url, else Discord's)
  --json                     Print {"url", "state", "codeVerifier"} as JSON
${COMMON_HELP}

Examples:
  discord-appkit authorize-url --client-id 1234567890 --scope bot --permissions 2048
  discord-appkit authorize-url --client-id 1234567890 --scope "identify guilds" \\
      --redirect-uri http://127.0.0.1:3000/callback --pkce`,
  options: {
    "client-id": { type: "string" },
    scope: { type: "string", multiple: true },
    "redirect-uri": { type: "string" },
    permissions: { type: "string" },
    pkce: { type: "boolean" },
    "integration-type": { type: "string" },
    "guild-id": { type: "string" },
    "disable-guild-select": { type: "boolean" },
    prompt: { type: "string" },
    "response-type": { type: "string" },
    state: { type: "string" },
    "authorize-url": { type: "string" },
    json: { type: "boolean" },
  },
  async run({ values }, io) {
    const clientId = clientIdOption(values["client-id"]);
    const scopes = scopesOption(values.scope);
    if (scopes.length === 0) throw new UsageError("missing required option --scope");
    const integration = choiceOption(values["integration-type"], "integration-type", ["guild", "user"]);
    const prompt = choiceOption(values.prompt, "prompt", ["consent", "none"]);
    const responseType = choiceOption(values["response-type"], "response-type", ["code", "token"]);
    if (values.permissions !== undefined && !/^\d+$/.test(values.permissions)) {
      throw new UsageError("--permissions must be a decimal permission bitset");
    }
    // A URL that leads back to an app needs a state to tie the answer to the request; a bare install
    // link (no redirect) does not.
    const returnsToApp =
      values["redirect-uri"] !== undefined || values.pkce === true || responseType !== undefined;
    const state = values.state ?? (returnsToApp ? generateState() : undefined);
    const pkce = values.pkce ? await createPkcePair() : undefined;

    const url = authorizationUrlOrUsageError({
      authorizeUrl: authorizeUrlFor(values["authorize-url"], values["api-url"]),
      clientId,
      scopes,
      ...(values["redirect-uri"] === undefined ? {} : { redirectUri: values["redirect-uri"] }),
      ...(state === undefined ? {} : { state }),
      ...(prompt === undefined ? {} : { prompt }),
      ...(responseType === undefined ? {} : { responseType }),
      ...(pkce === undefined ? {} : { codeChallenge: pkce.challenge }),
      ...(values.permissions === undefined ? {} : { permissions: values.permissions }),
      ...(values["guild-id"] === undefined
        ? {}
        : { guildId: snowflakeOption(values["guild-id"], "guild-id") }),
      ...(values["disable-guild-select"] === undefined
        ? {}
        : { disableGuildSelect: values["disable-guild-select"] }),
      ...(integration === undefined ? {} : { integrationType: INTEGRATION_TYPES[integration] }),
    });

    const shownState = values.state === undefined ? state : undefined;
    if (values.json) {
      const out = {
        url: url.href,
        ...(shownState === undefined ? {} : { state: shownState }),
        ...(pkce === undefined ? {} : { codeVerifier: pkce.verifier }),
      };
      io.stdout.write(`${JSON.stringify(out)}\n`);
      return 0;
    }
    io.stdout.write(`${url.href}\n`);
    if (shownState !== undefined) io.stdout.write(`state: ${shownState}\n`);
    if (pkce !== undefined) io.stdout.write(`code verifier: ${pkce.verifier}\n`);
    return 0;
  },
});
