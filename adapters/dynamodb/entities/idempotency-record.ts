import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/**
 * The stored outcome of an idempotent request (a route declared `idempotent`), under the
 * tenant it was made for: `scope` names the route, `key` is the client's Idempotency-Key.
 * Expires through the table's TTL attribute.
 */
export const idempotencyRecord = defineEntity({
  name: 'idempotencyRecord',
  scope: 'tenant',
  key: ({ tenantId, scope, key }: { tenantId: string; scope: string; key: string }) => ({
    pk: `${tenantPrefix(tenantId)}IDEMPOTENCY#${scope}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  example: { tenantId: 'vn', scope: 'POST /api/v1/quotes', key: '5f0c2f1e-8a43-4c1e-9a55-0b0e6f5d2a11' },
});

export interface IdempotencyRecordItem extends TableKey {
  status: 'in-progress' | 'completed';
  /** sha256 of the request body: another body under the same key is refused. */
  payloadHash: string;
  response?: unknown;
  ttl: number;
}
