import type { BuyerRecord } from '../../../core/buyers/accounts.ts';
import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/**
 * A buyer's partition holds the account, its sessions (buyer-session.ts) and its pending
 * password reset (password-reset.ts): one Query finds every session to end.
 */
export const buyerPartition = (tenantId: string, buyerId: string) =>
  `${tenantPrefix(tenantId)}BUYER#${buyerId}`;

/** A buyer account of one tenant (profile and password hash). */
export const buyer = defineEntity({
  name: 'buyer',
  scope: 'tenant',
  key: ({ tenantId, buyerId }: { tenantId: string; buyerId: string }) => ({
    pk: buyerPartition(tenantId, buyerId),
    sk: 'PROFILE',
  }),
  example: { tenantId: 'vn', buyerId: 'b_0123456789abcdef0123456789abcdef' },
});

export type BuyerItem = TableKey & { buyer: BuyerRecord };
