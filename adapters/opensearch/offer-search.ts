import type { OfferSearch, OfferSearchPage } from '../../core/catalog/search.ts';
import {
  buildCountBody,
  buildDidYouMeanBody,
  buildSearchBody,
  buildSuggestBody,
  FULL_MATCHES_ENOUGH,
  searchBodies,
} from './offer-query.ts';
import {
  parseDidYouMean,
  parseSearchResponse,
  parseSuggestResponse,
  type SearchResponseBody,
} from './offer-results.ts';
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
      // Full matches first; partial ones only where full ones are few (searchBodies). Every
      // page of a query takes the same branch: the full-match total does not depend on the cursor.
      const bodies = searchBodies(criteria);
      let page: OfferSearchPage | undefined;
      for (const [step, body] of bodies.entries()) {
        page = parseSearchResponse((await run(body)) as SearchResponseBody, criteria.sort);
        if (step < bodies.length - 1 && page.total >= FULL_MATCHES_ENOUGH) return page;
      }
      if (!page) throw new Error('searchBodies asked nothing');
      if (page.total > 0 || !criteria.text || criteria.after) return page;
      // Nothing matched: answer with a spelling suggestion and a relaxed query (of the suggestion
      // when there is one), flagged so the buyer sees why these results are looser.
      const spelling = buildDidYouMeanBody(criteria);
      const didYouMean = spelling
        ? parseDidYouMean(criteria.text, (await run(spelling)) as never)
        : undefined;
      const relaxed = parseSearchResponse(
        (await run(
          buildSearchBody({ ...criteria, text: didYouMean ?? criteria.text }, { relaxed: true }),
        )) as SearchResponseBody,
        criteria.sort,
      );
      return { ...relaxed, relaxed: true, ...(didYouMean && { didYouMean }) };
    },
    async count(criteria) {
      const page = parseSearchResponse(
        (await run(buildCountBody(criteria))) as SearchResponseBody,
        'relevance',
      );
      return { total: page.total, offers: page.offers };
    },
    async suggest(criteria) {
      return parseSuggestResponse(
        (await run(buildSuggestBody(criteria))) as Parameters<typeof parseSuggestResponse>[0],
      );
    },
  };
}
