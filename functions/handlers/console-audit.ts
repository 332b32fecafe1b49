import { auditPage } from '../../console/pages/audit.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** GET /tenants/{tenantId}/audit: who changed what and when (tenantAdmin.audit). */
export const handler = implement('console-audit', async (input) => {
  const ctx = await consolePage(input);
  const records = await input.services.tenantAdmin.audit(input.principal, input.params.tenantId, 100);
  return consoleAnswer(ctx, auditPage(ctx, records));
});
