import { defineEntity, type TableKey } from './keys.ts';

/**
 * The units in stock of every SKU of one offer: a `stock` map (skuId → units) kept in the
 * offer's own item (entities/offer.ts, sk `OFFER`), so the offer's one read (offer pages, the
 * cart) has the live counts, and checkout decrements the SKUs it sells with one conditional
 * update of that item (`stock.<skuId> >= :q` for each). Platform data, like the catalog it
 * belongs to. The import writes the map with the feed's counts whenever it writes a newer
 * version of the offer: one conditional Put of one item, so stock is reset exactly when (and
 * only when) a newer feed version is stored, and a replay or an older version resets nothing.
 *
 * One map in the offer item rather than an item of its own (layout 4) or one per SKU (layout
 * 3): DynamoDB Local's cost is per item written (its table, stream and metadata work for each),
 * and a stock item of its own doubled the import's items; in AWS a checkout's update then
 * counts the offer item's size (about 2 write units instead of 1).
 */
export const offerStock = defineEntity({
  name: 'offerStock',
  scope: 'platform',
  key: ({ offerId }: { offerId: string }) => ({
    // The offer's own item (entities/offer.ts): the stock map is one of its attributes.
    pk: `OFFER#${offerId}`,
    sk: 'OFFER',
  }),
  example: { offerId: 'yw-1001' },
});

/** The stock attributes of an offer item. */
export interface OfferStockItem extends TableKey {
  offerId: string;
  /** skuId → units in stock. */
  stock: Record<string, number>;
}

/** The key of the item holding an offer's stock (the offer's): what checkout's conditional updates name. */
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
