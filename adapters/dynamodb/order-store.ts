import { createHash, randomUUID } from 'node:crypto';
import { type AttributeValue, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../core/errors.ts';
import type { OrderStatus } from '../../core/orders/lifecycle.ts';
import {
  type Order,
  type OrderSummary,
  type OutboxMessage,
  orderSchema,
  summaryOf,
} from '../../core/orders/order.ts';
import type { OrderPage, OrderStore, StockMove } from '../../core/orders/store.ts';
import { backoff, chunk } from './batch.ts';
import {
  type OrderItem,
  type OrderOutboxItem,
  type OrderReferenceItem,
  order as orderEntity,
  orderOutbox,
  orderReference,
  ownerPartition,
  statusPartition,
} from './entities/order.ts';
import { stockUpdate } from './entities/sku-stock.ts';

/** DynamoDB's limit of actions in one TransactWriteItems. */
export const TRANSACTION_ACTIONS = 100;
/**
 * Rounds of resending a transaction cancelled only by conflicts with other transactions (a
 * busy SKU: 50 buyers of the last units at once), each after a backoff of up to 2 s.
 */
const CONFLICT_ROUNDS = 30;
const OUTBOX_RETAIN_S = 30 * 24 * 3600;

type Action = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Access patterns (keys in entities/order.ts and entities/sku-stock.ts)
 * | pattern                               | key                                                         |
 * | ------------------------------------- | ----------------------------------------------------------- |
 * | place an order (stock, ref, outbox)   | TransactWrite: Put ORDER, Put ORDERREF, Update STOCK ≥ q, Put OUTBOX |
 * | an order by id                        | GetItem pk = T#<t>#ORDER#<id>, sk = ORDER                    |
 * | an order by reference                 | GetItem T#<t>#ORDERREF#<ref> → the order                     |
 * | change an order (status, payment)     | TransactWrite: Put ORDER if version = read, Update STOCK (+q), Put OUTBOX |
 * | a buyer's orders, newest first        | Query byOwner pk = T#<t>#OWNER#<owner>, descending           |
 * | a tenant's orders of a status         | Query byStatus pk = T#<t>#ORDERS#<status>, descending        |
 */
export class DynamoOrderStore implements OrderStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async place(order: Order, reserve: readonly StockMove[], outbox: readonly OutboxMessage[]): Promise<void> {
    const records: Action[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: orderItem(order),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...orderReference.key({ tenantId: order.tenantId, reference: order.reference }),
            orderId: order.orderId,
          } satisfies OrderReferenceItem,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...outbox.map((m) => this.outboxPut(m)),
    ];
    const groups = byOffer(reserve);
    const takes = groups.map((moves) => this.stockChange(moves, -1));
    // The order's own records go in the last transaction: until it commits there is no order.
    // Stock taken in earlier steps is given back if a later step fails.
    const room = TRANSACTION_ACTIONS - records.length;
    const earlier =
      takes.length > room ? chunk(takes.slice(0, takes.length - room), TRANSACTION_ACTIONS) : [];
    const last = [...takes.slice(earlier.flat().length), ...records];
    const done: StockMove[][] = [];
    try {
      for (const [i, step] of earlier.entries()) {
        await this.transact(step, groups.slice(i * TRANSACTION_ACTIONS), 'reserve');
        done.push(groups.slice(i * TRANSACTION_ACTIONS, i * TRANSACTION_ACTIONS + step.length).flat());
      }
      await this.transact(last, groups.slice(earlier.flat().length), 'reserve');
    } catch (error) {
      for (const moves of done.reverse()) await this.giveBack(moves);
      throw error;
    }
  }

  async get(tenantId: string, orderId: string): Promise<Order | undefined> {
    const key = orderEntity.lookupKey({ tenantId, orderId });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item ? orderSchema.parse(Item.order) : undefined;
  }

  async byReference(tenantId: string, reference: string): Promise<Order | undefined> {
    const key = orderReference.lookupKey({ tenantId, reference });
    if (!key) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Item ? this.get(tenantId, String(Item.orderId)) : undefined;
  }

  async update(
    previous: Order,
    next: Order,
    effects: { release: readonly StockMove[]; outbox: readonly OutboxMessage[] },
  ): Promise<void> {
    const records: Action[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: orderItem(next),
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': previous.version },
        },
      },
      ...effects.outbox.map((m) => this.outboxPut(m)),
    ];
    const groups = byOffer(effects.release);
    const gives = groups.map((moves) => this.stockChange(moves, +1));
    const room = TRANSACTION_ACTIONS - records.length;
    await this.transact([...gives.slice(0, room), ...records], groups.slice(0, room), 'update');
    // The order now says its stock went back (stockReleasedAt): the rest of a very large order's
    // stock follows, and is never given twice because no later change releases it again.
    if (groups.length > room) await this.giveBack(groups.slice(room).flat());
  }

  listByOwner(tenantId: string, owner: Order['owner'], page: { limit: number; cursor?: string }) {
    return this.listIndex('byOwner', 'ownerPk', ownerPartition(tenantId, ownerKeyOf(owner)), page);
  }

  listByTenant(tenantId: string, filter: { status: OrderStatus }, page: { limit: number; cursor?: string }) {
    return this.listIndex('byStatus', 'statusPk', statusPartition(tenantId, filter.status), page);
  }

  /** Filtered on the list entries' due time; only the overdue orders themselves are read. */
  async overdue(tenantId: string, time: Date, limit: number): Promise<Order[]> {
    const due: OrderSummary[] = [];
    for (const status of ['placed', 'awaiting_payment'] as const) {
      let cursor: string | undefined;
      do {
        const page = await this.listByTenant(tenantId, { status }, { limit: 100, ...(cursor && { cursor }) });
        due.push(...page.orders.filter((o) => o.dueAt && Date.parse(o.dueAt) < time.getTime()));
        cursor = page.nextCursor;
      } while (cursor && due.length < limit);
    }
    const orders = await Promise.all(due.slice(0, limit).map((o) => this.get(tenantId, o.orderId)));
    return orders.filter((o): o is Order => o !== undefined);
  }

  /** A page of an index: the list entries' summaries, newest first. */
  private async listIndex(
    indexName: string,
    partitionKey: string,
    partition: string,
    page: { limit: number; cursor?: string },
  ): Promise<OrderPage> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(page.cursor && { ExclusiveStartKey: decodeCursor(page.cursor) }),
      }),
    );
    return {
      orders: (result.Items ?? []).map((item) => item.summary as OrderSummary),
      ...(result.LastEvaluatedKey && { nextCursor: encodeCursor(result.LastEvaluatedKey) }),
    };
  }

  private outboxPut(message: OutboxMessage): Action {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...orderOutbox.key(message),
          message,
          ttl: Math.floor(Date.parse(message.at) / 1000) + OUTBOX_RETAIN_S,
        } satisfies OrderOutboxItem,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** One update of an offer's stock item for all of its SKUs among `moves` (one offer's). */
  private stockChange(moves: readonly StockMove[], sign: 1 | -1): Action {
    return {
      Update: {
        ...stockUpdate(this.tableName, moves[0]!.offerId, moves, sign),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  private async giveBack(moves: readonly StockMove[]): Promise<void> {
    for (const step of chunk(byOffer(moves), TRANSACTION_ACTIONS)) {
      await this.transact(
        step.map((m) => this.stockChange(m, +1)),
        step,
        'release',
      );
    }
  }

  /**
   * One transaction, resent while it is cancelled only by conflicts with other transactions.
   * A failed condition is answered in words: the SKUs short of stock (OUT_OF_STOCK), an order
   * changed meanwhile (CONFLICT), an order or reference that exists already (ORDER_EXISTS).
   */
  private async transact(
    actions: Action[],
    groups: readonly (readonly StockMove[])[],
    purpose: 'reserve' | 'update' | 'release',
  ) {
    // One token for every send of this transaction: DynamoDB applies it at most once, so a
    // resend after a lost answer or a server error cannot take stock twice.
    const ClientRequestToken = randomUUID();
    for (let round = 0; ; round++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: actions, ClientRequestToken }));
        return;
      } catch (error) {
        // DynamoDB Local answers contended transactions with a 500 "timed out waiting for a
        // lock" where DynamoDB cancels them with TransactionConflict: the same resend.
        if ((error as Error).name === 'InternalServerError' && round < CONFLICT_ROUNDS) {
          await backoff(round);
          continue;
        }
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
        if (failed.length > 0) throw conditionFailure(failed, groups, purpose, error);
        if (
          !reasons.every((r) => r.Code === 'None' || r.Code === 'TransactionConflict') ||
          round >= CONFLICT_ROUNDS
        )
          throw error;
        await backoff(round);
      }
    }
  }
}

/** Stock moves grouped by offer (one stock item, one update each), in first-seen order. */
function byOffer(moves: readonly StockMove[]): StockMove[][] {
  const groups = new Map<string, StockMove[]>();
  for (const move of moves) {
    const group = groups.get(move.offerId);
    if (group) group.push(move);
    else groups.set(move.offerId, [move]);
  }
  return [...groups.values()];
}

/**
 * The moves of a failed stock update that its item could not serve: the SKUs whose count (in
 * the item DynamoDB returned with the cancellation) is missing or below the quantity; all of
 * them when the item did not come back.
 */
function shortMoves(moves: readonly StockMove[], item: Record<string, AttributeValue> | undefined) {
  const counts = item?.stock?.M;
  if (!counts) return moves;
  return moves.filter((m) => !(Number(counts[m.skuId]?.N ?? Number.NaN) >= m.quantity));
}

function conditionFailure(
  failed: number[],
  groups: readonly (readonly StockMove[])[],
  purpose: 'reserve' | 'update' | 'release',
  cause: unknown,
): Error {
  // Stock actions come first in every transaction, one per offer.
  const reasons = cause instanceof TransactionCanceledException ? (cause.CancellationReasons ?? []) : [];
  const short = failed
    .filter((i) => i < groups.length)
    .flatMap((i) => shortMoves(groups[i]!, reasons[i]?.Item));
  if (purpose === 'reserve' && short.length > 0) {
    return new DomainError('OUT_OF_STOCK', {
      fields: short.map((m) => ({
        path: 'lines',
        rule: 'out_of_stock',
        params: { offerId: m.offerId, skuId: m.skuId },
      })),
      cause,
    });
  }
  if (purpose === 'reserve') return new OrderExistsError(cause);
  if (purpose === 'update') return new DomainError('CONFLICT', { cause });
  return new Error('stock of a released order is missing', { cause });
}

/** The order (or its reference) exists already: checkout decides whether it is the same request's. */
export class OrderExistsError extends Error {
  constructor(cause: unknown) {
    super('order or reference exists', { cause });
    this.name = 'OrderExistsError';
  }
}

export function ownerKeyOf(owner: Order['owner']): string {
  // A guest's email may hold any character (a `#` too); its key is a digest.
  return owner.kind === 'buyer'
    ? `B-${owner.buyerId}`
    : `G-${createHash('sha256').update(owner.email.toLowerCase()).digest('hex').slice(0, 40)}`;
}

function orderItem(order: Order): OrderItem {
  const indexes = orderEntity.indexKeys({
    tenantId: order.tenantId,
    orderId: order.orderId,
    ownerKey: ownerKeyOf(order.owner),
    status: order.status,
    placedAt: order.createdAt,
  });
  return {
    ...orderEntity.key({ tenantId: order.tenantId, orderId: order.orderId }),
    order,
    version: order.version,
    summary: summaryOf(order),
    ownerPk: indexes.byOwner!.pk,
    ownerSk: indexes.byOwner!.sk,
    statusPk: indexes.byStatus!.pk,
    statusSk: indexes.byStatus!.sk,
  };
}

const encodeCursor = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
function decodeCursor(cursor: string): Record<string, unknown> | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof key === 'object' && key !== null ? key : undefined;
  } catch {
    return undefined;
  }
}
