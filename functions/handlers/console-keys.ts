import { keysPage } from '../../console/pages/keys.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** GET /tenants/{tenantId}/keys: the tenant's API keys (never their secrets). */
export const handler = implement('console-keys', async (input) => {
  const ctx = await consolePage(input);
  const keys = await input.services.tenantAdmin.listKeys(input.principal, input.params.tenantId);
  return consoleAnswer(ctx, keysPage(ctx, input.params.tenantId, keys));
});
