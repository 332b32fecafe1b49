import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/versions/{version}: the config as it was at that version. */
export const handler = implement('admin-tenant-version', async ({ principal, params, services }) => {
  const found = await services.tenantAdmin.atVersion(principal, params.tenantId, params.version);
  return {
    headers: noStore,
    body: {
      version: found.version,
      updatedAt: found.updatedAt,
      updatedBy: found.updatedBy,
      config: found.tenant,
    },
  };
});
