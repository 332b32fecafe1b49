import type { OfferSearch } from '../../core/catalog/search.ts';
import { buildSearchBody, buildSuggestBody } from './offer-query.ts';
import { parseSearchResponse, parseSuggestResponse, type SearchResponseBody } from './offer-results.ts';
import { searchFailure } from './search-errors.ts';
import type { SearchTransport } from './transport.ts';

/**
 * The search port over the offers alias: builds the request (offer-query.ts), runs it, parses
 * the response (offer-results.ts). A node that is down or too slow answers
 * `SEARCH_UNAVAILABLE` (search-errors.ts).
 */
export function openSearchOffers(transport: SearchTransport, alias: string): OfferSearch {
  const path = `/${encodeURIComponent(alias)}/_search`;
  const run = async (body: Record<string, unknown>) => {
    try {
      return (await transport.request({ method: 'POST', path, body })).body;
    } catch (error) {
      throw searchFailure(error);
    }
  };
  return {
    async search(criteria) {
      return parseSearchResponse((await run(buildSearchBody(criteria))) as SearchResponseBody, criteria.sort);
    },
    async suggest(criteria) {
      return parseSuggestResponse(
        (await run(buildSuggestBody(criteria))) as Parameters<typeof parseSuggestResponse>[0],
      );
    },
  };
}
