import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/admin/tenants/{tenantId}/keys: a new API key, shown in this response only. */
export const handler = implement('admin-key-create', async ({ principal, params, body, services }) => ({
  status: 201,
  headers: noStore,
  body: await services.tenantAdmin.createKey(principal, params.tenantId, body.label),
}));
