import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** PUT …/domains/{domain}/approval: the operator approves or revokes; both are recorded. */
export const handler = implement('admin-domain-approval', async ({ principal, params, body, services }) => ({
  headers: noStore,
  body: await services.domains.decide(principal, params.tenantId, params.domain, body),
}));
