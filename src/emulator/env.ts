import type { GrantStore } from "./grants.js";
import type { World } from "./world.js";

/** State shared by every handler of one emulator. */
export interface Env {
  /** The seeded users, guilds, application and what requests changed since. */
  world: World;
  /** Authorization codes and grants. */
  grants: GrantStore;
  /** Emulator clock in epoch milliseconds (real time plus `advanceTime` offsets). */
  now(): number;
  /** Base URL of the server, without a trailing slash. */
  baseUrl(): string;
}
