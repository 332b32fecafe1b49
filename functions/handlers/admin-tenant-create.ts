import * as z from 'zod';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { admin, authorizedBody, noStore } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

/** POST /api/v1/admin/tenants (operator key): creates a partner site at config version 1. */
export const handler = httpRoute(
  { name: 'admin-tenant-create', tenant: 'none', body: z.unknown() },
  async ({ body, event }) => {
    const input = await authorizedBody(event, 'operator', body, tenantSchema);
    const created = await admin().create(input.principal, input.body);
    return { status: 201, headers: noStore, body: { version: created.version, config: created.tenant } };
  },
);
