import * as z from 'zod';
import { admin, noStore, principalOf } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/keys: the tenant's keys without any secret. */
export const handler = httpRoute(
  { name: 'admin-key-list', tenant: 'none', params: z.object({ tenantId: z.string() }) },
  async ({ params, event }) => ({
    headers: noStore,
    body: { keys: await admin().listKeys(await principalOf(event), params.tenantId) },
  }),
);
