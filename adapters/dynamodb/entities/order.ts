import type { Order, OrderSummary, OutboxMessage } from '../../../core/orders/order.ts';
import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/**
 * An order, in its own partition with its outbox messages. Its GSI entries carry only the
 * `summary` (what a list shows); the order itself is read by key.
 */
/** The byOwner partition of one owner's orders (`B-<buyerId>`, `G-<email digest>`). */
export const ownerPartition = (tenantId: string, ownerKey: string) =>
  `${tenantPrefix(tenantId)}OWNER#${ownerKey}`;
/** The byStatus partition of a tenant's orders of one status. */
export const statusPartition = (tenantId: string, status: string) =>
  `${tenantPrefix(tenantId)}ORDERS#${status}`;

type OrderKey = { tenantId: string; orderId: string };
/** What the list entries are keyed by: the owner (`B-<buyerId>`, `G-<email digest>`), status and placement time. */
type OrderListing = { ownerKey: string; status: string; placedAt: string };

export const order = defineEntity<OrderKey, OrderKey, OrderListing>({
  name: 'order',
  scope: 'tenant',
  key: ({ tenantId, orderId }) => ({
    pk: `${tenantPrefix(tenantId)}ORDER#${orderId}`,
    sk: 'ORDER',
  }),
  indexes: {
    byOwner: ({ tenantId, ownerKey, placedAt, orderId }) => ({
      pk: ownerPartition(tenantId, ownerKey),
      sk: `${placedAt}|${orderId}`,
    }),
    byStatus: ({ tenantId, status, placedAt, orderId }) => ({
      pk: statusPartition(tenantId, status),
      sk: `${placedAt}|${orderId}`,
    }),
  },
  example: {
    tenantId: 'vn',
    orderId: 'o_0123456789abcdef0123456789abcdef',
    ownerKey: 'B-b_0123456789abcdef',
    status: 'awaiting_payment',
    placedAt: '2026-12-01T10:00:00.000Z',
  },
});

export interface OrderItem extends TableKey {
  order: Order;
  version: number;
  summary: OrderSummary;
  ownerPk: string;
  ownerSk: string;
  statusPk: string;
  statusSk: string;
}

/** A reference's claim: keeps references unique per tenant, and finds an order by its reference (a bank transfer's). */
export const orderReference = defineEntity({
  name: 'orderReference',
  scope: 'tenant',
  key: ({ tenantId, reference }: { tenantId: string; reference: string }) => ({
    pk: `${tenantPrefix(tenantId)}ORDERREF#${reference}`,
    sk: 'ORDERREF',
  }),
  example: { tenantId: 'vn', reference: 'VN7K3Q9XWP' },
});

export interface OrderReferenceItem extends TableKey {
  orderId: string;
}

/**
 * A message for the supply side, written in the same transaction as the order change that
 * causes it; the handoff dispatcher reads its INSERT from the table's stream.
 */
export const orderOutbox = defineEntity({
  name: 'orderOutbox',
  scope: 'tenant',
  key: ({
    tenantId,
    orderId,
    orderVersion,
    type,
  }: {
    tenantId: string;
    orderId: string;
    orderVersion: number;
    type: string;
  }) => ({
    pk: `${tenantPrefix(tenantId)}ORDER#${orderId}`,
    sk: `OUTBOX#${String(orderVersion).padStart(6, '0')}#${type}`,
  }),
  example: {
    tenantId: 'vn',
    orderId: 'o_0123456789abcdef0123456789abcdef',
    orderVersion: 3,
    type: 'order.ready_for_supply',
  },
});

export interface OrderOutboxItem extends TableKey {
  message: OutboxMessage;
  /** Kept 30 days: the stream has long delivered it by then. */
  ttl: number;
}
