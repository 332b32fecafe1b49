import type { SearchConnection } from '../adapters/opensearch/client.ts';
import { createSearchTransport, type SearchTransport } from '../adapters/opensearch/transport.ts';
import { services } from './composition.ts';
import type { Config } from './config.ts';

let current: SearchTransport | undefined;

/**
 * OpenSearch for the request path, kept apart from `services()` so that only the functions
 * that search bundle it: a handler imports this module only when its route's `access.search`
 * is not `none`. The slim transport (no generated client API) keeps those bundles small.
 * Built once per container.
 */
export function searchTransport(): SearchTransport {
  const { config } = services();
  current ??= createSearchTransport(connectionOf(config));
  return current;
}

/** Where and how to reach OpenSearch, from the function configuration. */
export function connectionOf(config: Config): SearchConnection {
  return { endpoint: config.OPENSEARCH_ENDPOINT, region: config.AWS_REGION, auth: config.OPENSEARCH_AUTH };
}
