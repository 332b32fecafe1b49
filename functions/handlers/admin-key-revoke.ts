import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** DELETE /api/v1/admin/tenants/{tenantId}/keys/{keyId}: the key stops working at once. */
export const handler = implement('admin-key-revoke', async ({ principal, params, services }) => ({
  headers: noStore,
  body: await services.tenantAdmin.revokeKey(principal, params.tenantId, params.keyId),
}));
