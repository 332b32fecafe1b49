import { DomainError } from '../errors.ts';

/** At most `limit` hits per fixed window of `windowSeconds`. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/** What is counted: a platform-wide bucket, or one of a tenant's (its key then starts with the tenant). */
export interface RateBucket {
  tenantId?: string;
  name: string;
}

export interface RateLimiter {
  /** Counts one hit in the current window and says how many the window now holds. */
  hit(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<number>;
  /** The hits the current window holds, without counting one. */
  count(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<number>;
  /** Takes back one hit of the current window: what it counted did not happen after all. */
  release(bucket: RateBucket, rule: RateRule, nowMs: number): Promise<void>;
}

/** Failed sign-ins per client and per presented key: ten in fifteen minutes, then 429 until the window ends. */
export const authFailureRule: RateRule = { limit: 10, windowSeconds: 900 };

export function windowStart(rule: RateRule, nowMs: number): number {
  const size = rule.windowSeconds * 1000;
  return Math.floor(nowMs / size) * size;
}

export function secondsUntilNextWindow(rule: RateRule, nowMs: number): number {
  return Math.max(1, Math.ceil((windowStart(rule, nowMs) + rule.windowSeconds * 1000 - nowMs) / 1000));
}

/** The localized 429 a caller over its limit gets, with when to retry. */
export function tooManyRequests(rule: RateRule, nowMs: number): DomainError {
  return new DomainError('TOO_MANY_REQUESTS', {
    params: { retryAfterSeconds: secondsUntilNextWindow(rule, nowMs) },
  });
}

/** Refuses with 429 when any bucket has reached its limit in the current window. */
export async function refuseWhenOverLimit(
  limiter: RateLimiter,
  buckets: readonly RateBucket[],
  rule: RateRule,
  nowMs: number,
): Promise<void> {
  const counts = await Promise.all(buckets.map((b) => limiter.count(b, rule, nowMs)));
  if (counts.some((c) => c >= rule.limit)) throw tooManyRequests(rule, nowMs);
}

/** Counts a hit; the hit past the limit is refused with 429. */
export async function consume(limiter: RateLimiter, bucket: RateBucket, rule: RateRule, nowMs: number) {
  if ((await limiter.hit(bucket, rule, nowMs)) > rule.limit) throw tooManyRequests(rule, nowMs);
}
