import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../core/errors.ts';
import type {
  ApiKeyRecord,
  AuditRecord,
  TenantStore,
  VersionedTenant,
} from '../../core/tenants/admin-service.ts';
import { diffConfig } from '../../core/tenants/config-diff.ts';
import {
  normalizeHost,
  type Tenant,
  type TenantDirectory,
  type TenantInput,
  tenantSchema,
} from '../../core/tenants/tenant.ts';
import { type ApiKeyItem, apiKey } from './entities/api-key.ts';
import { type AuditRecordItem, auditRecord } from './entities/audit-record.ts';
import { type DomainClaimItem, domainClaim } from './entities/domain-claim.ts';
import { type TenantConfigItem, tenantConfig } from './entities/tenant-config.ts';
import { type TenantVersionItem, tenantVersion } from './entities/tenant-version.ts';

/**
 * Access patterns (keys declared in entities/tenant-config.ts, tenant-version.ts,
 * audit-record.ts, api-key.ts and domain-claim.ts)
 * | pattern                            | key                                                        |
 * | ---------------------------------- | ---------------------------------------------------------- |
 * | tenant config by id (every price)  | GetItem pk = T#<id>#TENANT, sk = CONFIG                     |
 * | config version n (snapshot)        | GetItem pk = T#<id>#TENANT, sk = VERSION#<n, 10 digits>     |
 * | audit trail, newest first          | Query pk = T#<id>#TENANT, sk begins_with AUDIT#, descending |
 * | one API key (authentication)       | GetItem pk = T#<id>#TENANT, sk = KEY#<keyId>                |
 * | a tenant's API keys                | Query pk = T#<id>#TENANT, sk begins_with KEY#               |
 * | revoke a key (once)                | GetItem, then conditional Update + audit Put (one transaction) |
 * | tenant id by domain (routing)      | GetItem pk = DOMAIN#<host>, sk = DOMAIN                     |
 * | tenant by <id>.localhost (dev)     | no domain item → GetItem of tenant <id>'s CONFIG            |
 * Domain claims hold no tenant data, only the id to route to (platform routing data, read
 * before any tenant is known); every other item is under the tenant's `T#<id>#` prefix. A
 * config change is one transaction: CONFIG (conditioned on the version the writer read), the
 * new VERSION snapshot, its AUDIT record and the domain claims added (conditioned on being
 * free) or removed (conditioned on being ours).
 *
 * An id or host no stored item can have (beyond DynamoDB's key limits, or with a `#`) is never
 * sent to DynamoDB: lookups find nothing, changes answer NOT_FOUND (entities/keys.ts).
 */
export class DynamoTenantRepository implements TenantDirectory, TenantStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly now: () => Date;

  constructor(db: DynamoDBDocumentClient, tableName: string, now: () => Date = () => new Date()) {
    this.db = db;
    this.tableName = tableName;
    this.now = now;
  }

  async byId(id: string): Promise<Tenant | undefined> {
    return (await this.versioned(id))?.tenant;
  }

  async versioned(id: string): Promise<VersionedTenant | undefined> {
    const key = tenantConfig.lookupKey({ tenantId: id });
    if (!key) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key }));
    if (!Item) return undefined;
    return {
      tenant: tenantSchema.parse(Item.tenant),
      version: Number(Item.version),
      updatedAt: String(Item.updatedAt),
      updatedBy: String(Item.updatedBy),
    };
  }

  async atVersion(id: string, version: number): Promise<VersionedTenant | undefined> {
    const key = tenantVersion.lookupKey({ tenantId: id, version });
    if (!key) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key }));
    if (!Item) return undefined;
    return {
      tenant: tenantSchema.parse(Item.tenant),
      version: Number(Item.version),
      updatedAt: String(Item.at),
      updatedBy: String(Item.actor),
    };
  }

  async byHost(host: string | undefined): Promise<Tenant | undefined> {
    const key = host ? domainClaim.lookupKey({ host }) : undefined;
    if (!host || !key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ProjectionExpression: 'tenantId' }),
    );
    if (Item) return this.byId(String(Item.tenantId));
    // Development hosts: <id>.localhost reaches tenant <id> without a domain entry (browsers
    // resolve *.localhost to this machine; no public request ever carries such a Host).
    const local = /^([a-z][a-z0-9-]{1,30})\.localhost$/.exec(normalizeHost(host));
    return local ? this.byId(local[1]!) : undefined;
  }

  /** Creates a tenant at version 1; 409 TENANT_EXISTS or DOMAIN_TAKEN, and nothing written, otherwise. */
  async create(input: TenantInput, actor: string): Promise<VersionedTenant> {
    const tenant = tenantSchema.parse(input);
    return this.write(undefined, tenant, actor);
  }

  /**
   * Replaces the config when `expectedVersion` is still the stored one (optimistic concurrency):
   * 409 CONFLICT when someone else changed it first. An identical config writes nothing.
   */
  async update(input: TenantInput, expectedVersion: number, actor: string): Promise<VersionedTenant> {
    const tenant = tenantSchema.parse(input);
    const current = await this.versioned(tenant.id);
    if (!current) throw new DomainError('NOT_FOUND');
    if (current.version !== expectedVersion) {
      throw new DomainError('CONFLICT', { params: { version: current.version } });
    }
    if (diffConfig(current.tenant, tenant).length === 0) return current;
    return this.write(current, tenant, actor);
  }

  /** Demo seeds: creates the tenant when absent and otherwise leaves it, with the admin changes made since. */
  async seed(input: TenantInput): Promise<VersionedTenant> {
    const tenant = tenantSchema.parse(input);
    return (await this.versioned(tenant.id)) ?? this.create(tenant, 'seed');
  }

  /** Creates the tenant or brings it to `input` (a no-op when already equal). */
  async put(input: TenantInput, actor = 'seed'): Promise<VersionedTenant> {
    const tenant = tenantSchema.parse(input);
    const current = await this.versioned(tenant.id);
    return current ? this.update(tenant, current.version, actor) : this.create(tenant, actor);
  }

  private async write(current: VersionedTenant | undefined, tenant: Tenant, actor: string) {
    const at = this.now().toISOString();
    const version = (current?.version ?? 0) + 1;
    const changes = diffConfig(current?.tenant ?? {}, tenant);
    const before = new Set(current?.tenant.domains.map(normalizeHost) ?? []);
    const after = new Set(tenant.domains.map(normalizeHost));
    const added = [...after].filter((d) => !before.has(d));
    const removed = [...before].filter((d) => !after.has(d));
    const T = this.tableName;
    const items = [
      {
        Put: {
          TableName: T,
          Item: {
            ...tenantConfig.key({ tenantId: tenant.id }),
            tenant,
            version,
            updatedAt: at,
            updatedBy: actor,
          } satisfies TenantConfigItem,
          ConditionExpression: current ? 'version = :expected' : 'attribute_not_exists(pk)',
          ...(current && { ExpressionAttributeValues: { ':expected': current.version } }),
        },
      },
      {
        Put: {
          TableName: T,
          Item: {
            ...tenantVersion.key({ tenantId: tenant.id, version }),
            tenant,
            version,
            at,
            actor,
          } satisfies TenantVersionItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: T,
          Item: {
            ...auditRecord.key({ tenantId: tenant.id, at, suffix: `v${version}` }),
            at,
            actor,
            action: current ? 'tenant.updated' : 'tenant.created',
            version,
            changes,
          } satisfies AuditRecordItem,
        },
      },
      ...added.map((domain) => ({
        Put: {
          TableName: T,
          Item: { ...domainClaim.key({ host: domain }), tenantId: tenant.id } satisfies DomainClaimItem,
          ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :id',
          ExpressionAttributeValues: { ':id': tenant.id },
        },
      })),
      ...removed.map((domain) => ({
        Delete: {
          TableName: T,
          Key: domainClaim.key({ host: domain }),
          ConditionExpression: 'tenantId = :id',
          ExpressionAttributeValues: { ':id': tenant.id },
        },
      })),
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed === 0) {
        throw current
          ? new DomainError('CONFLICT', { cause: error })
          : new DomainError('TENANT_EXISTS', { params: { id: tenant.id }, cause: error });
      }
      if (failed >= 3 && failed < 3 + added.length) {
        const domain = added[failed - 3]!;
        const index = tenant.domains.findIndex((d) => normalizeHost(d) === domain);
        throw new DomainError('DOMAIN_TAKEN', {
          params: { domain },
          fields: [{ path: `domains.${index}`, rule: 'domain_taken', params: { domain } }],
          cause: error,
        });
      }
      throw error;
    }
    return { tenant, version, updatedAt: at, updatedBy: actor };
  }

  /** The audit trail, newest first. */
  async audit(id: string, limit = 50): Promise<AuditRecord[]> {
    const query = auditRecord.lookupQuery({ tenantId: id });
    if (!query) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': query.pk, ':audit': query.skPrefix },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(({ at, actor, action, version, keyId, offerId, changes }) => ({
      at,
      actor,
      action,
      ...(version !== undefined && { version }),
      ...(keyId !== undefined && { keyId }),
      ...(offerId !== undefined && { offerId }),
      ...(changes !== undefined && { changes }),
    })) as AuditRecord[];
  }

  /** Stores a new key's hash with its audit record, in one transaction. */
  async addKey(tenantId: string, record: ApiKeyRecord): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...apiKey.key({ tenantId, keyId: record.keyId }), ...record } satisfies ApiKeyItem,
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...auditRecord.key({ tenantId, at: record.createdAt, suffix: `key-${record.keyId}` }),
                at: record.createdAt,
                actor: record.createdBy,
                action: 'key.created',
                keyId: record.keyId,
              } satisfies AuditRecordItem,
            },
          },
        ],
      }),
    );
  }

  async findKey(tenantId: string, keyId: string): Promise<ApiKeyRecord | undefined> {
    const key = apiKey.lookupKey({ tenantId, keyId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item ? toKeyRecord(Item) : undefined;
  }

  async listKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const query = apiKey.lookupQuery({ tenantId });
    if (!query) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :key)',
        ExpressionAttributeValues: { ':pk': query.pk, ':key': query.skPrefix },
      }),
    );
    return Items.map(toKeyRecord);
  }

  /** One entry of the audit trail for a change stored elsewhere (a provider key, kept as a secret). */
  async recordAudit(tenantId: string, record: AuditRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...auditRecord.key({
            tenantId,
            at: record.at,
            suffix: `${record.action}-${randomUUID().slice(0, 8)}`,
          }),
          ...record,
        } satisfies AuditRecordItem,
      }),
    );
  }

  /**
   * Revokes a key (kept, marked, audited) and answers when it was revoked; 404 when the tenant
   * has no such key. Idempotent: revoking a revoked key answers the first revocation's time
   * and writes nothing (no second timestamp, no second audit record). The update is
   * conditioned on the key not being revoked yet, so of two concurrent revocations one writes
   * and the other reads the winner's time.
   */
  async revokeKey(tenantId: string, keyId: string, actor: string): Promise<string> {
    const key = apiKey.key({ tenantId, keyId });
    const stored = await this.findKey(tenantId, keyId);
    if (!stored) throw new DomainError('NOT_FOUND');
    if (stored.revokedAt) return stored.revokedAt;
    const at = this.now().toISOString();
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: key,
                UpdateExpression: 'SET revokedAt = :at, revokedBy = :actor',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
                ExpressionAttributeValues: { ':at': at, ':actor': actor },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...auditRecord.key({ tenantId, at, suffix: `revoke-${keyId}` }),
                  at,
                  actor,
                  action: 'key.revoked',
                  keyId,
                } satisfies AuditRecordItem,
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        const now = await this.findKey(tenantId, keyId);
        if (now?.revokedAt) return now.revokedAt;
        throw new DomainError('NOT_FOUND', { cause: error });
      }
      throw error;
    }
    return at;
  }
}

function toKeyRecord(item: Record<string, unknown>): ApiKeyRecord {
  return {
    keyId: String(item.keyId),
    hash: String(item.hash),
    label: String(item.label),
    createdAt: String(item.createdAt),
    createdBy: String(item.createdBy),
    ...(typeof item.revokedAt === 'string' && { revokedAt: item.revokedAt }),
  };
}
