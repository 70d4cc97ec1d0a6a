/**
 * What models hold on to: the client that built them.
 * @module
 */
import type { EntityFactory } from "./factory/entity-factory.js";
import type { RESTClient } from "./rest/client.js";

/**
 * Anything that can make REST calls and build models: a {@link RESTClient} is one. Models built by an
 * {@link EntityFactory} carry the factory's `RESTAware` (or `null`) behind a private field, so it never
 * appears in JSON, equality or inspection.
 */
export interface RESTAware {
  /** The REST client bound to a token. */
  readonly rest: RESTClient;
  /** The factory that turns payloads into models. */
  readonly entityFactory: EntityFactory;
}
