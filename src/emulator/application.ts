import { createPrivateKey, createPublicKey, type KeyObject, sign } from "node:crypto";
import { encodeBase64Url, toHex } from "../internal/base64.js";
import { OAuth2Scope } from "../models/oauth2.js";
import { publicUser } from "./payloads.js";
import { SeededRandom } from "./prng.js";
import type { Json, UserRecord, World } from "./world.js";

/** Scopes the seeded application may request (Discord's `eligible_oauth2_scopes`). */
const ELIGIBLE_SCOPES: readonly string[] = (
  "identify email connections guilds guilds.join guilds.members.read gdm.join bot " +
  "webhook.incoming applications.commands applications.commands.update " +
  "applications.commands.permissions.update applications.entitlements applications.store.update " +
  "applications.builds.read role_connections.write"
).split(" ");

/** Every scope name Discord knows; those the application is not eligible for are refused as restricted. */
const KNOWN_SCOPES: ReadonlySet<string> = new Set(Object.values(OAuth2Scope));

/** Why the application may not request `scope` (unknown, or restricted to approved apps), or null when it may. */
export function scopeProblem(scope: string): string | null {
  if (!KNOWN_SCOPES.has(scope)) return `"${scope}" is not a scope.`;
  if (!ELIGIBLE_SCOPES.includes(scope)) return `"${scope}" is not available to this application.`;
  return null;
}

/** PKCS #8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = "302e020100300506032b657004220420";

function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  const der = Buffer.concat([Buffer.from(ED25519_PKCS8_PREFIX, "hex"), seed]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

function ed25519PublicKeyHex(seed: Uint8Array): string {
  // An Ed25519 SPKI DER ends with the 32 raw key bytes.
  return toHex(
    createPublicKey(ed25519PrivateKey(seed)).export({ format: "der", type: "spki" }).subarray(-32),
  );
}

/** Signs `message` with the Ed25519 key derived from `seed`; returns the signature as hex. */
export function signEd25519(seed: Uint8Array, message: string): string {
  return sign(null, Buffer.from(message), ed25519PrivateKey(seed)).toString("hex");
}

/** The seeded application with its secrets (only the handle exposes the secrets). */
export interface AppRecord {
  /** The stored `PrivateApplicationResponse` fields that PATCH may change (team and bot are added when served). */
  raw: Json;
  id: string;
  name: string;
  clientSecret: string;
  botToken: string;
  publicKey: string;
  publicKeySeed: Uint8Array;
  redirectUris: string[];
  publicClient: boolean;
  teamOwned: boolean;
  teamId: string;
  ownerUserId: string;
}

/** What {@link seedApplication} needs from the rest of the world. */
export interface ApplicationSeed {
  rng: SeededRandom;
  seed: string | number;
  id: string;
  teamId: string;
  name: string;
  bot: UserRecord;
  ownerId: string;
  supportGuildId: string | null;
  redirectUris: readonly string[];
  publicClient: boolean;
}

/** Builds the team-owned application, its secrets and a real Ed25519 verify key. */
export function seedApplication(input: ApplicationSeed): AppRecord {
  const { rng, id, teamId, name } = input;
  const secretRng = new SeededRandom(`${input.seed}:secrets`);
  const publicKeySeed = secretRng.bytes(32);
  const publicKey = ed25519PublicKeyHex(publicKeySeed);
  const botToken = [
    // Decimal digits never encode to "+" or "/", so this is plain unpadded base64 as well.
    encodeBase64Url(new TextEncoder().encode(input.bot.id)),
    secretRng.text(6, true),
    secretRng.text(38, true),
  ].join(".");
  const install = { scopes: ["applications.commands", "bot"], permissions: "2048" };
  const raw: Json = {
    id,
    name,
    icon: rng.hex(32),
    description: `${name} links your Discord account to ${name.split(" ")[0]?.toLowerCase()}.example.`,
    type: null,
    cover_image: rng.hex(32),
    bot: publicUser(input.bot),
    ...(input.supportGuildId ? { guild_id: input.supportGuildId } : {}),
    rpc_origins: [],
    bot_public: true,
    bot_require_code_grant: false,
    terms_of_service_url: "https://appkit.example/terms",
    privacy_policy_url: "https://appkit.example/privacy",
    install_params: install,
    integration_types_config: {
      "0": { oauth2_install_params: install },
      "1": { oauth2_install_params: { scopes: ["applications.commands"], permissions: "0" } },
    },
    verify_key: publicKey,
    flags: 8945664,
    flags_new: "8945664",
    tags: ["utility", "testing"],
    redirect_uris: [...input.redirectUris],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    owner: {
      id: teamId,
      username: `team${teamId}`,
      global_name: null,
      discriminator: "0000",
      avatar: null,
      public_flags: 1024,
      flags: 1024,
      primary_guild: null,
    },
    approximate_guild_count: rng.int(50, 5000),
    approximate_user_install_count: rng.int(0, 2000),
    approximate_user_authorization_count: rng.int(100, 20000),
    event_webhooks_url: null,
    event_webhooks_status: 1,
    event_webhooks_types: [],
    explicit_content_filter: 0,
    team: {
      id: teamId,
      icon: rng.chance(0.7) ? rng.hex(32) : null,
      name: `${name.split(" ")[1] ?? name} Labs`,
      owner_user_id: input.ownerId,
      members: [],
    },
    eligible_oauth2_scopes: [...ELIGIBLE_SCOPES],
  };
  return {
    raw,
    id,
    name,
    clientSecret: secretRng.text(32, true),
    botToken,
    publicKey,
    publicKeySeed,
    redirectUris: [...input.redirectUris],
    publicClient: input.publicClient,
    teamOwned: true,
    teamId,
    ownerUserId: input.ownerId,
  };
}

/** The application payload (`PrivateApplicationResponse`) with the current team and bot. */
export function applicationPayload(world: World): Json {
  const team = world.app.raw.team;
  return {
    ...world.app.raw,
    bot: publicUser(world.bot),
    team: {
      ...(typeof team === "object" ? team : {}),
      members: world.teamMembers.flatMap((m) => {
        const user = world.user(m.userId);
        if (!user) return [];
        return [
          {
            user: publicUser(user),
            team_id: world.app.teamId,
            membership_state: m.membershipState,
            role: m.role,
            permissions: ["*"],
          },
        ];
      }),
    },
  };
}

const PARTIAL_KEYS = (
  "id name icon description type cover_image guild_id rpc_origins bot_public bot_require_code_grant " +
  "terms_of_service_url privacy_policy_url custom_install_url install_params integration_types_config " +
  "verify_key flags flags_new tags"
).split(" ");

/** The partial application (`ApplicationResponse`) used by `/oauth2/@me`. */
export function partialApplicationPayload(world: World): Json {
  const out: Json = {};
  for (const key of PARTIAL_KEYS) if (key in world.app.raw) out[key] = world.app.raw[key];
  out.bot = publicUser(world.bot);
  return out;
}
