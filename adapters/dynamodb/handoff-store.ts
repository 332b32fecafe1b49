import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../core/errors.ts';
import { tenantOfPoId } from '../../core/handoff/purchase-orders.ts';
import type { PoRecord } from '../../core/handoff/records.ts';
import type { HandoffStore, PartnerNotice } from '../../core/handoff/store.ts';
import {
  type HandoffPointerItem,
  handoffDeadLetter,
  handoffRetry,
  type PartnerNoticeItem,
  type PurchaseOrderItem,
  type PurchaseOrderPointerItem,
  partnerNotice,
  poShippingPromise,
  purchaseOrder,
  purchaseOrderPointer,
  supplyEventSeen,
} from './entities/purchase-order.ts';

const keyOf = (r: PoRecord) => ({ tenantId: r.tenantId, orderId: r.orderId, poId: r.poId });

/**
 * Access patterns (keys in entities/purchase-order.ts)
 * | pattern                               | key                                                          |
 * | ------------------------------------- | ------------------------------------------------------------ |
 * | store a PO once (with its pointer)    | TransactWrite Put pk = T#<t>#ORDER#<orderId>, sk = PO#<poId> + pk = T#<t>#PO#<poId>, sk = PO, both if absent |
 * | an order's POs                        | Query pk = T#<t>#ORDER#<orderId>, sk begins_with PO#         |
 * | a PO by id (webhooks)                 | GetItem pointer, then GetItem the PO                         |
 * | change a PO (delivery, event)         | TransactWrite Put if version = read, retry/dead pointers, EVENT#<id> if absent |
 * | POs due for a retry                   | Query pk = HANDOFF#RETRY, sk ≤ <now>, ascending              |
 * | dead letters                          | Query pk = HANDOFF#DEAD                                      |
 * | a partner's notices, newest first     | Query pk = T#<t>#NOTICES, descending                         |
 * | POs with a 48 h promise, due by a time | Query pk = T#<t>#SLA, sk ≤ <time>, descending                |
 */
export class DynamoHandoffStore implements HandoffStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  private retryPut(record: PoRecord) {
    const { delivery } = record;
    if (delivery.state !== 'pending' || !delivery.nextAttemptAt) return [];
    return [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...handoffRetry.key({ dueAt: delivery.nextAttemptAt, poId: record.poId }),
            tenantId: record.tenantId,
            orderId: record.orderId,
            poId: record.poId,
          } satisfies HandoffPointerItem,
        },
      },
    ];
  }

  async createAll(records: readonly PoRecord[]): Promise<void> {
    for (const record of records) {
      for (const put of this.retryPut(record)) await this.db.send(new PutCommand(put.Put));
      if (record.slaShipBy) {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...poShippingPromise.key({
                tenantId: record.tenantId,
                shipBy: record.slaShipBy,
                poId: record.poId,
              }),
              tenantId: record.tenantId,
              orderId: record.orderId,
              poId: record.poId,
            } satisfies HandoffPointerItem,
          }),
        );
      }
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...purchaseOrder.key(keyOf(record)),
                    record,
                    version: record.version,
                  } satisfies PurchaseOrderItem,
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...purchaseOrderPointer.key({ tenantId: record.tenantId, poId: record.poId }),
                    orderId: record.orderId,
                  } satisfies PurchaseOrderPointerItem,
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
      } catch (error) {
        // Already stored (a replayed message): the stored PO stands.
        if (!(error instanceof TransactionCanceledException)) throw error;
        if (!error.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) throw error;
      }
    }
  }

  async byOrder(tenantId: string, orderId: string): Promise<PoRecord[]> {
    const query = purchaseOrder.lookupQuery({ tenantId, orderId });
    if (!query) return [];
    const records: PoRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': query.pk, ':sk': query.skPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) records.push(item.record as PoRecord);
      start = page.LastEvaluatedKey;
    } while (start);
    return records;
  }

  async get(tenantId: string, poId: string): Promise<PoRecord | undefined> {
    const key = purchaseOrderPointer.lookupKey({ tenantId, poId });
    if (!key) return undefined;
    const pointer = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    if (!pointer.Item) return undefined;
    const poKey = purchaseOrder.key({ tenantId, orderId: String(pointer.Item.orderId), poId });
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: poKey, ConsistentRead: true }),
    );
    return Item ? (Item.record as PoRecord) : undefined;
  }

  async save(previous: PoRecord, next: PoRecord, options: { eventId?: string } = {}) {
    const before = previous.delivery;
    const after = next.delivery;
    // The queue pointers go first and outside the transaction (every PO shares their partition):
    // a pointer without a due PO behind it is dropped by the sweep, so a crash between the
    // writes can delay a PO, never lose it.
    if (before.nextAttemptAt !== after.nextAttemptAt || before.state !== after.state) {
      for (const put of this.retryPut(next)) await this.db.send(new PutCommand(put.Put));
    }
    if (before.state !== 'dead_letter' && after.state === 'dead_letter') {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...handoffDeadLetter.key({ poId: next.poId }),
            tenantId: next.tenantId,
            orderId: next.orderId,
            poId: next.poId,
          } satisfies HandoffPointerItem,
        }),
      );
    }
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...purchaseOrder.key(keyOf(next)),
            record: next,
            version: next.version,
          } satisfies PurchaseOrderItem,
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': previous.version },
        },
      },
    ];
    if (options.eventId) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...supplyEventSeen.key({ tenantId: next.tenantId, poId: next.poId, eventId: options.eventId }),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (options.eventId && reasons[1]?.Code === 'ConditionalCheckFailed') return 'duplicate_event' as const;
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new DomainError('CONFLICT');
      throw error;
    }
    if (before.state === 'pending' && before.nextAttemptAt && before.nextAttemptAt !== after.nextAttemptAt) {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: handoffRetry.key({ dueAt: before.nextAttemptAt, poId: previous.poId }),
        }),
      );
    }
    if (before.state === 'dead_letter' && after.state !== 'dead_letter') {
      await this.db.send(
        new DeleteCommand({ TableName: this.tableName, Key: handoffDeadLetter.key({ poId: next.poId }) }),
      );
    }
    return 'saved' as const;
  }

  /** Drops a queue pointer the sweep found stale (its PO already delivered, parked or rescheduled). */
  async dropRetry(dueAt: string, poId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: handoffRetry.key({ dueAt, poId }) }),
    );
  }

  async due(now: Date, limit: number): Promise<{ tenantId: string; poId: string; dueAt: string }[]> {
    const query = handoffRetry.lookupQuery({})!;
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :now',
        ExpressionAttributeValues: { ':pk': query.pk, ':now': `${now.toISOString()}|~` },
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    return Items.map((i) => ({
      tenantId: String(i.tenantId),
      poId: String(i.poId),
      dueAt: String(i.sk).split('|')[0]!,
    }));
  }

  async deadLetters(limit: number): Promise<PoRecord[]> {
    const query = handoffDeadLetter.lookupQuery({})!;
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': query.pk },
        Limit: limit,
        ConsistentRead: true,
      }),
    );
    const records = await Promise.all(
      Items.map((i) => this.get(tenantOfPoId(String(i.poId)) ?? String(i.tenantId), String(i.poId))),
    );
    return records.filter((r): r is PoRecord => r?.delivery.state === 'dead_letter');
  }

  async withShippingPromise(tenantId: string, until: Date, limit: number): Promise<PoRecord[]> {
    const query = poShippingPromise.lookupQuery({ tenantId });
    if (!query) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :until',
        ExpressionAttributeValues: { ':pk': query.pk, ':until': `${until.toISOString()}|~` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    const records = await Promise.all(Items.map((i) => this.get(tenantId, String(i.poId))));
    return records.filter((r): r is PoRecord => r !== undefined);
  }

  async notify(notice: PartnerNotice): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...partnerNotice.key(notice), notice } satisfies PartnerNoticeItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async notices(tenantId: string, limit: number): Promise<PartnerNotice[]> {
    const query = partnerNotice.lookupQuery({ tenantId });
    if (!query) return [];
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': query.pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((i) => i.notice as PartnerNotice);
  }
}
