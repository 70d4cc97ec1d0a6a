/**
 * Integrations: third-party services (Twitch, YouTube, bots, role subscriptions) linked to guilds and
 * to users' connections.
 *
 * @see https://discord.com/developers/docs/resources/guild#integration-object
 * @module
 */
import { serializePartialIntegration } from "../factory/guilds.js";
import type { Open } from "../internal/enums.js";
import type { RawPartialIntegration } from "../payloads/guilds.js";
import type { PartialGuild } from "./guilds.js";

/**
 * The service behind an integration.
 * @see https://discord.com/developers/docs/resources/guild#integration-object-integration-structure
 */
export const IntegrationType = {
  /** A Twitch subscriber integration. */
  TWITCH: "twitch",
  /** A YouTube membership integration. */
  YOUTUBE: "youtube",
  /** A bot or OAuth2 application. */
  DISCORD_BOT: "discord",
  /** A role subscription. */
  GUILD_SUBSCRIPTION: "guild_subscription",
} as const;

/** One of the values in {@link IntegrationType}. */
export type IntegrationType = (typeof IntegrationType)[keyof typeof IntegrationType];

/**
 * What happens to a subscriber whose subscription to a Twitch or YouTube integration ends.
 * @see https://discord.com/developers/docs/resources/guild#integration-object-integration-expire-behaviors
 */
export const IntegrationExpireBehaviour = {
  /** The integration's role is removed. */
  REMOVE_ROLE: 0,
  /** The member is kicked. */
  KICK: 1,
} as const;

/** One of the values in {@link IntegrationExpireBehaviour}. */
export type IntegrationExpireBehaviour =
  (typeof IntegrationExpireBehaviour)[keyof typeof IntegrationExpireBehaviour];

/**
 * The account on the third-party service behind an integration.
 * @see https://discord.com/developers/docs/resources/guild#integration-account-object
 */
export class IntegrationAccount {
  /** The account's ID on the service (not a snowflake). */
  declare readonly id: string;
  /** The account's name, when Discord knows it. */
  declare readonly name: string | null;

  /** @param init - the account's fields. */
  constructor(init: { readonly id: string; readonly name: string | null }) {
    this.id = init.id;
    this.name = init.name;
  }

  /** Whether `other` is an integration account with the same ID. */
  equals(other: unknown): boolean {
    return other instanceof IntegrationAccount && other.id === this.id;
  }

  /** The account's name, or its ID when the name is unknown. */
  toString(): string {
    return this.name ?? this.id;
  }
}

/** What {@link PartialIntegration}'s constructor takes. */
export interface PartialIntegrationInit {
  readonly id: string;
  readonly name: string | null;
  readonly type: Open<IntegrationType>;
  readonly account: IntegrationAccount;
  readonly guild: PartialGuild | null;
}

/**
 * An integration as a user's connection lists it (and the part every guild integration shares).
 * Discord's spec types the ID as a plain string (connection integrations may use names such as
 * `twitch-partners`), so there is no `createdAt`.
 * @see https://discord.com/developers/docs/resources/guild#integration-object
 */
export class PartialIntegration {
  /** The integration's ID. */
  declare readonly id: string;
  /** The integration's name; connection integrations leave it out. */
  declare readonly name: string | null;
  /** The service. */
  declare readonly type: Open<IntegrationType>;
  /** The account on the service. */
  declare readonly account: IntegrationAccount;
  /** The guild the integration belongs to (id, name and icon only; `features` is empty). */
  declare readonly guild: PartialGuild | null;

  /** @param init - the integration's fields. */
  constructor(init: PartialIntegrationInit) {
    this.id = init.id;
    this.name = init.name;
    this.type = init.type;
    this.account = init.account;
    this.guild = init.guild;
  }

  /** Whether `other` is the same kind of integration with the same ID. */
  equals(other: unknown): boolean {
    return (
      other instanceof PartialIntegration && other.constructor === this.constructor && other.id === this.id
    );
  }

  /** The integration's name, or its ID when it has none. */
  toString(): string {
    return this.name ?? this.id;
  }

  /** The Discord-shaped payload. */
  toJSON(): RawPartialIntegration {
    return serializePartialIntegration(this);
  }
}
