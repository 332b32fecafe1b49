import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Supply-side messages are signed both ways: HMAC-SHA256 over `timestamp.body` with the key of
 * the supply endpoint, sent as `x-sourcefront-timestamp` (Unix seconds) and
 * `x-sourcefront-signature: v1=<hex>` (several comma-separated signatures during a rotation).
 * A timestamp more than five minutes away is refused, so a captured message cannot be replayed.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
export const TIMESTAMP_HEADER = 'x-sourcefront-timestamp';
export const SIGNATURE_HEADER = 'x-sourcefront-signature';

export function signMessage(key: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = 'valid' | 'missing' | 'stale' | 'mismatch';

/** Checks a message against every accepted key (current, then previous during a rotation). */
export function checkSignature(input: {
  keys: readonly string[];
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  nowSeconds: number;
}): SignatureCheck {
  if (!input.timestamp || !input.signature || !/^\d{1,12}$/.test(input.timestamp)) return 'missing';
  const timestamp = Number(input.timestamp);
  if (Math.abs(input.nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const presented = input.signature
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('v1='))
    .map((s) => Buffer.from(s));
  for (const key of input.keys) {
    const expected = Buffer.from(signMessage(key, timestamp, input.body));
    if (presented.some((p) => p.length === expected.length && timingSafeEqual(p, expected))) return 'valid';
  }
  return 'mismatch';
}
