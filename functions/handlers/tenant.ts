import { publicTenant } from '../../core/tenants/tenant.ts';
import { publicFor } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/tenant: the public face of the site the Host belongs to. */
export const handler = implement('tenant', async ({ tenant, locale }) => ({
  headers: publicFor(60),
  body: { ...publicTenant(tenant), locale },
}));
