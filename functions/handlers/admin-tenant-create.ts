import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/admin/tenants (operator, idempotent): creates a partner site at config version 1. */
export const handler = implement('admin-tenant-create', async ({ principal, body, services }) => {
  const created = await services.tenantAdmin.create(principal, body);
  return { status: 201, headers: noStore, body: { version: created.version, config: created.tenant } };
});
