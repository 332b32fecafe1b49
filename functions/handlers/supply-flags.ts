import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/supply/flags: broken 48-hour shipping promises, still open. */
export const handler = implement('supply-flags', async ({ params, services }) => ({
  headers: noStore,
  body: { flags: await services.handoff.slaFlags(params.tenantId) },
}));
