import * as z from 'zod';
import { admin, noStore, principalOf } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/versions/{version}: the config as it was (to compare or restore). */
export const handler = httpRoute(
  {
    name: 'admin-tenant-version',
    tenant: 'none',
    params: z.object({ tenantId: z.string(), version: z.string() }),
  },
  async ({ params, event }) => {
    const principal = await principalOf(event);
    const version = /^[1-9]\d{0,9}$/.test(params.version) ? Number(params.version) : 0;
    const found = await admin().atVersion(principal, params.tenantId, version);
    return {
      headers: noStore,
      body: {
        version: found.version,
        updatedAt: found.updatedAt,
        updatedBy: found.updatedBy,
        config: found.tenant,
      },
    };
  },
);
