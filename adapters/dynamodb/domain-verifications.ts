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
import { normalizeHost } from '../../core/tenants/tenant.ts';

/**
 * Access patterns
 * | pattern                                   | key                                                        |
 * | ----------------------------------------- | ---------------------------------------------------------- |
 * | a domain's state and token (routing, API) | GetItem pk = T#<id>#DOMAIN#<host>, sk = STATE               |
 * | a domain's decisions, newest first        | Query pk = T#<id>#DOMAIN#<host>, sk begins_with EVENT#, desc |
 * Everything is tenant data under `T#<id>#`: the router first learns the tenant from the
 * host → tenant claim (tenant-repository.ts) and then reads this tenant's record for the host,
 * so no platform-level host → status item is needed. A state change is conditioned on the
 * status and token the writer read (two checks racing cannot both decide), and a decision
 * (verified, approved, revoked) is written with its event in one transaction.
 */
const pk = (tenantId: string, host: string) => `T#${tenantId}#DOMAIN#${normalizeHost(host)}`;
export const domainVerificationKeys = {
  state: (tenantId: string, host: string) => ({ pk: pk(tenantId, host), sk: 'STATE' }),
  event: (tenantId: string, host: string, at: string) => ({
    pk: pk(tenantId, host),
    sk: `EVENT#${at}#${randomUUID().slice(0, 8)}`,
  }),
};

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
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: domainVerificationKeys.state(tenantId, host) }),
    );
    return Item ? toRecord(Item) : undefined;
  }

  async create(record: DomainRecord): Promise<DomainRecord> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...domainVerificationKeys.state(record.tenantId, record.host), ...record },
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
    const key = domainVerificationKeys.state(expected.tenantId, expected.host);
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
                  ...domainVerificationKeys.event(expected.tenantId, expected.host, at),
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
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: { ':pk': pk(tenantId, host), ':event': 'EVENT#' },
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
