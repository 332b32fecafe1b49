import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/**
 * The stored outcome of an idempotent request (a route declared `idempotent`), written by
 * Powertools' DynamoDBPersistenceLayer (adapters/dynamodb/idempotency-store.ts): one partition
 * per tenant, the sort key `<route>#<hash of the Idempotency-Key>` made by Powertools. Expires
 * through the table's TTL attribute. Operator calls that name no tenant (creating one) keep
 * theirs in the platform partition.
 */
export const idempotencyRecord = defineEntity({
  name: 'idempotencyRecord',
  scope: 'tenant',
  key: ({ tenantId, route, hash }: { tenantId: string; route: string; hash: string }) => ({
    pk: `${tenantPrefix(tenantId)}IDEMPOTENCY`,
    sk: `${route}#${hash}`,
  }),
  example: { tenantId: 'vn', route: 'quote-create', hash: '5f0c2f1e8a434c1e9a550b0e6f5d2a11' },
});

export const platformIdempotencyRecord = defineEntity({
  name: 'platformIdempotencyRecord',
  scope: 'platform',
  key: ({ route, hash }: { route: string; hash: string }) => ({
    pk: 'PLATFORM#IDEMPOTENCY',
    sk: `${route}#${hash}`,
  }),
  example: { route: 'admin-tenant-create', hash: '5f0c2f1e8a434c1e9a550b0e6f5d2a11' },
});

/** The partition Powertools writes a scope's records under (it makes the sort keys itself). */
export function idempotencyPartition(tenantId: string | undefined): string {
  return tenantId
    ? idempotencyRecord.key({ tenantId, route: 'r', hash: 'h' }).pk
    : platformIdempotencyRecord.key({ route: 'r', hash: 'h' }).pk;
}

export interface IdempotencyRecordItem extends TableKey {
  status: 'INPROGRESS' | 'COMPLETED';
  data?: unknown;
  validation?: string;
  ttl: number;
}
