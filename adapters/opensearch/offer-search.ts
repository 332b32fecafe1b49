import type { SearchTransport } from './transport.ts';

/** Runs a search body (core/catalog/search-query.ts) against the offers alias. */
export function offerSearcher(transport: SearchTransport, alias: string) {
  return async (body: Record<string, unknown>): Promise<unknown> => {
    const response = await transport.request({
      method: 'POST',
      path: `/${encodeURIComponent(alias)}/_search`,
      body,
    });
    return response.body;
  };
}
