import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed token: base64url(canonical JSON payload) "." base64url(HMAC-SHA256). The payload is
 * serialised with sorted keys so the same quote always signs the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function mac(key: string, payload: string): Buffer {
  return createHmac('sha256', key).update(payload, 'utf8').digest();
}

export function sign(payload: unknown, key: string): string {
  const body = Buffer.from(canonicalJson(payload), 'utf8').toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The payload when the signature matches (constant-time compare); undefined for any altered or foreign token. */
export function verify(token: string, key: string): unknown {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = mac(key, body);
  const presented = Buffer.from(signature, 'base64url');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
