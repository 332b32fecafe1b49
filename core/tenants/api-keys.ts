import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tenant API keys: `sfk.<tenantId>.<keyId>.<secret>` with 256 random bits of secret. The
 * tenant and key id in the clear let the server find the one record to check (a GetItem, no
 * scan); only the sha256 of the whole key is stored, so a leaked table reveals no usable key.
 * A key is shown once, when created.
 */
export const API_KEY_PREFIX = 'sfk';

export interface ParsedApiKey {
  tenantId: string;
  keyId: string;
}

export function generateApiKey(tenantId: string): { key: string; keyId: string; hash: string } {
  const keyId = randomBytes(8).toString('hex');
  const key = `${API_KEY_PREFIX}.${tenantId}.${keyId}.${randomBytes(32).toString('base64url')}`;
  return { key, keyId, hash: hashSecret(key) };
}

export function parseApiKey(key: string): ParsedApiKey | undefined {
  const match = /^sfk\.([a-z][a-z0-9-]{1,30})\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/.exec(key);
  return match ? { tenantId: match[1]!, keyId: match[2]! } : undefined;
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares a presented secret to a stored sha256 in constant time. */
export function matchesHash(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
