import { suggestParamsSchema } from '../../core/catalog/search-query.ts';
import { searchCatalog } from '../catalog-search.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/search/suggest?q=: typeahead titles and categories, within the tenant's curation. */
export const handler = httpRoute(
  { name: 'search-suggest', tenant: 'required', query: suggestParamsSchema },
  async ({ query, tenant, locale }) => ({
    body: await searchCatalog().suggest({ tenant: tenant!, locale }, query.q, query.size),
  }),
);
