import { searchResultsPage } from '../../storefront/pages/catalog.ts';
import { searchStateFrom } from '../../storefront/search-state.ts';
import { searchCatalog } from '../catalog-search.ts';
import { implement } from '../http/route.ts';
import { asPage, htmlAnswer, pageContext } from './page-kit.ts';

/** GET /search: results with facet filters and sorting, from the same search port as the API. */
export const handler = implement('page-search', async (request) => {
  const input = asPage(request);
  const { params, state } = searchStateFrom(input.event.queryStringParameters ?? {});
  const page = await searchCatalog().search(input, params);
  const ctx = pageContext(input);
  return htmlAnswer(ctx, input.event, searchResultsPage(ctx, state, page));
});
