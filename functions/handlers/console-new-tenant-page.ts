import { newTenantPage } from '../../console/pages/tenants.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** GET /new-tenant: the operator's form for a new partner site. */
export const handler = implement('console-new-tenant-page', async (input) => {
  const ctx = await consolePage(input);
  return consoleAnswer(ctx, newTenantPage(ctx));
});
