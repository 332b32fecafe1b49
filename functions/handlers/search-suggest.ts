import { searchCatalog } from '../catalog-search.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/search/suggest: typeahead within the tenant's curation. */
export const handler = implement('search-suggest', async ({ query, tenant, locale }) => ({
  body: await searchCatalog().suggest({ tenant, locale }, query.q, query.size),
}));
