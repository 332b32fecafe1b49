import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/keys: the site's keys, without their secrets. */
export const handler = implement('admin-key-list', async ({ principal, params, services }) => ({
  headers: noStore,
  body: { keys: await services.tenantAdmin.listKeys(principal, params.tenantId) },
}));
