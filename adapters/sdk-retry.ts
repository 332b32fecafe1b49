import { ConfiguredRetryStrategy } from '@smithy/core/retry';

/** Tries of one call in AWS: the SDK's standard mode (exponential backoff, full jitter, base 100 ms). */
const AWS_MAX_ATTEMPTS = 5;
/** Tries of one call against DynamoDB Local, spaced by LOCAL_BACKOFF_MS. */
const LOCAL_MAX_ATTEMPTS = 10;
/** Full jitter over 50 ms × 2^attempt, capped at 3 s: at most ~15 s of waiting in all. */
const localBackoffMs = (attempt: number) => Math.floor(Math.random() * Math.min(3000, 50 * 2 ** attempt));

/**
 * The one retry policy of every AWS SDK client the adapters build (DynamoDB, Secrets
 * Manager), handed to the client where it is built; nothing in the adapters retries a failed
 * call on top of it. The SDK retries throttling, 5xx faults and network errors, bounded by
 * the attempts below and by the client's retry quota (it stops retrying when most calls
 * fail, so an outage is not made worse).
 *
 * - In AWS: standard mode, 5 tries of a call.
 * - Against a local endpoint (DynamoDB Local): 10 tries with a longer backoff. Under a heavy
 *   import DynamoDB Local answers transactions with a 500 "timed out waiting for a lock"
 *   that the real service never gives ("This request will succeed in actual DynamoDB API");
 *   the standard backoff (a few hundred ms in all) gives up on it too early.
 *
 * What is resent elsewhere is not a failed call: BatchWriteItem's unprocessed items and
 * transactions cancelled by a conflict with another transaction (adapters/dynamodb/batch.ts,
 * offer-repository.ts), each in bounded, backed-off rounds.
 */
export function sdkRetryPolicy(endpoint?: string) {
  return endpoint
    ? { retryStrategy: new ConfiguredRetryStrategy(LOCAL_MAX_ATTEMPTS, localBackoffMs) }
    : ({ retryMode: 'standard', maxAttempts: AWS_MAX_ATTEMPTS } as const);
}
