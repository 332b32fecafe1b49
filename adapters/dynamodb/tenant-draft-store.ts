import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../core/errors.ts';
import type { ConfigChange } from '../../core/tenants/config-diff.ts';
import type { DraftStore, TenantDraft } from '../../core/tenants/drafts.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { type AuditRecordItem, auditRecord } from './entities/audit-record.ts';
import { type TenantDraftItem, tenantDraft } from './entities/tenant-draft.ts';

/**
 * Access patterns (keys declared in entities/tenant-draft.ts and audit-record.ts)
 * | pattern                                  | key                                                   |
 * | ---------------------------------------- | ----------------------------------------------------- |
 * | the tenant's draft (every launch step)   | GetItem pk = T#<id>#TENANT, sk = DRAFT (consistent)   |
 * | save a step                              | Put DRAFT conditioned on the revision read + AUDIT Put (one transaction) |
 * | publish / discard                        | Delete DRAFT conditioned on the revision read + AUDIT Put |
 * The draft lives in the tenant's own partition next to its CONFIG and VERSION items, so
 * `dynamodb:LeadingKeys` scopes it like the rest of the tenant's data.
 */
export class DynamoDraftStore implements DraftStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async get(tenantId: string): Promise<TenantDraft | undefined> {
    const key = tenantDraft.lookupKey({ tenantId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      tenantId: String(Item.tenantId),
      baseVersion: Number(Item.baseVersion),
      revision: Number(Item.revision),
      config: tenantSchema.parse(Item.config),
      updatedAt: String(Item.updatedAt),
      updatedBy: String(Item.updatedBy),
    };
  }

  async save(
    draft: TenantDraft,
    expectedRevision: number | undefined,
    changes: ConfigChange[],
  ): Promise<void> {
    await this.transact(
      {
        Put: {
          TableName: this.tableName,
          Item: { ...tenantDraft.key({ tenantId: draft.tenantId }), ...draft } satisfies TenantDraftItem,
          ...condition(expectedRevision),
        },
      },
      {
        ...auditRecord.key({
          tenantId: draft.tenantId,
          at: draft.updatedAt,
          suffix: `draft-r${draft.revision}`,
        }),
        at: draft.updatedAt,
        actor: draft.updatedBy,
        action: 'draft.saved',
        changes,
      },
    );
  }

  async remove(
    tenantId: string,
    revision: number,
    audit: { at: string; actor: string; action: 'draft.discarded' | 'draft.published' },
  ): Promise<void> {
    await this.transact(
      { Delete: { TableName: this.tableName, Key: tenantDraft.key({ tenantId }), ...condition(revision) } },
      {
        ...auditRecord.key({ tenantId, at: audit.at, suffix: `${audit.action}-r${revision}` }),
        ...audit,
      },
    );
  }

  private async transact(write: Record<string, unknown>, audit: AuditRecordItem): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [write, { Put: { TableName: this.tableName, Item: audit } }],
        }),
      );
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        throw new DomainError('CONFLICT', { cause: error });
      }
      throw error;
    }
  }
}

/** Only over the revision the writer read (or, for a new draft, over no draft at all). */
function condition(expectedRevision: number | undefined) {
  return expectedRevision === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: 'revision = :revision',
        ExpressionAttributeValues: { ':revision': expectedRevision },
      };
}
