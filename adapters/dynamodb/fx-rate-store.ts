import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import { type FxRate, type FxRateStore, fxRateSchema } from '../../core/fx/rates.ts';
import { type FxRateItem, fxLatestRate, fxRateHistory } from './entities/fx-rate.ts';

/**
 * Access patterns (FX rates are platform data, shared by every tenant, so not tenant-keyed;
 * keys in entities/fx-rate.ts)
 * | pattern                                 | key                                                    |
 * | --------------------------------------- | ------------------------------------------------------ |
 * | latest rate of a pair (every price)     | GetItem pk = FX#CNY#<CUR>, sk = LATEST                  |
 * | history of a pair, newest first         | Query pk = FX#CNY#<CUR>, sk begins_with AT#, descending |
 * | save a refresh                          | Put AT#<asOf>#<source> (idempotent) + conditional LATEST |
 * LATEST only moves forward: its put is conditioned on the stored asOf being older or equal,
 * so a late retry of an old refresh cannot overwrite a newer rate.
 */
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
    const key = fxLatestRate.lookupKey({ currency });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: false }),
    );
    return Item ? toRate(Item) : undefined;
  }

  async history(currency: string, limit: number): Promise<FxRate[]> {
    const query = fxRateHistory.lookupQuery({ currency });
    if (!query) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :at)',
        ExpressionAttributeValues: { ':pk': query.pk, ':at': query.skPrefix },
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
      const history = fxRateHistory.key({ currency: rate.currency, asOf: rate.asOf, source: rate.source });
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...history, ...attributes } satisfies FxRateItem,
        }),
      );
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...fxLatestRate.key({ currency: rate.currency }), ...attributes } satisfies FxRateItem,
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
    const limit = pLimit(8);
    await Promise.all(rates.map((rate) => limit(() => saveOne(rate))));
    return { updated: updated.sort(), unchanged: unchanged.sort() };
  }
}
