import * as z from 'zod';
import { admin, noStore, principalOf } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}: the full config and its version (operator or the tenant's key). */
export const handler = httpRoute(
  { name: 'admin-tenant-get', tenant: 'none', params: z.object({ tenantId: z.string() }) },
  async ({ params, event }) => {
    const found = await admin().get(await principalOf(event), params.tenantId);
    return {
      headers: { ...noStore, etag: `"${found.version}"` },
      body: {
        version: found.version,
        updatedAt: found.updatedAt,
        updatedBy: found.updatedBy,
        config: found.tenant,
      },
    };
  },
);
