import { catalog } from '../catalog.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/categories: the category tree the tenant sells, in the buyer's language. */
export const handler = httpRoute({ name: 'categories', tenant: 'required' }, async ({ tenant, locale }) => ({
  headers: { 'cache-control': 'public, max-age=300' },
  body: catalog().categories({ tenant: tenant!, locale }),
}));
