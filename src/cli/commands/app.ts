/**
 * `discord-appkit app`: fetches the current application with a bot token and prints it readably.
 * @module
 */
import type { Application } from "../../models/applications.js";
import { ApplicationIntegrationType } from "../../models/applications.js";
import { TeamMembershipState } from "../../models/teams.js";
import { COMMON_HELP, type Command, defineCommand, UsageError } from "../command.js";
import { keyValues, plural, yesNo } from "../format.js";
import { apiUrlFor, botTokenFrom } from "../options.js";
import { withProgress } from "../progress.js";
import { createCapturingRestApp } from "../rest.js";

/** The `app` command. */
export const appCommand: Command = defineCommand({
  name: "app",
  summary: "Show the application a bot token belongs to",
  help: `Usage: discord-appkit app [--token TOKEN] [--json]

Fetches the current application (GET /applications/@me) with a bot token and prints its name, ID,
owner or team (members and roles), flags by name, install settings, counts and icon URL.

Options:
  --token TOKEN        The bot token (default: the DISCORD_TOKEN environment variable; prefer it,
                       since command-line arguments can be seen by other users of the machine)
  --json               Print the application as Discord's JSON payload instead
${COMMON_HELP}`,
  options: {
    token: { type: "string" },
    json: { type: "boolean" },
  },
  async run({ values }, io) {
    const token = botTokenFrom(values.token ?? io.env.DISCORD_TOKEN);
    if (token === undefined) throw new UsageError("missing bot token: set DISCORD_TOKEN or pass --token");
    const { rest, lastBody } = createCapturingRestApp(apiUrlFor(values["api-url"]));
    const application = await withProgress(io, "Fetching the application…", () =>
      rest.acquire(token, "Bot").fetchApplication(),
    );
    if (values.json) {
      // Discord's own body when we have it, so keys the models do not know are printed too.
      const raw: unknown = JSON.parse(lastBody() ?? JSON.stringify(application));
      io.stdout.write(`${JSON.stringify(raw, null, 2)}\n`);
    } else {
      io.stdout.write(formatApplication(application));
    }
    return 0;
  },
});

const MEMBERSHIP: ReadonlyMap<number, string> = new Map([
  [TeamMembershipState.INVITED, "invited"],
  [TeamMembershipState.ACCEPTED, "accepted"],
]);

const INTEGRATION_NAMES: ReadonlyMap<number, string> = new Map([
  [ApplicationIntegrationType.GUILD_INSTALL, "Guild install"],
  [ApplicationIntegrationType.USER_INSTALL, "User install"],
]);

function userLabel(user: { username: string; id: string } | null, fallbackId: string | null = null): string {
  if (user) return `${user.username} (${user.id})`;
  return fallbackId === null ? "unknown" : `unknown user (${fallbackId})`;
}

function installLine(parameters: Application["installParameters"]): string | null {
  if (parameters === null) return null;
  const permissions = parameters.permissions.names;
  return `scopes ${parameters.scopes.join(" ") || "(none)"}; permissions ${parameters.permissions.value}${
    permissions.length > 0 ? ` (${permissions.join(", ")})` : ""
  }`;
}

/** The human-readable text of an application, as `app` prints it. */
function formatApplication(application: Application): string {
  const lines: string[] = [`${application.name} (${application.id})`];
  const team = application.team;
  const counts = [
    application.approximateGuildCount === null ? null : plural(application.approximateGuildCount, "guild"),
    application.approximateUserInstallCount === null
      ? null
      : plural(application.approximateUserInstallCount, "user install"),
    application.approximateUserAuthorizationCount === null
      ? null
      : plural(application.approximateUserAuthorizationCount, "user authorization"),
  ].filter((count) => count !== null);
  const flags = application.flags.names;
  const unknownBits = application.flags.unknownBits;
  const integrationLines = [...application.integrationTypesConfig].map(
    ([type, config]) =>
      [
        INTEGRATION_NAMES.get(type) ?? `Integration type ${type}`,
        installLine(config.oauth2InstallParameters) ?? "no install parameters",
      ] as const,
  );
  lines.push(
    keyValues([
      ["Description", application.description || null],
      ["Created", application.createdAt.toISOString()],
      [
        "Owner",
        team
          ? `team ${team.name} (${team.id}), owned by ${userLabel(team.owner?.user ?? null, team.ownerId)}`
          : userLabel(application.owner),
      ],
      ["Bot", application.bot ? userLabel(application.bot) : null],
      ["Public bot", yesNo(application.isBotPublic)],
      ["Code grant required", yesNo(application.isBotCodeGrantRequired)],
      [
        "Flags",
        flags.length > 0 || unknownBits !== 0n
          ? [...flags, ...(unknownBits === 0n ? [] : [`unknown bits 0x${unknownBits.toString(16)}`])].join(
              ", ",
            )
          : "none",
      ],
      [
        "Install",
        installLine(application.installParameters) ?? (application.customInstallUrl ? null : "not set"),
      ],
      ["Custom install URL", application.customInstallUrl],
      ...integrationLines,
      ["Counts", counts.length > 0 ? counts.join(", ") : null],
      ["Redirect URIs", application.redirectUris.length > 0 ? application.redirectUris.join(", ") : null],
      ["Interactions URL", application.interactionsEndpointUrl],
      ["Terms of service", application.termsOfServiceUrl],
      ["Privacy policy", application.privacyPolicyUrl],
      ["Tags", application.tags.length > 0 ? application.tags.join(", ") : null],
      ["Icon", application.iconUrl?.url ?? "none"],
      ["Cover image", application.coverImageUrl?.url ?? null],
    ]),
  );
  if (team) {
    lines.push(`  Team members (${team.members.size}):`);
    for (const member of team.members.values()) {
      const isOwner = member.user.id === team.ownerId;
      const role =
        [isOwner ? "owner" : null, member.role].filter((part) => part !== null).join(" + ") || "no role";
      const state = MEMBERSHIP.get(member.membershipState) ?? `membership state ${member.membershipState}`;
      lines.push(`    ${userLabel(member.user)}: ${role}, ${state}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
