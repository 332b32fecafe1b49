import { searchCatalog } from '../catalog-search.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/search: offers of the tenant's curated catalog, in the buyer's language and the tenant's currency. */
export const handler = implement('search', async ({ query, tenant, locale }) => ({
  headers: { 'cache-control': 'no-store' },
  body: await searchCatalog().search({ tenant, locale }, query),
}));
