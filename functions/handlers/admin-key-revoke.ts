import * as z from 'zod';
import { admin, noStore, principalOf } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

/** DELETE /api/v1/admin/tenants/{tenantId}/keys/{keyId}: the key stops working at once. */
export const handler = httpRoute(
  {
    name: 'admin-key-revoke',
    tenant: 'none',
    params: z.object({ tenantId: z.string(), keyId: z.string() }),
  },
  async ({ params, event }) => ({
    headers: noStore,
    body: await admin().revokeKey(await principalOf(event), params.tenantId, params.keyId),
  }),
);
