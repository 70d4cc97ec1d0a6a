/**
 * Webhooks.
 *
 * @see https://discord.com/developers/docs/resources/webhook
 * @module
 */
import { type AssetUrl, CDN_DEFAULT_USER_AVATAR, CDN_USER_AVATAR, type ImageOptions } from "../cdn/index.js";
import { serializeIncomingWebhook } from "../factory/webhooks.js";
import type { Open } from "../internal/enums.js";
import { INSPECT } from "../internal/inspect.js";
import type { RawIncomingWebhook } from "../payloads/webhooks.js";
import { type Snowflake, snowflakeToDate } from "../snowflakes.js";
import type { RESTAware } from "../traits.js";
import type { User } from "./users.js";

/**
 * The kind of a webhook.
 * @see https://discord.com/developers/docs/resources/webhook#webhook-object-webhook-types
 */
export const WebhookType = {
  /** Posts messages to a channel with its token. */
  INCOMING: 1,
  /** Posts messages that a followed announcement channel publishes. */
  CHANNEL_FOLLOWER: 2,
  /** Used by interactions. */
  APPLICATION: 3,
} as const;

/** One of the values in {@link WebhookType}. */
export type WebhookType = (typeof WebhookType)[keyof typeof WebhookType];

/** What {@link IncomingWebhook}'s constructor takes. */
export interface IncomingWebhookInit {
  readonly app: RESTAware | null;
  readonly id: Snowflake;
  readonly type: Open<WebhookType>;
  readonly name: string | null;
  readonly avatarHash: string | null;
  readonly applicationId: Snowflake | null;
  readonly channelId: Snowflake | null;
  readonly guildId: Snowflake | null;
  readonly author: User | null;
  readonly token: string | null;
  readonly url: string | null;
}

/**
 * An incoming webhook, as the `webhook.incoming` OAuth2 scope creates it. Its `token` and `url` (which
 * contains the token) are secrets: they are kept in private fields behind getters, so they never show in
 * `toString()`, `util.inspect` or enumeration; only `toJSON()` writes them, for storage.
 * @see https://discord.com/developers/docs/resources/webhook#webhook-object
 */
export class IncomingWebhook {
  readonly #app: RESTAware | null;
  readonly #token: string | null;
  readonly #url: string | null;
  /** The webhook's ID. */
  declare readonly id: Snowflake;
  /** The webhook's kind (`INCOMING` here). */
  declare readonly type: Open<WebhookType>;
  /** The webhook's default name. */
  declare readonly name: string | null;
  /** The webhook's default avatar hash (`avatar`). */
  declare readonly avatarHash: string | null;
  /** The application that created the webhook. */
  declare readonly applicationId: Snowflake | null;
  /** The channel the webhook posts to. */
  declare readonly channelId: Snowflake | null;
  /** The guild the webhook belongs to. */
  declare readonly guildId: Snowflake | null;
  /** The user who created the webhook (`user`), when Discord says. */
  declare readonly author: User | null;

  /** @param init - the webhook's fields. */
  constructor(init: IncomingWebhookInit) {
    this.#app = init.app;
    this.#token = init.token;
    this.#url = init.url;
    this.id = init.id;
    this.type = init.type;
    this.name = init.name;
    this.avatarHash = init.avatarHash;
    this.applicationId = init.applicationId;
    this.channelId = init.channelId;
    this.guildId = init.guildId;
    this.author = init.author;
  }

  /** The client that built this model, or `null`. */
  get app(): RESTAware | null {
    return this.#app;
  }

  /** The secret token that lets anyone post through the webhook, or `null` when unknown. */
  get token(): string | null {
    return this.#token;
  }

  /** The secret execute URL (it contains the token), or `null` when unknown. */
  get url(): string | null {
    return this.#url;
  }

  /** The ID used to execute the webhook (its own ID). */
  get webhookId(): Snowflake {
    return this.id;
  }

  /** When the webhook was created, from its ID. */
  get createdAt(): Date {
    return snowflakeToDate(this.id);
  }

  /** The text that mentions the webhook: `<@id>`. */
  get mention(): string {
    return `<@${this.id}>`;
  }

  /** The avatar at the default format and size, or `null` without one. */
  get avatarUrl(): AssetUrl | null {
    return this.makeAvatarUrl();
  }

  /** The avatar (PNG by default, never GIF unless asked), or `null` without one. */
  makeAvatarUrl(options: ImageOptions = {}): AssetUrl | null {
    if (this.avatarHash === null) return null;
    return CDN_USER_AVATAR.compile(
      { user_id: this.id, hash: this.avatarHash },
      options.ext === undefined ? { ...options, ext: "png" } : options,
    );
  }

  /** The avatar Discord shows for a webhook without one: default avatar 0. */
  get defaultAvatarUrl(): AssetUrl {
    return CDN_DEFAULT_USER_AVATAR.compile({ index: 0 });
  }

  /** The avatar if set, else the default one. */
  get displayAvatarUrl(): AssetUrl {
    return this.makeAvatarUrl() ?? this.defaultAvatarUrl;
  }

  /** Whether `other` is an incoming webhook with the same ID. */
  equals(other: unknown): boolean {
    return other instanceof IncomingWebhook && other.constructor === this.constructor && other.id === this.id;
  }

  /** The webhook's name, or `Unnamed webhook ID <id>` without one. Never the token. */
  toString(): string {
    return this.name || `Unnamed webhook ID ${this.id}`;
  }

  /**
   * The Discord-shaped payload (`GuildIncomingWebhookResponse`), token and URL included: it is meant for
   * storage, so treat the result as a secret.
   */
  toJSON(): RawIncomingWebhook {
    return serializeIncomingWebhook(this);
  }

  /** Node's `util.inspect` output: the public fields, with the token shown only as `[redacted]` and no URL. */
  [INSPECT](_depth: number, options: object, inspect?: (value: unknown, options: object) => string): string {
    const shown = {
      id: this.id,
      type: this.type,
      name: this.name,
      avatarHash: this.avatarHash,
      applicationId: this.applicationId,
      channelId: this.channelId,
      guildId: this.guildId,
      author: this.author,
      token: this.#token === null ? null : "[redacted]",
    };
    return `IncomingWebhook ${inspect ? inspect(shown, options) : JSON.stringify(shown)}`;
  }
}
