import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type RateBucket,
  type RateLimiter,
  type RateRule,
  windowStart,
} from '../../core/security/rate-limits.ts';
import { platformRateWindow, tenantRateWindow } from './entities/rate-window.ts';

/**
 * Access patterns
 * | pattern                           | key (entities/rate-window.ts)                                  |
 * | --------------------------------- | -------------------------------------------------------------- |
 * | count a hit in the current window | UpdateItem ADD hits: T#<tenantId>#RATE#<bucket> or RATE#<bucket>, sk W#<window start ms> |
 * | hits in the current window        | GetItem, same key                                              |
 * | take a hit back                   | UpdateItem ADD hits -1, same key, only where hits > 0          |
 * Fixed windows; each window's item expires (TTL) a minute after it closes.
 */
function windowKey(bucket: RateBucket, start: number) {
  return bucket.tenantId
    ? tenantRateWindow.lookupKey({ tenantId: bucket.tenantId, bucket: bucket.name, start })
    : platformRateWindow.lookupKey({ bucket: bucket.name, start });
}

export class DynamoRateLimiter implements RateLimiter {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async hit(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<number> {
    const start = windowStart(rule, nowMs);
    const key = windowKey(bucket, start);
    // A bucket no key can hold (an over-long or '#'-bearing name) is not counted: refuse instead.
    if (!key) return Number.MAX_SAFE_INTEGER;
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: 'ADD hits :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': Math.floor(start / 1000) + rule.windowSeconds + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.hits ?? 1);
  }

  async release(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<void> {
    const key = windowKey(bucket, windowStart(rule, nowMs));
    if (!key) return;
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'ADD hits :minus',
          ConditionExpression: 'hits > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        }),
      )
      .catch((error: unknown) => {
        // Nothing to take back (the window closed, or it was never counted).
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }

  async count(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<number> {
    const key = windowKey(bucket, windowStart(rule, nowMs));
    if (!key) return Number.MAX_SAFE_INTEGER;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return Number(Item?.hits ?? 0);
  }
}
