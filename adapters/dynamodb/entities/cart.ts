import type { CartLine } from '../../../core/cart/model.ts';
import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/**
 * A shopper's cart on one site: one item per owner (`buyer-<buyerId>` or `visitor-<visitorId>`,
 * core/cart/model.ts ownerKey), under the tenant, so another site's cart is simply not found.
 */
export const cart = defineEntity({
  name: 'cart',
  scope: 'tenant',
  key: ({ tenantId, cartOwner }: { tenantId: string; cartOwner: string }) => ({
    pk: `${tenantPrefix(tenantId)}CART#${cartOwner}`,
    sk: 'CART',
  }),
  example: { tenantId: 'vn', cartOwner: 'visitor-v_AAAAAAAAAAAAAAAAAAAAAA' },
});

export interface CartItem extends TableKey {
  lines: CartLine[];
  /** +1 on every write; each write is conditional on the version it read. */
  version: number;
  updatedAt: string;
  /** The id of the write that stored this version: a write whose answer was lost recognises itself. */
  writeId: string;
  /** Epoch seconds (visitor carts only): DynamoDB's TTL deletes a cart idle this long. */
  ttl?: number;
}
