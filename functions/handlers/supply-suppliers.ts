import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/supply/suppliers: each supplier's on-time share and rejections. */
export const handler = implement('supply-suppliers', async ({ params, services }) => ({
  headers: noStore,
  body: { suppliers: await services.handoff.supplierRecords(params.tenantId) },
}));
