import { type OrderActor, type OrderStatus, transitionFor } from './lifecycle.ts';
import type { Order, OutboxMessage } from './order.ts';
import type { StockMove } from './store.ts';

export interface OrderChange {
  next: Order;
  release: StockMove[];
  outbox: OutboxMessage[];
}

/** The stock an order holds, one move per SKU. */
export function reservedStock(order: Pick<Order, 'lines'>): StockMove[] {
  const bySku = new Map<string, StockMove>();
  for (const line of order.lines) {
    const key = `${line.offerId}\u0000${line.skuId}`;
    const move = bySku.get(key);
    if (move) move.quantity += line.quantity;
    else bySku.set(key, { offerId: line.offerId, skuId: line.skuId, quantity: line.quantity });
  }
  return [...bySku.values()];
}

/**
 * Moves an order to `to` as `actor` (ORDER_TRANSITION_INVALID when the lifecycle does not allow
 * it): the event appended, the version bumped, the stock to give back (only once per order) and
 * the outbox message for the supply side. `patch` changes other fields in the same write (the
 * payment's paid time).
 */
export function changeStatus(
  order: Order,
  to: OrderStatus,
  actor: OrderActor,
  options: { reason?: string; now: Date; patch?: (order: Order) => Partial<Order> },
): OrderChange {
  const rule = transitionFor(order.status, to, actor);
  const at = options.now.toISOString();
  const releaseNow = rule.releasesStock === true && order.stockReleasedAt === undefined;
  const next: Order = {
    ...order,
    ...options.patch?.(order),
    status: to,
    version: order.version + 1,
    events: [
      ...order.events,
      { at, actor, from: order.status, to, ...(options.reason !== undefined && { reason: options.reason }) },
    ],
    ...(releaseNow && { stockReleasedAt: at }),
    updatedAt: at,
  };
  const type = to === 'cancelled' || to === 'refunded' ? 'order.cancelled' : 'order.ready_for_supply';
  return {
    next,
    release: releaseNow ? reservedStock(order) : [],
    outbox: rule.notifiesSupply
      ? [{ type, tenantId: order.tenantId, orderId: order.orderId, orderVersion: next.version, at }]
      : [],
  };
}
