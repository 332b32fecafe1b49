import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/supply/notices: what the supply side reported that the partner must act on. */
export const handler = implement('supply-notices', async ({ params, services }) => ({
  headers: noStore,
  body: { notices: await services.handoffStore.notices(params.tenantId, 100) },
}));
