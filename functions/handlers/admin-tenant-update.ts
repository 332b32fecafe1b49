import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/**
 * PUT /api/v1/admin/tenants/{tenantId}: replaces the config when `expectedVersion` is still
 * current (409 CONFLICT otherwise). Invalid config: 400 naming every failing field, nothing saved.
 */
export const handler = implement('admin-tenant-update', async ({ principal, params, body, services }) => {
  const saved = await services.tenantAdmin.update(
    principal,
    params.tenantId,
    body.config,
    body.expectedVersion,
  );
  return {
    headers: { ...noStore, etag: `"${saved.version}"` },
    body: { version: saved.version, updatedAt: saved.updatedAt, config: saved.tenant },
  };
});
