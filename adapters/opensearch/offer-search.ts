import type { Client } from '@opensearch-project/opensearch';

/** Runs a search body (core/catalog/search-query.ts) against the offers alias. */
export function offerSearcher(client: Client, alias: string) {
  return async (body: Record<string, unknown>): Promise<unknown> => {
    const response = await client.search({ index: alias, body: body as never });
    return response.body;
  };
}
