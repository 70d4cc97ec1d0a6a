import { createHash, randomBytes } from "node:crypto";
import type { EmulatorHandle } from "../../src/emulator/index.js";

export const REDIRECT = "http://127.0.0.1:4321/callback";

export interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  [key: string]: unknown;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizationUrl(emu: EmulatorHandle, params: Record<string, string>): string {
  const url = new URL(emu.authorizeUrl);
  url.searchParams.set("client_id", emu.application.id);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", REDIRECT);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

export async function postToken(
  emu: EmulatorHandle,
  fields: Record<string, string>,
  init: { secret?: boolean; basic?: boolean } = {},
): Promise<Response> {
  const body = form(fields);
  const headers: Record<string, string> = {};
  if (init.basic) {
    headers.Authorization = `Basic ${Buffer.from(`${emu.application.id}:${emu.application.clientSecret}`).toString("base64")}`;
  } else {
    body.set("client_id", emu.application.id);
    if (init.secret !== false) body.set("client_secret", emu.application.clientSecret);
  }
  return fetch(emu.tokenUrl, { method: "POST", body, headers });
}

/** Runs the whole code flow for `scope` and returns the token response body. */
export async function grant(
  emu: EmulatorHandle,
  scope: string,
  options: { userId?: string; guildId?: string } = {},
): Promise<TokenBody> {
  const location = await emu.authorize(authorizationUrl(emu, { scope, state: "s" }), options);
  const code = location.searchParams.get("code");
  if (!code) throw new Error("no code");
  const res = await postToken(emu, { grant_type: "authorization_code", code, redirect_uri: REDIRECT });
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status}`);
  return (await res.json()) as TokenBody;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export function bot(emu: EmulatorHandle): Record<string, string> {
  return { Authorization: `Bot ${emu.application.botToken}` };
}

export async function getJson(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
}
