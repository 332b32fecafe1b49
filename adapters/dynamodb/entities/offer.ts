import { defineEntity, type TableKey } from './keys.ts';

/**
 * A catalog offer with its SKUs, as one item. Platform data: the supply catalog is shared by
 * every tenant (what a tenant changes is an offerOverride, under the tenant).
 */
export const offer = defineEntity({
  name: 'offer',
  scope: 'platform',
  key: ({ offerId }: { offerId: string }) => ({ pk: `OFFER#${offerId}`, sk: 'OFFER' }),
  example: { offerId: 'yw-1001' },
});

export interface OfferItem extends TableKey {
  offerId: string;
  version: number;
  listed: boolean;
  skuIds: string[];
  /** gzip-compressed JSON of the offer. */
  body?: Uint8Array;
  /** skuId → units in stock: the feed's counts as checkout decrements them (entities/sku-stock.ts). */
  stock?: Record<string, number>;
}
