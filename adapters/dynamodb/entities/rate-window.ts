import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/**
 * One fixed window of a rate counter (adapters/dynamodb/rate-limit-store.ts): a tenant's buckets
 * (a route's limit per client) under the tenant; the platform's (failed sign-ins per client
 * address, before any tenant is known) under RATE#. Expires through the table's TTL attribute.
 */
export const tenantRateWindow = defineEntity({
  name: 'tenantRateWindow',
  scope: 'tenant',
  key: ({ tenantId, bucket, start }: { tenantId: string; bucket: string; start: number }) => ({
    pk: `${tenantPrefix(tenantId)}RATE#${bucket}`,
    sk: `W#${start}`,
  }),
  example: { tenantId: 'vn', bucket: 'route:quote-create:ip:198.51.100.7', start: 1_796_000_000_000 },
});

export const platformRateWindow = defineEntity({
  name: 'platformRateWindow',
  scope: 'platform',
  key: ({ bucket, start }: { bucket: string; start: number }) => ({ pk: `RATE#${bucket}`, sk: `W#${start}` }),
  example: { bucket: 'auth-failures:ip:198.51.100.7', start: 1_796_000_000_000 },
});

export interface RateWindowItem extends TableKey {
  hits: number;
  ttl: number;
}
