/**
 * Guild and channel permissions.
 *
 * @see https://discord.com/developers/docs/topics/permissions
 * @module
 */
import { BitFlags } from "../internal/flags.js";

/**
 * A set of Discord permissions, as a role, a member or an install link carries them. Discord sends them
 * as a decimal string; bits above 31 survive because the value is a `bigint`.
 *
 * Each bit prints under hikari's name where hikari has one; Discord's own names for the same bits are
 * aliases (`MENTION_EVERYONE` is `MENTION_ROLES`, `USE_VAD` is `USE_VOICE_ACTIVITY`,
 * `USE_EMBEDDED_ACTIVITIES` is `START_EMBEDDED_ACTIVITIES`, and hikari's older `MANAGE_EMOJIS_AND_STICKERS`
 * is `MANAGE_GUILD_EXPRESSIONS`).
 *
 * @example
 * ```ts
 * Permissions.from("8").toString(); // "ADMINISTRATOR"
 * Permissions.from("2048").has(Permissions.SEND_MESSAGES); // true
 * ```
 * @see https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags
 */
export class Permissions extends BitFlags {
  /** No permission at all. */
  static readonly NONE = new Permissions(0n);
  /** Create invites. */
  static readonly CREATE_INSTANT_INVITE = new Permissions(1n << 0n);
  /** Kick members. */
  static readonly KICK_MEMBERS = new Permissions(1n << 1n);
  /** Ban members. */
  static readonly BAN_MEMBERS = new Permissions(1n << 2n);
  /** Every permission, bypassing channel overwrites. */
  static readonly ADMINISTRATOR = new Permissions(1n << 3n);
  /** Create, edit and delete channels. */
  static readonly MANAGE_CHANNELS = new Permissions(1n << 4n);
  /** Edit the guild's settings. */
  static readonly MANAGE_GUILD = new Permissions(1n << 5n);
  /** Add new reactions to messages. */
  static readonly ADD_REACTIONS = new Permissions(1n << 6n);
  /** Read the audit log. */
  static readonly VIEW_AUDIT_LOG = new Permissions(1n << 7n);
  /** Priority speaker in voice channels. */
  static readonly PRIORITY_SPEAKER = new Permissions(1n << 8n);
  /** Go live (stream) in voice channels. */
  static readonly STREAM = new Permissions(1n << 9n);
  /** See a channel (read messages, join voice). */
  static readonly VIEW_CHANNEL = new Permissions(1n << 10n);
  /** Send messages. */
  static readonly SEND_MESSAGES = new Permissions(1n << 11n);
  /** Send text-to-speech messages. */
  static readonly SEND_TTS_MESSAGES = new Permissions(1n << 12n);
  /** Delete and pin other members' messages. */
  static readonly MANAGE_MESSAGES = new Permissions(1n << 13n);
  /** Links get embeds. */
  static readonly EMBED_LINKS = new Permissions(1n << 14n);
  /** Upload files. */
  static readonly ATTACH_FILES = new Permissions(1n << 15n);
  /** Read past messages. */
  static readonly READ_MESSAGE_HISTORY = new Permissions(1n << 16n);
  /** Mention `@everyone`, `@here` and every role (Discord calls it `MENTION_EVERYONE`). */
  static readonly MENTION_ROLES = new Permissions(1n << 17n);
  /** Use emojis from other guilds. */
  static readonly USE_EXTERNAL_EMOJIS = new Permissions(1n << 18n);
  /** See guild insights. */
  static readonly VIEW_GUILD_INSIGHTS = new Permissions(1n << 19n);
  /** Join voice channels. */
  static readonly CONNECT = new Permissions(1n << 20n);
  /** Speak in voice channels. */
  static readonly SPEAK = new Permissions(1n << 21n);
  /** Mute other members in voice. */
  static readonly MUTE_MEMBERS = new Permissions(1n << 22n);
  /** Deafen other members in voice. */
  static readonly DEAFEN_MEMBERS = new Permissions(1n << 23n);
  /** Move members between voice channels. */
  static readonly MOVE_MEMBERS = new Permissions(1n << 24n);
  /** Speak with voice activity detection (Discord calls it `USE_VAD`). */
  static readonly USE_VOICE_ACTIVITY = new Permissions(1n << 25n);
  /** Change one's own nickname. */
  static readonly CHANGE_NICKNAME = new Permissions(1n << 26n);
  /** Change other members' nicknames. */
  static readonly MANAGE_NICKNAMES = new Permissions(1n << 27n);
  /** Manage roles below one's highest role. */
  static readonly MANAGE_ROLES = new Permissions(1n << 28n);
  /** Manage webhooks. */
  static readonly MANAGE_WEBHOOKS = new Permissions(1n << 29n);
  /** Edit and delete emojis, stickers and soundboard sounds. */
  static readonly MANAGE_GUILD_EXPRESSIONS = new Permissions(1n << 30n);
  /** Use application commands. */
  static readonly USE_APPLICATION_COMMANDS = new Permissions(1n << 31n);
  /** Ask to speak in stage channels. */
  static readonly REQUEST_TO_SPEAK = new Permissions(1n << 32n);
  /** Edit and delete scheduled events. */
  static readonly MANAGE_EVENTS = new Permissions(1n << 33n);
  /** Manage threads. */
  static readonly MANAGE_THREADS = new Permissions(1n << 34n);
  /** Create public and announcement threads. */
  static readonly CREATE_PUBLIC_THREADS = new Permissions(1n << 35n);
  /** Create private threads. */
  static readonly CREATE_PRIVATE_THREADS = new Permissions(1n << 36n);
  /** Use stickers from other guilds. */
  static readonly USE_EXTERNAL_STICKERS = new Permissions(1n << 37n);
  /** Send messages in threads. */
  static readonly SEND_MESSAGES_IN_THREADS = new Permissions(1n << 38n);
  /** Launch activities in voice channels (Discord calls it `USE_EMBEDDED_ACTIVITIES`). */
  static readonly START_EMBEDDED_ACTIVITIES = new Permissions(1n << 39n);
  /** Time members out. */
  static readonly MODERATE_MEMBERS = new Permissions(1n << 40n);
  /** See role-subscription analytics. */
  static readonly VIEW_CREATOR_MONETIZATION_ANALYTICS = new Permissions(1n << 41n);
  /** Use the soundboard. */
  static readonly USE_SOUNDBOARD = new Permissions(1n << 42n);
  /** Create emojis, stickers and soundboard sounds. */
  static readonly CREATE_GUILD_EXPRESSIONS = new Permissions(1n << 43n);
  /** Create scheduled events. */
  static readonly CREATE_EVENTS = new Permissions(1n << 44n);
  /** Use soundboard sounds from other guilds. */
  static readonly USE_EXTERNAL_SOUNDS = new Permissions(1n << 45n);
  /** Send voice messages. */
  static readonly SEND_VOICE_MESSAGES = new Permissions(1n << 46n);
  /** Set a voice channel's status. */
  static readonly SET_VOICE_CHANNEL_STATUS = new Permissions(1n << 48n);
  /** Send polls. */
  static readonly SEND_POLLS = new Permissions(1n << 49n);
  /** Let user-installed apps answer publicly. */
  static readonly USE_EXTERNAL_APPS = new Permissions(1n << 50n);
  /** Pin and unpin messages. */
  static readonly PIN_MESSAGES = new Permissions(1n << 51n);
  /** Ignore slowmode. */
  static readonly BYPASS_SLOWMODE = new Permissions(1n << 52n);

  /** Discord's name for {@link Permissions.MENTION_ROLES}. */
  static readonly MENTION_EVERYONE = Permissions.MENTION_ROLES;
  /** Discord's name for {@link Permissions.USE_VOICE_ACTIVITY}. */
  static readonly USE_VAD = Permissions.USE_VOICE_ACTIVITY;
  /** hikari's name (January 2023) for {@link Permissions.MANAGE_GUILD_EXPRESSIONS}. */
  static readonly MANAGE_EMOJIS_AND_STICKERS = Permissions.MANAGE_GUILD_EXPRESSIONS;
  /** Discord's name for {@link Permissions.START_EMBEDDED_ACTIVITIES}. */
  static readonly USE_EMBEDDED_ACTIVITIES = Permissions.START_EMBEDDED_ACTIVITIES;
}
