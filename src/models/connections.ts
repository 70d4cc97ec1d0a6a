/**
 * Third-party accounts linked to the current user (`GET /users/@me/connections`).
 *
 * @see https://discord.com/developers/docs/resources/user#connection-object
 * @module
 */
import { serializeOwnConnection } from "../factory/connections.js";
import { enumName, type Open } from "../internal/enums.js";
import type { RawConnection } from "../payloads/connections.js";
import type { PartialIntegration } from "./integrations.js";

/**
 * Who can see a connection on the user's profile.
 * @see https://discord.com/developers/docs/resources/user#connection-object-visibility-types
 */
export const ConnectionVisibility = {
  /** Only the user. */
  NONE: 0,
  /** Everyone. */
  EVERYONE: 1,
} as const;
/** A value of {@link ConnectionVisibility}. */
export type ConnectionVisibility = (typeof ConnectionVisibility)[keyof typeof ConnectionVisibility];

/** Everything an {@link OwnConnection} is built from. */
export interface OwnConnectionInit {
  /** {@link OwnConnection.id}. */
  readonly id: string;
  /** {@link OwnConnection.name}. */
  readonly name: string | null;
  /** {@link OwnConnection.type}. */
  readonly type: string;
  /** {@link OwnConnection.isRevoked}. */
  readonly isRevoked: boolean;
  /** {@link OwnConnection.integrations}. */
  readonly integrations: readonly PartialIntegration[];
  /** {@link OwnConnection.isVerified}. */
  readonly isVerified: boolean;
  /** {@link OwnConnection.isFriendSyncEnabled}. */
  readonly isFriendSyncEnabled: boolean;
  /** {@link OwnConnection.isActivityVisible}. */
  readonly isActivityVisible: boolean;
  /** {@link OwnConnection.isTwoWayLinked}. */
  readonly isTwoWayLinked: boolean;
  /** {@link OwnConnection.visibility}. */
  readonly visibility: Open<ConnectionVisibility>;
}

/**
 * An account on another service (Twitch, GitHub, Steam, ...) that the current user linked.
 * @see https://discord.com/developers/docs/resources/user#connection-object
 */
export class OwnConnection {
  /** The account's ID on the service: a string of the service's own format, not a snowflake. */
  declare readonly id: string;
  /** The account's name on the service, or `null`. */
  declare readonly name: string | null;
  /** The service, such as `"twitch"` or `"github"`; services Discord adds later pass through. */
  declare readonly type: string;
  /** Whether the connection has been revoked (`false` when left out). */
  declare readonly isRevoked: boolean;
  /** The guild integrations that use this connection; `[]` when none. */
  declare readonly integrations: readonly PartialIntegration[];
  /** Whether the connection is verified. */
  declare readonly isVerified: boolean;
  /** Whether friend sync is on. */
  declare readonly isFriendSyncEnabled: boolean;
  /** Whether activities from this connection show in presence updates. */
  declare readonly isActivityVisible: boolean;
  /** Whether the connection has a matching OAuth2 token on the service (`two_way_link`). */
  declare readonly isTwoWayLinked: boolean;
  /** Who can see the connection. */
  declare readonly visibility: Open<ConnectionVisibility>;

  /** @param init - the field values. */
  constructor(init: OwnConnectionInit) {
    this.id = init.id;
    this.name = init.name;
    this.type = init.type;
    this.isRevoked = init.isRevoked;
    this.integrations = init.integrations;
    this.isVerified = init.isVerified;
    this.isFriendSyncEnabled = init.isFriendSyncEnabled;
    this.isActivityVisible = init.isActivityVisible;
    this.isTwoWayLinked = init.isTwoWayLinked;
    this.visibility = init.visibility;
  }

  /** Whether `other` is a connection with the same ID. */
  equals(other: unknown): boolean {
    return other instanceof OwnConnection && other.id === this.id;
  }

  /** `OwnConnection(id=…, name=…, type=…, visibility=NONE)`, as hikari prints it. */
  toString(): string {
    const visibility = enumName(ConnectionVisibility, this.visibility) ?? String(this.visibility);
    return `OwnConnection(id=${this.id}, name=${this.name}, type=${this.type}, visibility=${visibility})`;
  }

  /** Discord's connection object. */
  toJSON(): RawConnection {
    return serializeOwnConnection(this);
  }
}
