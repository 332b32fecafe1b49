import { normalizeHost } from '../../../core/tenants/tenant.ts';
import { defineEntity, type TableKey } from './keys.ts';

/**
 * The host → tenant routing index: one item per domain, holding only the tenant id. Platform
 * data by necessity: the router reads it before any tenant is known, and a domain can belong
 * to one tenant only, which a conditional write on this one item (keyed by the host alone)
 * enforces. The tenant's own list of domains is tenant data, in its config.
 */
export const domainClaim = defineEntity({
  name: 'domainClaim',
  scope: 'platform',
  key: ({ host }: { host: string }) => ({ pk: `DOMAIN#${normalizeHost(host)}`, sk: 'DOMAIN' }),
  example: { host: 'sourcing.example.kr' },
});

export interface DomainClaimItem extends TableKey {
  tenantId: string;
}
