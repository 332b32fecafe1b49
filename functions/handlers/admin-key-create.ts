import * as z from 'zod';
import { admin, authorizedBody, noStore } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

const keyBody = z.strictObject({ label: z.string().trim().min(1).max(60) });

/** POST /api/v1/admin/tenants/{tenantId}/keys: a new API key, shown in this response only. */
export const handler = httpRoute(
  { name: 'admin-key-create', tenant: 'none', params: z.object({ tenantId: z.string() }), body: z.unknown() },
  async ({ params, body, event }) => {
    const input = await authorizedBody(event, params, body, keyBody);
    return {
      status: 201,
      headers: noStore,
      body: await admin().createKey(input.principal, params.tenantId, input.body.label),
    };
  },
);
