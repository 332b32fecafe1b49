import { DomainError } from '../errors.ts';
import type { ConsoleRole } from '../partners/users.ts';
import { hashSecret, matchesHash, parseApiKey } from './api-keys.ts';

/**
 * Who is calling the admin rules: the platform operator (its key), one tenant through one of its
 * keys, or a console user signed in (an operator user, or a tenant's owner or staff). The same
 * rules (admin-service.ts, orders, payments) take every kind; none has a second set.
 */
export type Principal =
  | { kind: 'operator' }
  | { kind: 'tenant'; tenantId: string; keyId: string }
  | { kind: 'user'; email: string; role: ConsoleRole; tenantId?: string };

/** True for the operator's key and the operator's console users. */
export function isOperator(principal: Principal): boolean {
  return principal.kind === 'operator' || (principal.kind === 'user' && principal.role === 'operator');
}

/** How the audit log names the principal: `operator`, `key:<tenant>/<keyId>`, `user:<email>`. */
export function actorOf(principal: Principal): string {
  if (principal.kind === 'operator') return 'operator';
  if (principal.kind === 'user') return `user:${principal.email}`;
  return `key:${principal.tenantId}/${principal.keyId}`;
}

export interface StoredApiKey {
  keyId: string;
  hash: string;
  revokedAt?: string;
}

export interface AdminAuthPorts {
  /** The one record of a tenant key (GetItem by tenant and key id). */
  findKey(tenantId: string, keyId: string): Promise<StoredApiKey | undefined>;
  /** The operator key, from Secrets Manager in AWS, from .local/secrets locally. */
  operatorKey(): Promise<string>;
}

/** The key a caller presents: `Authorization: Bearer <key>`, or `x-api-key`. */
export function presentedKey(headers: Record<string, string | undefined>): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1] ?? headers['x-api-key'];
}

/** Reads the presented key and says who it belongs to; 401 otherwise. */
export async function authenticate(
  headers: Record<string, string | undefined>,
  ports: AdminAuthPorts,
): Promise<Principal> {
  const presented = presentedKey(headers);
  if (!presented) throw new DomainError('UNAUTHORIZED');
  const parsed = parseApiKey(presented);
  if (parsed) {
    const stored = await ports.findKey(parsed.tenantId, parsed.keyId);
    if (stored && !stored.revokedAt && matchesHash(presented, stored.hash)) {
      return { kind: 'tenant', tenantId: parsed.tenantId, keyId: parsed.keyId };
    }
    throw new DomainError('UNAUTHORIZED');
  }
  const operatorKey = await ports.operatorKey();
  if (operatorKey.length >= 32 && matchesHash(presented, hashSecret(operatorKey)))
    return { kind: 'operator' };
  throw new DomainError('UNAUTHORIZED');
}

/** The operator may act on any tenant; a tenant key only on its own tenant (403 otherwise). */
export function authorizeTenant(principal: Principal, tenantId: string): void {
  if (isOperator(principal)) return;
  if (principal.kind === 'operator' || principal.tenantId !== tenantId) throw new DomainError('FORBIDDEN');
}

export function requireOperator(principal: Principal): void {
  if (!isOperator(principal)) throw new DomainError('FORBIDDEN');
}
