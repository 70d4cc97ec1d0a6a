import type { GrantStore } from "./grants.js";
import type { World } from "./world.js";

/** An incoming webhook created by a `webhook.incoming` authorization. */
export interface WebhookRecord {
  id: string;
  token: string;
  guildId: string;
  channelId: string;
  name: string;
}

/** State shared by every handler of one emulator. */
export interface Env {
  world: World;
  grants: GrantStore;
  webhooks: Map<string, WebhookRecord>;
  /** Emulator clock in epoch milliseconds (real time plus `advanceTime` offsets). */
  now(): number;
  /** Base URL of the server, without a trailing slash. */
  baseUrl(): string;
}
