import * as z from 'zod';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { admin, authorizedBody, noStore } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

const updateBody = z.strictObject({ expectedVersion: z.int().min(1), config: tenantSchema });

/**
 * PUT /api/v1/admin/tenants/{tenantId}: replaces the config when `expectedVersion` is still
 * current (409 CONFLICT otherwise). Invalid config: 400 naming every failing field, nothing saved.
 */
export const handler = httpRoute(
  {
    name: 'admin-tenant-update',
    tenant: 'none',
    params: z.object({ tenantId: z.string() }),
    body: z.unknown(),
  },
  async ({ params, body, event }) => {
    const input = await authorizedBody(event, params, body, updateBody);
    const saved = await admin().update(
      input.principal,
      params.tenantId,
      input.body.config,
      input.body.expectedVersion,
    );
    return {
      headers: { ...noStore, etag: `"${saved.version}"` },
      body: { version: saved.version, updatedAt: saved.updatedAt, config: saved.tenant },
    };
  },
);
