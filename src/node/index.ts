/**
 * `discord-appkit/node`: extras that only run on Node. {@link createNodeFetch} is a light HTTP/1.1
 * transport to pass to `RESTApp` as its `fetch`.
 *
 * @example
 * ```ts
 * import { RESTApp } from "discord-appkit";
 * import { createNodeFetch } from "discord-appkit/node";
 *
 * const app = new RESTApp({ fetch: createNodeFetch() });
 * ```
 * @module
 */
export {
  createNodeFetch,
  type NodeFetch,
  type NodeFetchOptions,
  type NodeFetchResponse,
  NodeResponseHeaders,
} from "./fetch.js";
