import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BASE_CURRENCY, type FxRate, type FxRateStore, fxRateSchema } from '../../core/fx/rates.ts';

/**
 * Access patterns (FX rates are platform data, shared by every tenant, so not tenant-keyed)
 * | pattern                                 | key                                                    |
 * | --------------------------------------- | ------------------------------------------------------ |
 * | latest rate of a pair (every price)     | GetItem pk = FX#CNY#<CUR>, sk = LATEST                  |
 * | history of a pair, newest first         | Query pk = FX#CNY#<CUR>, sk begins_with AT#, descending |
 * | save a refresh                          | Put AT#<asOf>#<source> (idempotent) + conditional LATEST |
 * LATEST only moves forward: its put is conditioned on the stored asOf being older or equal,
 * so a late retry of an old refresh cannot overwrite a newer rate.
 */
export const fxKeys = {
  pk: (currency: string) => `FX#${BASE_CURRENCY}#${currency}`,
  latest: (currency: string) => ({ pk: fxKeys.pk(currency), sk: 'LATEST' }),
  history: (rate: Pick<FxRate, 'currency' | 'asOf' | 'source'>) => ({
    pk: fxKeys.pk(rate.currency),
    sk: `AT#${rate.asOf}#${rate.source}`,
  }),
};

function toRate(item: Record<string, unknown>): FxRate {
  return fxRateSchema.parse({
    base: item.base,
    currency: item.currency,
    rate: item.rate,
    asOf: item.asOf,
    source: item.source,
  });
}

export class DynamoFxRateStore implements FxRateStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async latest(currency: string): Promise<FxRate | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: fxKeys.latest(currency), ConsistentRead: false }),
    );
    return Item ? toRate(Item) : undefined;
  }

  async history(currency: string, limit: number): Promise<FxRate[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :at)',
        ExpressionAttributeValues: { ':pk': fxKeys.pk(currency), ':at': 'AT#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(toRate);
  }

  async saveAll(rates: readonly FxRate[], fetchedAt: Date) {
    const updated: string[] = [];
    const unchanged: string[] = [];
    const saveOne = async (raw: FxRate) => {
      const rate = fxRateSchema.parse({ ...raw, asOf: new Date(raw.asOf).toISOString() });
      const attributes = { ...rate, asOfMs: Date.parse(rate.asOf), fetchedAt: fetchedAt.toISOString() };
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: { ...fxKeys.history(rate), ...attributes } }),
      );
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...fxKeys.latest(rate.currency), ...attributes },
            ConditionExpression: 'attribute_not_exists(pk) OR asOfMs <= :asOfMs',
            ExpressionAttributeValues: { ':asOfMs': attributes.asOfMs },
          }),
        );
        updated.push(rate.currency);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        unchanged.push(rate.currency);
      }
    };
    // A few currencies at a time: a refresh is ~30 pairs, each two small writes.
    const queue = [...rates];
    await Promise.all(
      Array.from({ length: Math.min(8, queue.length) }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await saveOne(next);
      }),
    );
    return { updated: updated.sort(), unchanged: unchanged.sort() };
  }
}
