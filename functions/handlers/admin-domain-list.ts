import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/domains: each domain's status and how to prove it. */
export const handler = implement('admin-domain-list', async ({ principal, params, services }) => ({
  headers: noStore,
  body: { domains: await services.domains.list(principal, params.tenantId) },
}));
