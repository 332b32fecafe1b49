import { normalizeHost } from '../../../core/tenants/tenant.ts';
import { defineEntity, tenantPrefix } from './keys.ts';

/** One partition per tenant and domain: the domain's state and its decisions. */
const domainPartition = (tenantId: string, host: string) =>
  `${tenantPrefix(tenantId)}DOMAIN#${normalizeHost(host)}`;

/** A tenant's domain: pending, verified, approved or revoked, with its token (routing reads it). */
export const domainVerification = defineEntity({
  name: 'domainVerification',
  scope: 'tenant',
  key: ({ tenantId, host }: { tenantId: string; host: string }) => ({
    pk: domainPartition(tenantId, host),
    sk: 'STATE',
  }),
  example: { tenantId: 'vn', host: 'shop.example.vn' },
});

/** A decision on a tenant's domain (verified, approved, revoked): who and when, newest first. */
export const domainEvent = defineEntity({
  name: 'domainEvent',
  scope: 'tenant',
  key: ({ tenantId, host, at, suffix }: { tenantId: string; host: string; at: string; suffix: string }) => ({
    pk: domainPartition(tenantId, host),
    sk: `EVENT#${at}#${suffix}`,
  }),
  query: ({ tenantId, host }: { tenantId: string; host: string }) => ({
    pk: domainPartition(tenantId, host),
    skPrefix: 'EVENT#',
  }),
  example: { tenantId: 'vn', host: 'shop.example.vn', at: '2026-12-01T10:00:00.000Z', suffix: '0a1b2c3d' },
});
