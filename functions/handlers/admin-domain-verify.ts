import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST …/domains/{domain}/verify: the platform checks now; 422 DOMAIN_NOT_VERIFIED says what it found. */
export const handler = implement('admin-domain-verify', async ({ principal, params, services }) => ({
  headers: noStore,
  body: await services.domains.verify(principal, params.tenantId, params.domain),
}));
