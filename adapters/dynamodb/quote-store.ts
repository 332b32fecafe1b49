import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type QuoteStore, quoteSchema, type StoredQuote } from '../../core/quotes/quote.ts';
import { type QuoteItem, quote as quoteEntity } from './entities/quote.ts';

/** Quotes are kept a week past expiry (checkout disputes, support), then DynamoDB's TTL deletes them. */
const RETAIN_AFTER_EXPIRY_S = 7 * 24 * 3600;

/**
 * Access patterns (keys in entities/quote.ts)
 * | pattern                         | key                                               |
 * | ------------------------------- | ------------------------------------------------- |
 * | save a quote (once)             | Put pk = T#<tenantId>#QUOTE#<quoteId>, sk = QUOTE  |
 * | a tenant's quote by id (verify) | GetItem, same key                                 |
 * Tenant-leading keys: a quote id from another tenant is simply not found, and so is one no
 * stored quote can have (too long for a key, or with a `#`): DynamoDB is not asked.
 */

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
          ...quoteEntity.key({ tenantId: quote.tenantId, quoteId: quote.quoteId }),
          quote,
          token,
          ttl: Math.floor(Date.parse(quote.expiresAt) / 1000) + RETAIN_AFTER_EXPIRY_S,
        } satisfies QuoteItem,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(tenantId: string, quoteId: string): Promise<StoredQuote | undefined> {
    const key = quoteEntity.lookupKey({ tenantId, quoteId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item ? { quote: quoteSchema.parse(Item.quote), token: String(Item.token) } : undefined;
  }
}
