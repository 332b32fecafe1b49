import type { OrderStatus } from './lifecycle.ts';
import type { Order, OrderSummary, OutboxMessage } from './order.ts';

/** Units of one SKU taken from stock (checkout) or given back (cancellation). */
export interface StockMove {
  offerId: string;
  skuId: string;
  quantity: number;
}

export interface OrderPage {
  orders: OrderSummary[];
  /** Opaque; absent on the last page. */
  nextCursor?: string;
}

/** Where orders live (adapters/dynamodb/order-store.ts). Every write is all-or-nothing. */
export interface OrderStore {
  /**
   * The new order, each stock decrement (only while stock ≥ the quantity) and its outbox
   * messages, at once. Not enough stock of any SKU → OUT_OF_STOCK naming the SKUs, and nothing
   * is written; an order too large for one transaction is reserved in steps and compensated.
   */
  place(order: Order, reserve: readonly StockMove[], outbox: readonly OutboxMessage[]): Promise<void>;
  get(tenantId: string, orderId: string): Promise<Order | undefined>;
  byReference(tenantId: string, reference: string): Promise<Order | undefined>;
  /**
   * Replaces `previous` with `next` only if the stored order is still at `previous.version`
   * (else CONFLICT), with the stock given back and the outbox messages, at once.
   */
  update(
    previous: Order,
    next: Order,
    effects: { release: readonly StockMove[]; outbox: readonly OutboxMessage[] },
  ): Promise<void>;
  /** A buyer's orders (or a guest email's), newest first. */
  listByOwner(
    tenantId: string,
    owner: Order['owner'],
    page: { limit: number; cursor?: string },
  ): Promise<OrderPage>;
  /** A tenant's orders of one status, newest first. */
  listByTenant(
    tenantId: string,
    filter: { status: OrderStatus },
    page: { limit: number; cursor?: string },
  ): Promise<OrderPage>;
  /** A tenant's orders still unpaid (placed or awaiting payment) whose deadline is before `time` (the deadline job). */
  overdue(tenantId: string, time: Date, limit: number): Promise<Order[]>;
}
