import { defineEntity, type TableKey } from './keys.ts';

/**
 * The units of one SKU in stock: one item per SKU, in its offer's partition, so the offer's
 * one Query (offer pages, the cart) reads the live counts with the offer, and checkout can
 * decrement each SKU with its own condition (`stock >= :q`) in one transaction. Platform data,
 * like the catalog it belongs to. The import sets `stock` to the feed's value whenever it
 * writes a newer version of the offer (in the same transaction); `feedVersion` is that version.
 */
export const skuStock = defineEntity({
  name: 'skuStock',
  scope: 'platform',
  key: ({ offerId, skuId }: { offerId: string; skuId: string }) => ({
    // The offer's own partition (entities/offer.ts).
    pk: `OFFER#${offerId}`,
    sk: `STOCK#${skuId}`,
  }),
  query: ({ offerId }: { offerId: string }) => ({ pk: `OFFER#${offerId}`, skPrefix: 'STOCK#' }),
  example: { offerId: 'yw-1001', skuId: 'yw-1001-1' },
});

/** The key of an SKU's stock record: what checkout's conditional decrements name. */
export function stockKey(offerId: string, skuId: string): TableKey {
  return skuStock.key({ offerId, skuId });
}

export interface SkuStockItem extends TableKey {
  offerId: string;
  skuId: string;
  stock: number;
  feedVersion: number;
}
