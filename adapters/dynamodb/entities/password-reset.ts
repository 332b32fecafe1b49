import type { PasswordReset } from '../../../core/buyers/accounts.ts';
import { buyerPartition } from './buyer.ts';
import { defineEntity, type TableKey } from './keys.ts';

/** A buyer's pending password reset (one at a time), code stored as an HMAC; expires through TTL. */
export const passwordReset = defineEntity({
  name: 'passwordReset',
  scope: 'tenant',
  key: ({ tenantId, buyerId }: { tenantId: string; buyerId: string }) => ({
    pk: buyerPartition(tenantId, buyerId),
    sk: 'RESET',
  }),
  example: { tenantId: 'vn', buyerId: 'b_0123456789abcdef0123456789abcdef' },
});

export type PasswordResetItem = TableKey & PasswordReset & { ttl: number };
