import { domainsPage } from '../../console/pages/domains.ts';
import { isOperator } from '../../core/tenants/admin-auth.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** GET /tenants/{tenantId}/domains: each domain's status and proof; the operator decides. */
export const handler = implement('console-domains', async (input) => {
  const ctx = await consolePage(input);
  const domains = await input.services.domains.list(input.principal, input.params.tenantId);
  return consoleAnswer(
    ctx,
    domainsPage(ctx, input.params.tenantId, domains, {
      mayDecide: isOperator(input.principal),
      ...(input.query.done && { decided: input.query.done }),
    }),
  );
});
