import {
  ClientHTTPResponseError,
  HTTPResponseError,
  InternalServerError,
  NetworkError,
  NotFoundError,
} from "../errors.js";
import { INSPECT } from "../internal/inspect.js";

/** Options for downloading an asset. */
export interface AssetReadOptions {
  /** Cancels the download. */
  readonly signal?: AbortSignal;
  /** The `fetch` to use; defaults to `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * The URL of a file on Discord's CDN, with helpers to download it. Compares by URL.
 *
 * @see https://discord.com/developers/docs/reference#image-formatting
 */
export class AssetUrl {
  /** The full URL, query included. */
  readonly url: string;

  /** @param url - an absolute URL. */
  constructor(url: string) {
    this.url = url;
  }

  /** The last segment of the URL's path (`a_1234.gif`). */
  get filename(): string {
    const url = this.url;
    let end = url.indexOf("?");
    const hash = url.indexOf("#");
    if (hash !== -1 && (end === -1 || hash < end)) end = hash;
    const path = end === -1 ? url : url.slice(0, end);
    return path.slice(path.lastIndexOf("/") + 1);
  }

  /** The text after the last `.` of {@link AssetUrl.filename}, or `null` if it has none. */
  get extension(): string | null {
    const filename = this.filename;
    const dot = filename.lastIndexOf(".");
    return dot === -1 ? null : filename.slice(dot + 1);
  }

  /** Downloads the file and returns its bytes. */
  async read(options: AssetReadOptions = {}): Promise<Uint8Array> {
    const response = await this.#get(options);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Starts downloading the file and returns its body as a stream. */
  async stream(options: AssetReadOptions = {}): Promise<ReadableStream<Uint8Array>> {
    const response = await this.#get(options);
    if (response.body === null) return new ReadableStream({ start: (controller) => controller.close() });
    return response.body;
  }

  async #get(options: AssetReadOptions): Promise<Response> {
    const fetchFn = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchFn(this.url, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      throw new NetworkError(`GET ${this.url} failed`, { cause: error });
    }
    if (response.ok) return response;
    const details = {
      url: this.url,
      status: response.status,
      headers: response.headers,
      rawBody: await response.text(),
    };
    if (response.status === 404) throw new NotFoundError(details);
    if (response.status >= 500) throw new InternalServerError(details);
    if (response.status >= 400) throw new ClientHTTPResponseError(details);
    throw new HTTPResponseError(details);
  }

  /** Whether `other` is an `AssetUrl` with the same URL. */
  equals(other: unknown): boolean {
    return other instanceof AssetUrl && other.url === this.url;
  }

  /** The URL. */
  toString(): string {
    return this.url;
  }

  /** The URL, so an `AssetUrl` serializes as a plain string. */
  toJSON(): string {
    return this.url;
  }

  /** Node's `util.inspect` output. */
  [INSPECT](): string {
    return `AssetUrl(${this.url})`;
  }
}
