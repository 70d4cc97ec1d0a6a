/**
 * `discord-appkit refresh FILE` and `discord-appkit revoke FILE`: work on a grant saved by `login --save`.
 * @module
 */
import type { RESTClient } from "../../rest/client.js";
import { type CliIO, COMMON_HELP, type Command, defineCommand, type ParsedArgs } from "../command.js";
import { dateWithDistance, keyValues } from "../format.js";
import { deleteGrant, type Grant, loadGrant, saveGrant } from "../grant-file.js";
import { apiUrlFor, clientSecretFrom } from "../options.js";
import { withProgress } from "../progress.js";
import { createRestApp } from "../rest.js";

const OPTIONS = {
  "client-secret": { type: "string" },
} as const;

const SECRET_HELP = `  --client-secret S    The client secret (default: DISCORD_CLIENT_SECRET; omit for a public client)`;

/** A saved grant with what it takes to call the token endpoints for it. */
interface OpenedGrant {
  readonly file: string;
  readonly grant: Grant;
  /** `--api-url` when given, else the API the grant came from. */
  readonly apiUrl: string;
  readonly client: RESTClient;
  readonly credentials: { readonly clientId: string; readonly clientSecret?: string };
}

async function openGrant(
  { values, positionals }: ParsedArgs<typeof OPTIONS>,
  io: CliIO,
): Promise<OpenedGrant> {
  const file = positionals[0] ?? "";
  const grant = await loadGrant(file);
  const apiUrl = values["api-url"] === undefined ? grant.apiUrl : apiUrlFor(values["api-url"]);
  return {
    file,
    grant,
    apiUrl,
    client: createRestApp(apiUrl).acquire(),
    credentials: { clientId: grant.clientId, ...clientSecretFrom(values["client-secret"], io) },
  };
}

/** The `refresh` command. */
export const refreshCommand: Command = defineCommand({
  name: "refresh",
  summary: "Refresh the access token of a saved grant",
  help: `Usage: discord-appkit refresh FILE [--client-secret S]

Exchanges the refresh token stored in FILE (written by 'login --save FILE') for a new token pair and
writes it back to FILE (mode 0600). Prints the new scopes and expiry, never the tokens. The API URL
saved in FILE is used unless --api-url is given.

Options:
${SECRET_HELP}
${COMMON_HELP}`,
  options: OPTIONS,
  positionals: { min: 1, max: 1, name: "FILE" },
  async run(args, io) {
    const { file, grant, apiUrl, client, credentials } = await openGrant(args, io);
    const token = await withProgress(io, "Refreshing the token…", () =>
      client.refreshAccessToken({ ...credentials, refreshToken: grant.token.refreshToken }),
    );
    // Discord's refresh tokens are single-use: the new pair must replace the old one at once.
    await saveGrant(file, { clientId: grant.clientId, apiUrl, token });
    io.stdout.write(
      `Refreshed the grant in ${file}\n${keyValues([
        ["Scopes", token.scopes.join(" ") || "(none)"],
        ["Expires", dateWithDistance(token.expiresAt)],
      ])}\n`,
    );
    return 0;
  },
});

/** The `revoke` command. */
export const revokeCommand: Command = defineCommand({
  name: "revoke",
  summary: "Revoke a saved grant and delete its file",
  help: `Usage: discord-appkit revoke FILE [--client-secret S] [--keep-file]

Revokes the grant stored in FILE (written by 'login --save FILE'): Discord invalidates every access
and refresh token of that authorization. Then deletes FILE, unless --keep-file is given.

Options:
${SECRET_HELP}
  --keep-file          Do not delete FILE after revoking
${COMMON_HELP}`,
  options: { ...OPTIONS, "keep-file": { type: "boolean" } },
  positionals: { min: 1, max: 1, name: "FILE" },
  async run(args, io) {
    const { file, grant, client, credentials } = await openGrant(args, io);
    // Revoking the refresh token ends the whole authorization, access tokens included.
    await withProgress(io, "Revoking the grant…", () =>
      client.revokeAccessToken({
        ...credentials,
        token: grant.token.refreshToken,
        tokenTypeHint: "refresh_token",
      }),
    );
    const keep = args.values["keep-file"] === true;
    if (!keep) await deleteGrant(file);
    io.stdout.write(`Revoked the grant${keep ? ` (kept ${file})` : ` and deleted ${file}`}\n`);
    return 0;
  },
});
