/**
 * REST plumbing shared by the commands: one {@link RESTApp} per run, and the summary of a grant that
 * `login` and `refresh` print.
 * @module
 */
import type { OAuth2AuthorizationToken } from "../models/oauth2.js";
import { RESTApp } from "../rest/app.js";
import type { CliIO } from "./command.js";
import { dateWithDistance, keyValues, plural } from "./format.js";
import { Progress } from "./progress.js";

/** The REST app every command uses: Discord's API or the one at `apiUrl`. */
export function createRestApp(apiUrl: string): RESTApp {
  return new RESTApp({ apiUrl });
}

/**
 * A REST app that also keeps the body of the last successful JSON response, so `--json` can print
 * exactly what Discord sent (keys the models do not know included) while errors, retries and rate
 * limits still go through the client.
 */
export function createCapturingRestApp(apiUrl: string): { rest: RESTApp; lastBody(): string | null } {
  let last: string | null = null;
  const capture = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    if (response.ok && response.headers.get("content-type")?.includes("application/json")) {
      last = await response.clone().text();
    }
    return response;
  };
  return { rest: new RESTApp({ apiUrl, fetch: capture }), lastBody: () => last };
}

/**
 * Describes what a fresh grant allows: who authorized, the scopes, the expiry, and (when the scopes
 * allow) the user's guilds and connections. Paging through many guilds shows a running count on a
 * terminal.
 */
export async function describeGrant(
  io: CliIO,
  rest: RESTApp,
  token: OAuth2AuthorizationToken,
): Promise<string> {
  const client = rest.acquire(token.accessToken, "Bearer");
  const loading = new Progress(io, "Fetching the authorization…");
  const lines: string[] = [];
  try {
    const authorization = await client.fetchAuthorization();
    const user = authorization.user;
    lines.push(
      user
        ? `Authorized as ${user.displayName} (@${user.username}, ${user.id})`
        : "Authorized (no user: the identify scope was not granted)",
    );
    lines.push(
      keyValues([
        ["Application", `${authorization.application.name} (${authorization.application.id})`],
        ["Scopes", token.scopes.join(" ") || "(none)"],
        ["Expires", dateWithDistance(token.expiresAt)],
        ["Guild", token.guild ? `${token.guild.name} (${token.guild.id}), the bot was added there` : null],
        [
          "Webhook",
          token.webhook
            ? `${token.webhook.name ?? "unnamed"} (${token.webhook.id}) in channel ${token.webhook.channelId}`
            : null,
        ],
      ]),
    );
    if (token.scopes.includes("guilds")) {
      const guilds: string[] = [];
      loading.update("Fetching your guilds…");
      for await (const guild of client.fetchMyGuilds()) {
        const members =
          guild.approximateMemberCount === null ? "" : `, ${plural(guild.approximateMemberCount, "member")}`;
        guilds.push(`  ${guild.name} (${guild.id})${members}${guild.isOwner ? ", owner" : ""}`);
        loading.update(`Fetching your guilds… ${guilds.length}`);
      }
      lines.push("", `Guilds (${guilds.length}):`, ...(guilds.length > 0 ? guilds : ["  none"]));
    }
    if (token.scopes.includes("connections")) {
      loading.update("Fetching your connections…");
      const connections = await client.fetchMyConnections();
      lines.push("", `Connections (${connections.length}):`);
      for (const connection of connections) {
        lines.push(
          `  ${connection.type}: ${connection.name ?? "(name hidden)"}${connection.isVerified ? " (verified)" : ""}`,
        );
      }
      if (connections.length === 0) lines.push("  none");
    }
  } finally {
    loading.stop();
  }
  return `${lines.join("\n")}\n`;
}
