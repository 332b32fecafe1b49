import { DomainError } from '../errors.ts';
import {
  actorOf,
  authorizeTenant,
  type Principal,
  requireOperator,
  type StoredApiKey,
} from './admin-auth.ts';
import { generateApiKey } from './api-keys.ts';
import type { ConfigChange } from './config-diff.ts';
import type { Tenant, TenantInput } from './tenant.ts';

export interface VersionedTenant {
  tenant: Tenant;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface AuditRecord {
  at: string;
  actor: string;
  action:
    | 'tenant.created'
    | 'tenant.updated'
    | 'key.created'
    | 'key.revoked'
    | 'draft.saved'
    | 'draft.published'
    | 'draft.discarded'
    | 'override.saved'
    /** A partner's own payment-provider key set or removed in the console (the value is never recorded). */
    | 'providerKey.set'
    | 'providerKey.removed';
  version?: number;
  keyId?: string;
  /** The offer whose wording an `override.saved` changed. */
  offerId?: string;
  changes?: ConfigChange[];
}

export interface ApiKeyRecord extends StoredApiKey {
  label: string;
  createdAt: string;
  createdBy: string;
}

/** The tenant store the admin API works on (adapters/dynamodb/tenant-repository.ts). */
export interface TenantStore {
  versioned(id: string): Promise<VersionedTenant | undefined>;
  /** The config as it was at `version` (every version is kept). */
  atVersion(id: string, version: number): Promise<VersionedTenant | undefined>;
  create(input: TenantInput, actor: string): Promise<VersionedTenant>;
  update(input: TenantInput, expectedVersion: number, actor: string): Promise<VersionedTenant>;
  audit(id: string, limit?: number): Promise<AuditRecord[]>;
  addKey(tenantId: string, record: ApiKeyRecord): Promise<void>;
  listKeys(tenantId: string): Promise<ApiKeyRecord[]>;
  /** Revokes once and answers when: a revoked key answers its first revocation, writing nothing. */
  revokeKey(tenantId: string, keyId: string, actor: string): Promise<string>;
}

export { actorOf };

/**
 * The partner admin API's rules: only the operator creates tenants; the operator or one of the
 * tenant's own keys reads and changes a tenant, never another tenant's.
 */
export function tenantAdmin(store: TenantStore, now: () => Date = () => new Date()) {
  const existing = async (id: string) => {
    const found = await store.versioned(id);
    if (!found) throw new DomainError('NOT_FOUND');
    return found;
  };
  return {
    async create(principal: Principal, input: TenantInput) {
      requireOperator(principal);
      return store.create(input, actorOf(principal));
    },
    async get(principal: Principal, tenantId: string) {
      authorizeTenant(principal, tenantId);
      return existing(tenantId);
    },
    async update(principal: Principal, tenantId: string, input: TenantInput, expectedVersion: number) {
      authorizeTenant(principal, tenantId);
      if (input.id !== tenantId) {
        throw new DomainError('VALIDATION_FAILED', {
          fields: [{ path: 'body.config.id', rule: 'id_mismatch', params: { expected: tenantId } }],
        });
      }
      return store.update(input, expectedVersion, actorOf(principal));
    },
    async atVersion(principal: Principal, tenantId: string, version: number) {
      authorizeTenant(principal, tenantId);
      const found = await store.atVersion(tenantId, version);
      if (!found) throw new DomainError('NOT_FOUND');
      return found;
    },
    async audit(principal: Principal, tenantId: string, limit: number) {
      authorizeTenant(principal, tenantId);
      await existing(tenantId);
      return store.audit(tenantId, limit);
    },
    /** Issues a key; the returned `key` is the only time it is ever shown. */
    async createKey(principal: Principal, tenantId: string, label: string) {
      authorizeTenant(principal, tenantId);
      await existing(tenantId);
      const { key, keyId, hash } = generateApiKey(tenantId);
      const record: ApiKeyRecord = {
        keyId,
        hash,
        label,
        createdAt: now().toISOString(),
        createdBy: actorOf(principal),
      };
      await store.addKey(tenantId, record);
      return { keyId, key, label, createdAt: record.createdAt };
    },
    async listKeys(principal: Principal, tenantId: string) {
      authorizeTenant(principal, tenantId);
      const keys = await store.listKeys(tenantId);
      return keys.map(({ hash: _hash, ...visible }) => visible);
    },
    async revokeKey(principal: Principal, tenantId: string, keyId: string) {
      authorizeTenant(principal, tenantId);
      const revokedAt = await store.revokeKey(tenantId, keyId, actorOf(principal));
      return { keyId, revokedAt };
    },
  };
}
