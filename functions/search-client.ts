import type { Client } from '@opensearch-project/opensearch';
import { createSearchClient } from '../adapters/opensearch/client.ts';
import { services } from './composition.ts';
import type { Config } from './config.ts';

let current: Client | undefined;

/**
 * The OpenSearch client, kept apart from `services()` so that only the functions that search
 * bundle it (it is about half of a bundle's bytes): a handler imports this module only when
 * its route's `access.search` is not `none`. Built once per container.
 */
export function searchClient(): Client {
  current ??= searchClientFor(services().config);
  return current;
}

export function searchClientFor(config: Config): Client {
  return createSearchClient({
    endpoint: config.OPENSEARCH_ENDPOINT,
    region: config.AWS_REGION,
    auth: config.OPENSEARCH_AUTH,
  });
}
