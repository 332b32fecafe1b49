import { searchParamsSchema } from '../../core/catalog/search-query.ts';
import { searchCatalog } from '../catalog-search.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/search: offers of the tenant's curated catalog, in the buyer's language and the tenant's currency. */
export const handler = httpRoute(
  { name: 'search', tenant: 'required', query: searchParamsSchema },
  async ({ query, tenant, locale }) => ({
    headers: { 'cache-control': 'no-store' },
    body: await searchCatalog().search({ tenant: tenant!, locale }, query),
  }),
);
