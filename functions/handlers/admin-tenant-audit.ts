import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/audit?limit=: who changed what and when, newest first. */
export const handler = implement('admin-tenant-audit', async ({ principal, params, query, services }) => ({
  headers: noStore,
  body: { records: await services.tenantAdmin.audit(principal, params.tenantId, query.limit) },
}));
