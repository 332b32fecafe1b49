import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/**
 * The claim of an email address on one tenant: keyed by the (lower-cased) address, holding the
 * buyer id. Written with the buyer in one transaction, on condition it does not exist, so an
 * address has at most one account per tenant; on another tenant it is another claim.
 */
export const buyerEmail = defineEntity({
  name: 'buyerEmail',
  scope: 'tenant',
  key: ({ tenantId, email }: { tenantId: string; email: string }) => ({
    pk: `${tenantPrefix(tenantId)}BUYER-EMAIL#${email}`,
    sk: 'EMAIL',
  }),
  example: { tenantId: 'vn', email: 'lan@example.vn' },
});

export interface BuyerEmailItem extends TableKey {
  buyerId: string;
}
