import * as z from 'zod';
import { admin, noStore, principalOf } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/audit: who changed what and when, newest first. */
export const handler = httpRoute(
  {
    name: 'admin-tenant-audit',
    tenant: 'none',
    params: z.object({ tenantId: z.string() }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).catch(50) }),
  },
  async ({ params, query, event }) => ({
    headers: noStore,
    body: { records: await admin().audit(await principalOf(event), params.tenantId, query.limit) },
  }),
);
