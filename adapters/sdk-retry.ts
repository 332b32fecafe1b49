/**
 * The one retry policy of every AWS SDK client the adapters build (DynamoDB, Secrets Manager):
 * the SDK's standard mode. It retries throttling, 5xx faults (DynamoDB Local's "timed out
 * waiting for a lock" is one) and network errors with exponential backoff and full jitter
 * (base 100 ms, capped at 20 s), bounded by `maxAttempts` tries of one call and by the
 * client's retry quota, which stops retrying when most calls fail, so an outage is not made
 * worse. Nothing in the adapters retries a failed call on top of this. What is retried
 * elsewhere is not a failed call: BatchWriteItem's unprocessed items and transactions
 * cancelled by a conflict with another transaction (adapters/dynamodb/batch.ts,
 * offer-repository.ts), each bounded and backed off.
 */
export const sdkRetryPolicy = { retryMode: 'standard', maxAttempts: 6 } as const;
