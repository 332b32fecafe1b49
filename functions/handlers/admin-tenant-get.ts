import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}: the current config, its version as the ETag. */
export const handler = implement('admin-tenant-get', async ({ principal, params, services }) => {
  const found = await services.tenantAdmin.get(principal, params.tenantId);
  return {
    headers: { ...noStore, etag: `"${found.version}"` },
    body: {
      version: found.version,
      updatedAt: found.updatedAt,
      updatedBy: found.updatedBy,
      config: found.tenant,
    },
  };
});
