import { guestOrderAccessValid } from '../buyers/guest-orders.ts';
import { DomainError } from '../errors.ts';
import type { Tenant } from '../tenants/tenant.ts';
import type { OrderActor, OrderStatus } from './lifecycle.ts';
import type { Order } from './order.ts';
import type { OrderStore } from './store.ts';
import { changeStatus } from './transition.ts';

/** Who is asking for an order on the storefront: its buyer, or a guest holding the link's token. */
export type OrderViewer = { buyerId?: string; accessToken?: string };

/** Reading and moving orders for buyers and partners; every move goes through the lifecycle. */
export function orderService(deps: {
  store: OrderStore;
  tenants: { byId(tenantId: string): Promise<Tenant | undefined> };
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  async function load(tenantId: string, orderId: string): Promise<Order> {
    const order = await deps.store.get(tenantId, orderId);
    if (!order) throw new DomainError('ORDER_NOT_FOUND', { params: { orderId } });
    return order;
  }

  /** The site an admin route names, or NOT_FOUND. */
  async function site(tenantId: string): Promise<Tenant> {
    const tenant = await deps.tenants.byId(tenantId);
    if (!tenant) throw new DomainError('NOT_FOUND');
    return tenant;
  }

  /** Another buyer's order, or a wrong token, is simply not found (no hint that it exists). */
  function mayRead(order: Order, viewer: OrderViewer): boolean {
    if (order.owner.kind === 'buyer') return viewer.buyerId === order.owner.buyerId;
    return (
      order.guestAccessHash !== undefined && guestOrderAccessValid(viewer.accessToken, order.guestAccessHash)
    );
  }

  return {
    async forViewer(tenantId: string, orderId: string, viewer: OrderViewer): Promise<Order> {
      const order = await load(tenantId, orderId);
      if (!mayRead(order, viewer)) throw new DomainError('ORDER_NOT_FOUND', { params: { orderId } });
      return order;
    },

    site,

    /** An order by id, or ORDER_NOT_FOUND (for staff and the platform itself: no viewer check). */
    order: load,

    /** An order of the site an admin route names, with the site (its time zone, its name). */
    async forPartner(tenantId: string, orderId: string): Promise<{ tenant: Tenant; order: Order }> {
      const tenant = await site(tenantId);
      return { tenant, order: await load(tenant.id, orderId) };
    },

    listForBuyer(tenantId: string, buyerId: string, page: { limit: number; cursor?: string }) {
      return deps.store.listByOwner(tenantId, { kind: 'buyer', buyerId }, page);
    },

    listForPartner(tenantId: string, status: OrderStatus, page: { limit: number; cursor?: string }) {
      return deps.store.listByTenant(tenantId, { status }, page);
    },

    /**
     * Cancels as `actor` (the buyer while unpaid; staff where the lifecycle lets them): the
     * stock goes back once. `expectedVersion`, when given, must be the version the person saw.
     */
    async cancel(
      order: Order,
      actor: Extract<OrderActor, 'buyer' | 'partner' | 'operator'>,
      reason: string,
      expectedVersion?: number,
    ): Promise<Order> {
      if (expectedVersion !== undefined && expectedVersion !== order.version)
        throw new DomainError('CONFLICT');
      const change = changeStatus(order, 'cancelled', actor, { now: now(), reason });
      await deps.store.update(order, change.next, change);
      return change.next;
    },
  };
}

export type OrderService = ReturnType<typeof orderService>;
