import { tenantOverview } from '../../console/pages/tenant.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** GET /tenants/{tenantId}: the tenant's start page (its own users, or the operator). */
export const handler = implement('console-tenant', async (input) => {
  const found = await input.services.tenantAdmin.get(input.principal, input.params.tenantId);
  const ctx = await consolePage(input);
  return consoleAnswer(ctx, tenantOverview(ctx, found.tenant, found.version));
});
