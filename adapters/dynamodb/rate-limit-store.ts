import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type RateBucket,
  type RateLimiter,
  type RateRule,
  windowStart,
} from '../../core/security/rate-limits.ts';

/**
 * Access patterns
 * | pattern                              | key                                                          |
 * | ------------------------------------ | ------------------------------------------------------------ |
 * | count a hit in the current window    | UpdateItem ADD hits, pk = [T#<tenantId>#]RATE#<name>, sk = W#<window start ms> |
 * | hits in the current window           | GetItem, same key                                            |
 * Fixed windows; each window's item expires (TTL) a minute after it closes. A tenant's buckets
 * start with the tenant, the platform's (failed sign-ins per address) with RATE#.
 */
export const rateLimitKeys = {
  window: (bucket: RateBucket, startMs: number) => ({
    pk: `${bucket.tenantId ? `T#${bucket.tenantId}#` : ''}RATE#${bucket.name}`.slice(0, 1024),
    sk: `W#${startMs}`,
  }),
};

export class DynamoRateLimiter implements RateLimiter {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async hit(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<number> {
    const start = windowStart(rule, nowMs);
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: rateLimitKeys.window(bucket, start),
        UpdateExpression: 'ADD hits :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': Math.floor(start / 1000) + rule.windowSeconds + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.hits ?? 1);
  }

  async count(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<number> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: rateLimitKeys.window(bucket, windowStart(rule, nowMs)),
      }),
    );
    return Number(Item?.hits ?? 0);
  }
}
