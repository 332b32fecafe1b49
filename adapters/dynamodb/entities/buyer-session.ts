import type { SessionRecord } from '../../../core/buyers/sessions.ts';
import { buyerPartition } from './buyer.ts';
import { defineEntity, type TableKey } from './keys.ts';

/**
 * A signed-in session, in its buyer's partition, keyed by the SHA-256 of the cookie's secret
 * (the secret itself is never stored). Expires through the table's TTL attribute at its
 * `expiresAt` (idle or absolute, whichever comes first); reads check `expiresAt` too, since
 * DynamoDB deletes expired items only eventually.
 */
export const buyerSession = defineEntity({
  name: 'buyerSession',
  scope: 'tenant',
  key: ({ tenantId, buyerId, sessionId }: { tenantId: string; buyerId: string; sessionId: string }) => ({
    pk: buyerPartition(tenantId, buyerId),
    sk: `SESSION#${sessionId}`,
  }),
  query: ({ tenantId, buyerId }: { tenantId: string; buyerId: string }) => ({
    pk: buyerPartition(tenantId, buyerId),
    skPrefix: 'SESSION#',
  }),
  example: {
    tenantId: 'vn',
    buyerId: 'b_0123456789abcdef0123456789abcdef',
    sessionId: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  },
});

export type BuyerSessionItem = TableKey & { session: SessionRecord; ttl: number };
