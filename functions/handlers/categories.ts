import { catalog } from '../catalog.ts';
import { publicFor } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/categories: the category tree within the tenant's curation. */
export const handler = implement('categories', async ({ tenant, locale }) => ({
  headers: publicFor(300),
  body: catalog().categories({ tenant, locale }),
}));
