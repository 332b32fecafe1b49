import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type OfferStockItem, stockKey } from '../../adapters/dynamodb/entities/sku-stock.ts';

/** Sets the units in stock of SKUs of one offer in its item's stock map (the item made when absent). */
export async function setStock(
  db: DynamoDBDocumentClient,
  tableName: string,
  offerId: string,
  counts: Record<string, number>,
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: stockKey(offerId),
      UpdateExpression: 'SET #st = if_not_exists(#st, :empty), offerId = :id',
      ExpressionAttributeNames: { '#st': 'stock' },
      ExpressionAttributeValues: { ':empty': {}, ':id': offerId },
    }),
  );
  const entries = Object.entries(counts);
  for (let i = 0; i < entries.length; i += 50) {
    const part = entries.slice(i, i + 50);
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: stockKey(offerId),
        UpdateExpression: `SET ${part.map((_, j) => `#st.#k${j} = :n${j}`).join(', ')}`,
        ExpressionAttributeNames: {
          '#st': 'stock',
          ...Object.fromEntries(part.map(([sku], j) => [`#k${j}`, sku])),
        },
        ExpressionAttributeValues: Object.fromEntries(part.map(([, n], j) => [`:n${j}`, n])),
      }),
    );
  }
}

/** The units in stock of one SKU, read consistently from its offer item's stock map. */
export async function readStock(
  db: DynamoDBDocumentClient,
  tableName: string,
  offerId: string,
  skuId: string,
): Promise<number | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: stockKey(offerId), ConsistentRead: true }),
  );
  return (Item as OfferStockItem | undefined)?.stock[skuId];
}
