/**
 * Linked roles: a user's role connection to an application, and the metadata records an application
 * declares for guilds to build role requirements from.
 *
 * @see https://discord.com/developers/docs/resources/application-role-connection-metadata
 * @module
 */
import {
  serializeApplicationRoleConnection,
  serializeApplicationRoleConnectionMetadata,
} from "../factory/role-connections.js";
import type { Open } from "../internal/enums.js";
import type {
  RawApplicationRoleConnection,
  RawApplicationRoleConnectionMetadata,
} from "../payloads/applications.js";
import type { Locale } from "./locales.js";

/**
 * How a metadata value is compared with a guild's configured value. hikari's names come first;
 * Discord's spec names (`INTEGER_LESS_THAN_EQUAL`, ...) are aliases.
 * @see https://discord.com/developers/docs/resources/application-role-connection-metadata#application-role-connection-metadata-object-application-role-connection-metadata-type
 */
export const ApplicationRoleConnectionMetadataType = {
  /** The integer value is at most the guild's value. */
  INTEGER_LESS_THAN_OR_EQUAL: 1,
  /** The integer value is at least the guild's value. */
  INTEGER_GREATER_THAN_OR_EQUAL: 2,
  /** The integer value equals the guild's value. */
  INTEGER_EQUAL: 3,
  /** The integer value differs from the guild's value. */
  INTEGER_NOT_EQUAL: 4,
  /** The ISO 8601 date is at most the guild's number of days before today. */
  DATETIME_LESS_THAN_OR_EQUAL: 5,
  /** The ISO 8601 date is at least the guild's number of days before today. */
  DATETIME_GREATER_THAN_OR_EQUAL: 6,
  /** The boolean value (`1` or `0`) equals the guild's value. */
  BOOLEAN_EQUAL: 7,
  /** The boolean value differs from the guild's value. */
  BOOLEAN_NOT_EQUAL: 8,
  /** Discord's spec name for {@link ApplicationRoleConnectionMetadataType.INTEGER_LESS_THAN_OR_EQUAL}. */
  INTEGER_LESS_THAN_EQUAL: 1,
  /** Discord's spec name for {@link ApplicationRoleConnectionMetadataType.INTEGER_GREATER_THAN_OR_EQUAL}. */
  INTEGER_GREATER_THAN_EQUAL: 2,
  /** Discord's spec name for {@link ApplicationRoleConnectionMetadataType.DATETIME_LESS_THAN_OR_EQUAL}. */
  DATETIME_LESS_THAN_EQUAL: 5,
  /** Discord's spec name for {@link ApplicationRoleConnectionMetadataType.DATETIME_GREATER_THAN_OR_EQUAL}. */
  DATETIME_GREATER_THAN_EQUAL: 6,
} as const;
/** A value of {@link ApplicationRoleConnectionMetadataType}. */
export type ApplicationRoleConnectionMetadataType =
  (typeof ApplicationRoleConnectionMetadataType)[keyof typeof ApplicationRoleConnectionMetadataType];

/** Everything an {@link ApplicationRoleConnection} is built from. */
export interface ApplicationRoleConnectionInit {
  /** {@link ApplicationRoleConnection.platformName}. */
  readonly platformName: string | null;
  /** {@link ApplicationRoleConnection.platformUsername}. */
  readonly platformUsername: string | null;
  /** {@link ApplicationRoleConnection.metadata}. */
  readonly metadata: ReadonlyMap<string, string>;
}

/**
 * The current user's role connection to one application (hikari's `OwnApplicationRoleConnection`).
 * @see https://discord.com/developers/docs/resources/user#application-role-connection-object
 */
export class ApplicationRoleConnection {
  /** The vanity name of the platform the application links, or `null`. */
  declare readonly platformName: string | null;
  /** The user's name on that platform, or `null`. */
  declare readonly platformUsername: string | null;
  /**
   * Metadata values by metadata key, as Discord stores them: strings (integers as decimal strings,
   * booleans as `"1"`/`"0"`, dates as ISO 8601).
   */
  declare readonly metadata: ReadonlyMap<string, string>;

  /** @param init - the field values. */
  constructor(init: ApplicationRoleConnectionInit) {
    this.platformName = init.platformName;
    this.platformUsername = init.platformUsername;
    this.metadata = init.metadata;
  }

  /** Whether `other` has the same platform name, username and metadata. */
  equals(other: unknown): boolean {
    return (
      other instanceof ApplicationRoleConnection &&
      other.platformName === this.platformName &&
      other.platformUsername === this.platformUsername &&
      sameMap(other.metadata, this.metadata)
    );
  }

  /** Discord's application role connection object. */
  toJSON(): RawApplicationRoleConnection {
    return serializeApplicationRoleConnection(this);
  }
}

/** Everything an {@link ApplicationRoleConnectionMetadata} is built from. */
export interface ApplicationRoleConnectionMetadataInit {
  /** {@link ApplicationRoleConnectionMetadata.type}. */
  readonly type: Open<ApplicationRoleConnectionMetadataType>;
  /** {@link ApplicationRoleConnectionMetadata.key}. */
  readonly key: string;
  /** {@link ApplicationRoleConnectionMetadata.name}. */
  readonly name: string;
  /** {@link ApplicationRoleConnectionMetadata.nameLocalizations}. */
  readonly nameLocalizations: ReadonlyMap<Open<Locale>, string>;
  /** {@link ApplicationRoleConnectionMetadata.description}. */
  readonly description: string;
  /** {@link ApplicationRoleConnectionMetadata.descriptionLocalizations}. */
  readonly descriptionLocalizations: ReadonlyMap<Open<Locale>, string>;
}

/**
 * One metadata record an application declares for linked roles (hikari's
 * `ApplicationRoleConnectionMetadataRecord`).
 * @see https://discord.com/developers/docs/resources/application-role-connection-metadata#application-role-connection-metadata-object
 */
export class ApplicationRoleConnectionMetadata {
  /** How values are compared. */
  declare readonly type: Open<ApplicationRoleConnectionMetadataType>;
  /** The key in a role connection's `metadata` (lower-case letters, digits and `_`). */
  declare readonly key: string;
  /** The name shown to guild admins. */
  declare readonly name: string;
  /** Translations of {@link ApplicationRoleConnectionMetadata.name} by locale; empty when none. */
  declare readonly nameLocalizations: ReadonlyMap<Open<Locale>, string>;
  /** The description shown to guild admins. */
  declare readonly description: string;
  /** Translations of {@link ApplicationRoleConnectionMetadata.description}; empty when none. */
  declare readonly descriptionLocalizations: ReadonlyMap<Open<Locale>, string>;

  /** @param init - the field values. */
  constructor(init: ApplicationRoleConnectionMetadataInit) {
    this.type = init.type;
    this.key = init.key;
    this.name = init.name;
    this.nameLocalizations = init.nameLocalizations;
    this.description = init.description;
    this.descriptionLocalizations = init.descriptionLocalizations;
  }

  /** Whether `other` is a record with the same key (hikari's identity for records). */
  equals(other: unknown): boolean {
    return other instanceof ApplicationRoleConnectionMetadata && other.key === this.key;
  }

  /** Discord's metadata object. */
  toJSON(): RawApplicationRoleConnectionMetadata {
    return serializeApplicationRoleConnectionMetadata(this);
  }
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
