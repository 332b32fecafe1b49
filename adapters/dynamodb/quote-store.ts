import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type QuoteStore, quoteSchema, type StoredQuote } from '../../core/quotes/quote.ts';

/** Quotes are kept a week past expiry (checkout disputes, support), then DynamoDB's TTL deletes them. */
const RETAIN_AFTER_EXPIRY_S = 7 * 24 * 3600;

/**
 * Access patterns
 * | pattern                         | key                                               |
 * | ------------------------------- | ------------------------------------------------- |
 * | save a quote (once)             | Put pk = T#<tenantId>#QUOTE#<quoteId>, sk = QUOTE  |
 * | a tenant's quote by id (verify) | GetItem, same key                                 |
 * Tenant-leading keys: a quote id from another tenant is simply not found.
 */
export const quoteKeys = {
  quote: (tenantId: string, quoteId: string) => ({ pk: `T#${tenantId}#QUOTE#${quoteId}`, sk: 'QUOTE' }),
};

export class DynamoQuoteStore implements QuoteStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async save({ quote, token }: StoredQuote): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...quoteKeys.quote(quote.tenantId, quote.quoteId),
          quote,
          token,
          ttl: Math.floor(Date.parse(quote.expiresAt) / 1000) + RETAIN_AFTER_EXPIRY_S,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(tenantId: string, quoteId: string): Promise<StoredQuote | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: quoteKeys.quote(tenantId, quoteId),
        ConsistentRead: true,
      }),
    );
    return Item ? { quote: quoteSchema.parse(Item.quote), token: String(Item.token) } : undefined;
  }
}
