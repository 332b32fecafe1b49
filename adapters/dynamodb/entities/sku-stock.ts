import { defineEntity, type TableKey } from './keys.ts';

/**
 * The units in stock of every SKU of one offer: one small item per offer, in the offer's own
 * partition (sk `STOCK`), so the offer's one Query (offer pages, the cart) reads the live counts
 * with the offer, and checkout decrements the SKUs it sells with one conditional update
 * (`stock.<skuId> >= :q` for each). Platform data, like the catalog it belongs to. The import
 * puts it whenever it writes a newer version of the offer, in the same transaction, with the
 * feed's counts; `feedVersion` is that version.
 *
 * One item per offer rather than one per SKU: DynamoDB Local writes items one at a time, and an
 * offer has about five SKUs, so per-SKU items made the import six times slower; in AWS the
 * transaction's write units shrink the same way.
 */
export const offerStock = defineEntity({
  name: 'offerStock',
  scope: 'platform',
  key: ({ offerId }: { offerId: string }) => ({
    // The offer's own partition (entities/offer.ts).
    pk: `OFFER#${offerId}`,
    sk: 'STOCK',
  }),
  example: { offerId: 'yw-1001' },
});

export interface OfferStockItem extends TableKey {
  offerId: string;
  /** skuId → units in stock. */
  stock: Record<string, number>;
  feedVersion: number;
}

/** The key of an offer's stock item: what checkout's conditional updates name. */
export function stockKey(offerId: string): TableKey {
  return offerStock.key({ offerId });
}

/**
 * One update of an offer's stock item: take (`sign` -1, each only while that many units are
 * left) or give back (+1, each SKU must have a count) `quantity` units of each SKU. All SKUs of
 * one offer go in one update (a transaction names an item once); a cart holds at most 100 lines,
 * which keeps the expressions far below DynamoDB's 4 KB.
 */
export function stockUpdate(
  tableName: string,
  offerId: string,
  moves: readonly { skuId: string; quantity: number }[],
  sign: 1 | -1,
) {
  const names: Record<string, string> = { '#st': 'stock' };
  const values: Record<string, number> = {};
  const sets: string[] = [];
  const conditions: string[] = [];
  moves.forEach((move, i) => {
    names[`#k${i}`] = move.skuId;
    values[`:q${i}`] = move.quantity;
    const path = `#st.#k${i}`;
    sets.push(`${path} = ${path} ${sign < 0 ? '-' : '+'} :q${i}`);
    conditions.push(sign < 0 ? `${path} >= :q${i}` : `attribute_exists(${path})`);
  });
  return {
    TableName: tableName,
    Key: stockKey(offerId),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
