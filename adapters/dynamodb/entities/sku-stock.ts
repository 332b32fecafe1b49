import { defineEntity, type TableKey } from './keys.ts';

/**
 * The units of one SKU available to sell, as its own item so a checkout can take them with a
 * conditional decrement (`stock >= :q`) in the order's transaction. Platform data: the supply
 * catalog's stock is shared by every tenant's storefront.
 */
export const skuStock = defineEntity({
  name: 'skuStock',
  scope: 'platform',
  key: ({ offerId, skuId }: { offerId: string; skuId: string }) => ({
    pk: `STOCK#${offerId}`,
    sk: `SKU#${skuId}`,
  }),
  query: ({ offerId }: { offerId: string }) => ({ pk: `STOCK#${offerId}`, skPrefix: 'SKU#' }),
  example: { offerId: 'yw-1001', skuId: 'yw-1001-white-xl' },
});

export interface SkuStockItem extends TableKey {
  offerId: string;
  skuId: string;
  stock: number;
}
