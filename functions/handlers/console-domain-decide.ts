import * as z from 'zod';
import { tenantPath } from '../../console/context.ts';
import { implement } from '../http/route.ts';
import { consoleForm, seeOther } from './console-kit.ts';

const decisionForm = z.object({
  approved: z.enum(['true', 'false']),
  reason: z.string().trim().max(200).optional(),
});

/** POST /tenants/{tenantId}/domains/{domain}/approval: the operator approves or revokes (domainService.decide). */
export const handler = implement('console-domain-decide', async (input) => {
  const { value } = consoleForm(input, decisionForm);
  await input.services.domains.decide(input.principal, input.params.tenantId, input.params.domain, {
    approved: value.approved === 'true',
    ...(value.reason && { reason: value.reason }),
  });
  return seeOther(
    `${tenantPath(input.params.tenantId, '/domains')}?done=${encodeURIComponent(input.params.domain)}`,
  );
});
