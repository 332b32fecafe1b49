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
import type { DomainRecord, DomainRecordStore } from '../../core/tenants/domains.ts';
import { domainEvent, domainVerification } from './entities/domain-verification.ts';

/**
 * Access patterns
 * | pattern                                   | key                                                        |
 * | ----------------------------------------- | ---------------------------------------------------------- |
 * | a domain's state and token (routing, API) | GetItem pk = T#<id>#DOMAIN#<host>, sk = STATE (entities/domain-verification.ts) |
 * | a domain's decisions, newest first        | Query pk = T#<id>#DOMAIN#<host>, sk begins_with EVENT#, desc |
 * Everything is tenant data under `T#<id>#`: the router first learns the tenant from the
 * host → tenant claim (tenant-repository.ts) and then reads this tenant's record for the host,
 * so no platform-level host → status item is needed. A state change is conditioned on the
 * status and token the writer read (two checks racing cannot both decide), and a decision
 * (verified, approved, revoked) is written with its event in one transaction.
 */
export interface DomainEvent {
  at: string;
  actor: string;
  action: 'domain.verified' | 'domain.approved' | 'domain.revoked';
  status: DomainRecord['status'];
}

export class DynamoDomainVerifications implements DomainRecordStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async get(tenantId: string, host: string): Promise<DomainRecord | undefined> {
    const Key = domainVerification.lookupKey({ tenantId, host });
    if (!Key) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key }));
    return Item ? toRecord(Item) : undefined;
  }

  async create(record: DomainRecord): Promise<DomainRecord> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...domainVerification.key({ tenantId: record.tenantId, host: record.host }), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return record;
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      const stored = await this.get(record.tenantId, record.host);
      if (!stored) throw error;
      return stored;
    }
  }

  async replace(
    expected: DomainRecord,
    next: DomainRecord,
    event?: { action: DomainEvent['action']; actor: string },
  ): Promise<DomainRecord> {
    const key = domainVerification.key({ tenantId: expected.tenantId, host: expected.host });
    const put = {
      TableName: this.tableName,
      Item: { ...key, ...next },
      ConditionExpression: '#status = :status AND #token = :token',
      ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
      ExpressionAttributeValues: { ':status': expected.status, ':token': expected.token },
    };
    try {
      if (!event) {
        await this.db.send(new PutCommand(put));
        return next;
      }
      const at = new Date().toISOString();
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: put },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...domainEvent.key({
                    tenantId: expected.tenantId,
                    host: expected.host,
                    at,
                    suffix: randomUUID().slice(0, 8),
                  }),
                  at,
                  actor: event.actor,
                  action: event.action,
                  status: next.status,
                } satisfies DomainEvent & Record<string, unknown>,
              },
            },
          ],
        }),
      );
      return next;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (
        name === 'ConditionalCheckFailedException' ||
        (error instanceof TransactionCanceledException &&
          error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
      ) {
        throw new DomainError('CONFLICT', { cause: error });
      }
      throw error;
    }
  }

  /** The domain's decisions (who verified, approved or revoked it, when), newest first. */
  async events(tenantId: string, host: string, limit = 20): Promise<DomainEvent[]> {
    const query = domainEvent.lookupQuery({ tenantId, host });
    if (!query) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': query.pk, ':prefix': query.skPrefix },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(({ at, actor, action, status }) => ({ at, actor, action, status }) as DomainEvent);
  }
}

function toRecord(item: Record<string, unknown>): DomainRecord {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as DomainRecord;
}
