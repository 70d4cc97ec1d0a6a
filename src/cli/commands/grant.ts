/**
 * `discord-appkit refresh FILE` and `discord-appkit revoke FILE`: work on a grant saved by `login --save`.
 * @module
 */
import { COMMON_HELP, type Command, parseCommandArgs } from "../command.js";
import { dateWithDistance, keyValues } from "../format.js";
import { deleteGrant, loadGrant, saveGrant } from "../grant-file.js";
import { apiUrlFor } from "../options.js";
import { Progress } from "../progress.js";
import { createRestApp } from "../rest.js";

const OPTIONS = {
  "client-secret": { type: "string" },
} as const;

const SECRET_HELP = `  --client-secret S    The client secret (default: DISCORD_CLIENT_SECRET; omit for a public client)`;

/** The `refresh` command. */
export const refreshCommand: Command = {
  name: "refresh",
  summary: "Refresh the access token of a saved grant",
  help: `Usage: discord-appkit refresh FILE [--client-secret S]

Exchanges the refresh token stored in FILE (written by 'login --save FILE') for a new token pair and
writes it back to FILE (mode 0600). Prints the new scopes and expiry, never the tokens. The API URL
saved in FILE is used unless --api-url is given.

Options:
${SECRET_HELP}
${COMMON_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, { min: 1, max: 1, name: "FILE" });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const file = positionals[0] ?? "";
    const grant = await loadGrant(file);
    const apiUrl = values["api-url"] === undefined ? grant.apiUrl : apiUrlFor(values["api-url"]);
    const clientSecret = values["client-secret"] ?? io.env.DISCORD_CLIENT_SECRET;
    const progress = new Progress(io, "Refreshing the token…");
    const token = await createRestApp(apiUrl)
      .acquire()
      .refreshAccessToken({
        clientId: grant.clientId,
        ...(clientSecret ? { clientSecret } : {}),
        refreshToken: grant.token.refreshToken,
      })
      .finally(() => progress.stop());
    await saveGrant(file, { clientId: grant.clientId, apiUrl, token });
    io.stdout.write(
      `Refreshed the grant in ${file}\n${keyValues([
        ["Scopes", token.scopes.join(" ") || "(none)"],
        ["Expires", dateWithDistance(token.expiresAt)],
      ])}\n`,
    );
    return 0;
  },
};

/** The `revoke` command. */
export const revokeCommand: Command = {
  name: "revoke",
  summary: "Revoke a saved grant and delete its file",
  help: `Usage: discord-appkit revoke FILE [--client-secret S] [--keep-file]

Revokes the grant stored in FILE (written by 'login --save FILE'): Discord invalidates every access
and refresh token of that authorization. Then deletes FILE, unless --keep-file is given.

Options:
${SECRET_HELP}
  --keep-file          Do not delete FILE after revoking
${COMMON_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...OPTIONS, "keep-file": { type: "boolean" } },
      { min: 1, max: 1, name: "FILE" },
    );
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const file = positionals[0] ?? "";
    const grant = await loadGrant(file);
    const apiUrl = values["api-url"] === undefined ? grant.apiUrl : apiUrlFor(values["api-url"]);
    const clientSecret = values["client-secret"] ?? io.env.DISCORD_CLIENT_SECRET;
    const progress = new Progress(io, "Revoking the grant…");
    await createRestApp(apiUrl)
      .acquire()
      .revokeAccessToken({
        clientId: grant.clientId,
        ...(clientSecret ? { clientSecret } : {}),
        token: grant.token.refreshToken,
        tokenTypeHint: "refresh_token",
      })
      .finally(() => progress.stop());
    if (!values["keep-file"]) await deleteGrant(file);
    io.stdout.write(`Revoked the grant${values["keep-file"] ? ` (kept ${file})` : ` and deleted ${file}`}\n`);
    return 0;
  },
};
