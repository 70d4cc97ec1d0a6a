/**
 * The grant file of `login --save`, `refresh` and `revoke`: the token (with its expiry), the client ID
 * and the API it belongs to, as JSON readable only by its owner (mode 0600). The client secret is never
 * stored.
 * @module
 */
import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { deserializeAuthorizationToken } from "../factory/oauth2.js";
import type { OAuth2AuthorizationToken } from "../models/oauth2.js";
import { isSnowflake } from "../snowflakes.js";
import { CliError } from "./command.js";

/** What a grant file holds. */
export interface Grant {
  readonly clientId: string;
  readonly apiUrl: string;
  readonly token: OAuth2AuthorizationToken;
}

/**
 * Writes `grant` to `path` atomically (a crash leaves the old file or the new one, never half of one:
 * the refresh token in it is single-use), readable and writable by the owner only.
 */
export async function saveGrant(path: string, grant: Grant): Promise<void> {
  const body = `${JSON.stringify({ client_id: grant.clientId, api_url: grant.apiUrl, token: grant.token.toJSON() }, null, 2)}\n`;
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    // "wx" creates a new file or fails: the tokens never go into a file someone else prepared.
    await writeFile(temporary, body, { mode: 0o600, flag: "wx" });
    // The mode given at creation is narrowed by the umask, never widened; this makes it exact.
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`cannot write the grant file ${path} (${systemReason(error)})`);
  }
}

/** Reads and checks a grant file. */
export async function loadGrant(path: string): Promise<Grant> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read the grant file ${path} (${systemReason(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CliError(`${path} is not a grant file (not JSON)`);
  }
  if (
    typeof raw !== "object" ||
    raw === null ||
    !("client_id" in raw) ||
    !("api_url" in raw) ||
    !("token" in raw)
  ) {
    throw new CliError(`${path} is not a grant file (expected client_id, api_url and token)`);
  }
  const { client_id: clientId, api_url: apiUrl, token } = raw;
  if (!isSnowflake(clientId) || typeof apiUrl !== "string" || !/^https?:\/\//.test(apiUrl)) {
    throw new CliError(`${path} is not a grant file (bad client_id or api_url)`);
  }
  try {
    return { clientId, apiUrl, token: deserializeAuthorizationToken(token, null) };
  } catch (error) {
    throw new CliError(
      `${path} holds no usable token (${error instanceof Error ? error.message : "invalid"})`,
    );
  }
}

/** Deletes a grant file; a file that is already gone is fine. */
export async function deleteGrant(path: string): Promise<void> {
  await rm(path, { force: true });
}

function systemReason(error: unknown): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string") {
    const reasons: Record<string, string> = {
      ENOENT: "no such file or directory",
      EACCES: "permission denied",
      EISDIR: "it is a directory",
      ENOTDIR: "a parent is not a directory",
    };
    return reasons[error.code] ?? error.code;
  }
  return "unknown error";
}
