import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
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

/**
 * Access patterns
 * | pattern                            | key                                                        |
 * | ---------------------------------- | ---------------------------------------------------------- |
 * | tenant config by id (every price)  | GetItem pk = T#<id>#TENANT, sk = CONFIG                     |
 * | config version n (snapshot)        | GetItem pk = T#<id>#TENANT, sk = VERSION#<n, 10 digits>     |
 * | audit trail, newest first          | Query pk = T#<id>#TENANT, sk begins_with AUDIT#, descending |
 * | one API key (authentication)       | GetItem pk = T#<id>#TENANT, sk = KEY#<keyId>                |
 * | a tenant's API keys                | Query pk = T#<id>#TENANT, sk begins_with KEY#               |
 * | tenant id by domain (routing)      | GetItem pk = DOMAIN#<host>, sk = DOMAIN                     |
 * | tenant by <id>.localhost (dev)     | no domain item → GetItem of tenant <id>'s CONFIG            |
 * Domain items hold no tenant data, only the id to route to; every other item is under the
 * tenant's `T#<id>#` prefix. A config change is one transaction: CONFIG (conditioned on the
 * version the writer read), the new VERSION snapshot, its AUDIT record and the domain items
 * added (conditioned on being free) or removed (conditioned on being ours).
 */
const pk = (id: string) => `T#${id}#TENANT`;
export const tenantKeys = {
  config: (id: string) => ({ pk: pk(id), sk: 'CONFIG' }),
  version: (id: string, version: number) => ({
    pk: pk(id),
    sk: `VERSION#${String(version).padStart(10, '0')}`,
  }),
  audit: (id: string, at: string, suffix: string) => ({ pk: pk(id), sk: `AUDIT#${at}#${suffix}` }),
  apiKey: (id: string, keyId: string) => ({ pk: pk(id), sk: `KEY#${keyId}` }),
  domain: (host: string) => ({ pk: `DOMAIN#${normalizeHost(host)}`, sk: 'DOMAIN' }),
};

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
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: tenantKeys.config(id) }),
    );
    if (!Item) return undefined;
    return {
      tenant: tenantSchema.parse(Item.tenant),
      version: Number(Item.version),
      updatedAt: String(Item.updatedAt),
      updatedBy: String(Item.updatedBy),
    };
  }

  async atVersion(id: string, version: number): Promise<VersionedTenant | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: tenantKeys.version(id, version) }),
    );
    if (!Item) return undefined;
    return {
      tenant: tenantSchema.parse(Item.tenant),
      version: Number(Item.version),
      updatedAt: String(Item.at),
      updatedBy: String(Item.actor),
    };
  }

  async byHost(host: string | undefined): Promise<Tenant | undefined> {
    if (!host) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: tenantKeys.domain(host),
        ProjectionExpression: 'tenantId',
      }),
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
          Item: { ...tenantKeys.config(tenant.id), tenant, version, updatedAt: at, updatedBy: actor },
          ConditionExpression: current ? 'version = :expected' : 'attribute_not_exists(pk)',
          ...(current && { ExpressionAttributeValues: { ':expected': current.version } }),
        },
      },
      {
        Put: {
          TableName: T,
          Item: { ...tenantKeys.version(tenant.id, version), tenant, version, at, actor },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: T,
          Item: {
            ...tenantKeys.audit(tenant.id, at, `v${version}`),
            at,
            actor,
            action: current ? 'tenant.updated' : 'tenant.created',
            version,
            changes,
          } satisfies AuditRecord & Record<string, unknown>,
        },
      },
      ...added.map((domain) => ({
        Put: {
          TableName: T,
          Item: { ...tenantKeys.domain(domain), tenantId: tenant.id },
          ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :id',
          ExpressionAttributeValues: { ':id': tenant.id },
        },
      })),
      ...removed.map((domain) => ({
        Delete: {
          TableName: T,
          Key: tenantKeys.domain(domain),
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
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': pk(id), ':audit': 'AUDIT#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(({ at, actor, action, version, keyId, changes }) => ({
      at,
      actor,
      action,
      ...(version !== undefined && { version }),
      ...(keyId !== undefined && { keyId }),
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
              Item: { ...tenantKeys.apiKey(tenantId, record.keyId), ...record },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...tenantKeys.audit(tenantId, record.createdAt, `key-${record.keyId}`),
                at: record.createdAt,
                actor: record.createdBy,
                action: 'key.created',
                keyId: record.keyId,
              },
            },
          },
        ],
      }),
    );
  }

  async findKey(tenantId: string, keyId: string): Promise<ApiKeyRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: tenantKeys.apiKey(tenantId, keyId) }),
    );
    return Item ? toKeyRecord(Item) : undefined;
  }

  async listKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :key)',
        ExpressionAttributeValues: { ':pk': pk(tenantId), ':key': 'KEY#' },
      }),
    );
    return Items.map(toKeyRecord);
  }

  /** Revokes a key (kept, marked, audited); 404 when the tenant has no such key. */
  async revokeKey(tenantId: string, keyId: string, actor: string): Promise<string> {
    const at = this.now().toISOString();
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: tenantKeys.apiKey(tenantId, keyId),
                UpdateExpression:
                  'SET revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :actor)',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':at': at, ':actor': actor },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...tenantKeys.audit(tenantId, at, `revoke-${keyId}`),
                  at,
                  actor,
                  action: 'key.revoked',
                  keyId,
                },
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
