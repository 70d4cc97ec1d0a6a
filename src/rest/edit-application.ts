/**
 * The body of `PATCH /applications/@me` (Discord's `ApplicationFormPartial`).
 * @see https://discord.com/developers/docs/resources/application#edit-current-application
 * @module
 */

import { encodeBase64Url } from "../internal/base64.js";
import type { ApplicationEventWebhookStatus, ApplicationEventWebhookType } from "../models/applications.js";
import type { OAuth2Scope } from "../models/oauth2.js";

/** A bit set given as a bigint, a number, a decimal string or a flag value (anything with `value: bigint`). */
export type BitsInput =
  | bigint
  | number
  | string
  | {
      /** The bits. */
      readonly value: bigint;
    };

/** Install parameters to set; an `ApplicationInstallParameters` fits. */
export interface InstallParametersInput {
  /** The scopes the install link asks for (`bot`, `applications.commands`). */
  readonly scopes: readonly (OAuth2Scope | (string & {}))[];
  /** The permissions the bot's role gets (sent as an integer, so at most 2^53 - 1). */
  readonly permissions: BitsInput;
}

/** One installation context's settings; an `ApplicationIntegrationConfiguration` fits. */
export interface IntegrationConfigurationInput {
  /** Default install link settings for the context, or `null` for none. */
  readonly oauth2InstallParameters?: InstallParametersInput | null | undefined;
}

/**
 * An image to upload: a `data:image/...;base64,` URI, or the bytes of a PNG, JPEG or GIF file (the type
 * is read from the file's signature).
 */
export type ImageInput = string | Uint8Array;

/**
 * Fields of `editApplication`. Leave a field out to keep it; `null` clears it where Discord allows.
 * @see https://discord.com/developers/docs/resources/application#edit-current-application-json-params
 */
export interface EditApplicationOptions {
  /** The app's description (at most 400 characters). */
  readonly description?: string | undefined;
  /** The default custom authorization URL, when the app uses one instead of in-app install settings. */
  readonly customInstallUrl?: string | null | undefined;
  /** The URL users visit to link their account for linked roles. */
  readonly roleConnectionsVerificationUrl?: string | null | undefined;
  /** Only `GATEWAY_PRESENCE_LIMITED`, `GATEWAY_GUILD_MEMBERS_LIMITED` and `GATEWAY_MESSAGE_CONTENT_LIMITED` can be changed. */
  readonly flags?: BitsInput | null | undefined;
  /** Where Discord sends interactions over HTTP instead of the gateway. */
  readonly interactionsEndpointUrl?: string | null | undefined;
  /** Up to 5 tags of up to 20 characters. */
  readonly tags?: readonly string[] | null | undefined;
  /** Where Discord sends webhook events. */
  readonly eventWebhooksUrl?: string | null | undefined;
  /** Turns webhook events on (`2`) or off (`1`). */
  readonly eventWebhooksStatus?: ApplicationEventWebhookStatus | (number & {}) | null | undefined;
  /** The webhook event types to receive. */
  readonly eventWebhooksTypes?: readonly (ApplicationEventWebhookType | (string & {}))[] | null | undefined;
  /** The in-app authorization link's settings for guild installs. */
  readonly installParameters?: InstallParametersInput | null | undefined;
  /** Settings per installation context, keyed by integration type (`0` guild, `1` user). */
  readonly integrationTypesConfig?:
    | ReadonlyMap<number | string, IntegrationConfigurationInput | null>
    | Readonly<Record<string, IntegrationConfigurationInput | null>>
    | null
    | undefined;
  /** The app's icon. */
  readonly icon?: ImageInput | null | undefined;
  /** The app's rich presence invite cover image. */
  readonly coverImage?: ImageInput | null | undefined;
}

function bitsToNumber(bits: BitsInput, name: string): number {
  let value: bigint;
  if (typeof bits === "bigint") value = bits;
  else if (typeof bits === "number" && Number.isSafeInteger(bits)) value = BigInt(bits);
  else if (typeof bits === "string" && /^\d+$/.test(bits)) value = BigInt(bits);
  else if (typeof bits === "object" && bits !== null && typeof bits.value === "bigint") value = bits.value;
  else throw new TypeError(`${name} must be a bigint, an integer, a decimal string or a flag value`);
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${name} is out of range`);
  return Number(value);
}

function installParams(params: InstallParametersInput, name: string): Record<string, unknown> {
  return { scopes: [...params.scopes], permissions: bitsToNumber(params.permissions, `${name}.permissions`) };
}

const SIGNATURES: readonly [string, readonly number[]][] = [
  ["image/png", [0x89, 0x50, 0x4e, 0x47]],
  ["image/jpeg", [0xff, 0xd8, 0xff]],
  ["image/gif", [0x47, 0x49, 0x46, 0x38]],
];

function standardBase64(bytes: Uint8Array): string {
  const url = encodeBase64Url(bytes).replaceAll("-", "+").replaceAll("_", "/");
  return url + "=".repeat((4 - (url.length % 4)) % 4);
}

/** An image as the data URI Discord expects. */
function imageDataUri(image: ImageInput, name: string): string {
  if (typeof image === "string") {
    if (!/^data:image\/[\w.+-]+;base64,/.test(image))
      throw new TypeError(`${name} must be a data:image/...;base64, URI`);
    return image;
  }
  if (!(image instanceof Uint8Array)) throw new TypeError(`${name} must be a data URI or a Uint8Array`);
  const match = SIGNATURES.find(([, magic]) => magic.every((byte, index) => image[index] === byte));
  if (match === undefined) throw new TypeError(`${name} must be a PNG, JPEG or GIF image`);
  return `data:${match[0]};base64,${standardBase64(image)}`;
}

/** Builds the JSON body, in the key order hikari sends. */
export function editApplicationBody(options: EditApplicationOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const copy = (key: string, value: unknown): void => {
    if (value !== undefined) body[key] = value;
  };
  copy("description", options.description);
  copy("custom_install_url", options.customInstallUrl);
  copy("role_connections_verification_url", options.roleConnectionsVerificationUrl);
  if (options.flags !== undefined)
    body.flags = options.flags === null ? null : bitsToNumber(options.flags, "flags");
  copy("interactions_endpoint_url", options.interactionsEndpointUrl);
  if (options.tags !== undefined) body.tags = options.tags === null ? null : [...options.tags];
  copy("event_webhooks_url", options.eventWebhooksUrl);
  copy("event_webhooks_status", options.eventWebhooksStatus);
  if (options.eventWebhooksTypes !== undefined)
    body.event_webhooks_types = options.eventWebhooksTypes === null ? null : [...options.eventWebhooksTypes];
  if (options.installParameters !== undefined) {
    body.install_params =
      options.installParameters === null
        ? null
        : installParams(options.installParameters, "installParameters");
  }
  const config = options.integrationTypesConfig;
  if (config !== undefined) {
    if (config === null) {
      body.integration_types_config = null;
    } else {
      const out: Record<string, unknown> = {};
      const entries = config instanceof Map ? [...config.entries()] : Object.entries(config);
      for (const [type, value] of entries) {
        const params = value?.oauth2InstallParameters;
        out[String(type)] =
          params == null
            ? {}
            : { oauth2_install_params: installParams(params, `integrationTypesConfig.${type}`) };
      }
      body.integration_types_config = out;
    }
  }
  if (options.icon !== undefined)
    body.icon = options.icon === null ? null : imageDataUri(options.icon, "icon");
  if (options.coverImage !== undefined)
    body.cover_image = options.coverImage === null ? null : imageDataUri(options.coverImage, "coverImage");
  return body;
}
