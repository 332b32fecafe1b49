import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { nextStatuses, orderStatuses, transitionFor, transitions } from '../../core/orders/lifecycle.ts';
import type { Order } from '../../core/orders/order.ts';
import { changeStatus, reservedStock } from '../../core/orders/transition.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';

const placedAt = '2026-12-01T08:00:00.000Z';
/** An order waiting for its bank transfer: one SKU bought in bulk and as a sample, and another SKU. */
const order = (over: Partial<Order> = {}): Order =>
  paidOrder(
    [
      orderLine({ supplierId: 'sup-1', offerId: 'yw-1', skuId: 's1', quantity: 60 }),
      orderLine({ supplierId: 'sup-1', offerId: 'yw-1', skuId: 's1', kind: 'sample', quantity: 2 }),
      orderLine({ supplierId: 'sup-2', offerId: 'yw-2', skuId: 's9', quantity: 10 }),
    ],
    {
      orderId: 'o_1',
      status: 'awaiting_payment',
      version: 2,
      payment: {
        method: 'bank_transfer',
        status: 'pending',
        amountMinor: 71000,
        reference: 'VN7K3Q9X',
        instructions: {},
        refunds: [],
      },
      events: [{ at: placedAt, actor: 'buyer', to: 'placed' }],
      ...over,
    },
  );
const now = new Date('2026-12-03T09:00:00.000Z');

describe('the order lifecycle', () => {
  it('lists each move once and never leaves a final state', () => {
    const pairs = transitions.map((t) => `${t.from}>${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(transitions.filter((t) => t.from === 'cancelled' || t.from === 'refunded')).toEqual([]);
    for (const t of transitions) expect(orderStatuses).toContain(t.to);
  });

  it('lets only staff or the payment provider mark an order paid — never the buyer', () => {
    expect(transitionFor('awaiting_payment', 'paid', 'partner').notifiesSupply).toBe(true);
    expect(transitionFor('awaiting_payment', 'paid', 'payment-provider').to).toBe('paid');
    expect(() => transitionFor('awaiting_payment', 'paid', 'buyer')).toThrow(DomainError);
    expect(nextStatuses('awaiting_payment', 'buyer')).toEqual(['cancelled']);
  });

  it('refuses a move the lifecycle does not have, with the states in the error', () => {
    try {
      transitionFor('shipped', 'paid', 'operator');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'ORDER_TRANSITION_INVALID',
        params: { from: 'shipped', to: 'paid' },
      });
    }
  });
});

describe('changing an order’s status', () => {
  it('appends the event, bumps the version and tells the supply side once it is paid', () => {
    const { next, release, outbox } = changeStatus(order(), 'paid', 'partner', {
      reason: 'bank_transfer_received',
      now,
      patch: (o) => ({ payment: { ...o.payment, status: 'paid', paidAt: now.toISOString() } }),
    });
    expect(next).toMatchObject({ status: 'paid', version: 3, payment: { status: 'paid' } });
    expect(next.events.at(-1)).toEqual({
      at: now.toISOString(),
      actor: 'partner',
      from: 'awaiting_payment',
      to: 'paid',
      reason: 'bank_transfer_received',
    });
    expect(release).toEqual([]);
    expect(outbox).toEqual([
      {
        type: 'order.ready_for_supply',
        tenantId: 'vn',
        orderId: 'o_1',
        orderVersion: 3,
        at: now.toISOString(),
      },
    ]);
  });

  it('gives the reserved stock back on cancellation, one move per SKU, and only once', () => {
    const cancelled = changeStatus(order(), 'cancelled', 'system', { reason: 'payment_deadline', now });
    expect(cancelled.release).toEqual([
      { offerId: 'yw-1', skuId: 's1', quantity: 62 },
      { offerId: 'yw-2', skuId: 's9', quantity: 10 },
    ]);
    expect(cancelled.next.stockReleasedAt).toBe(now.toISOString());
    // An order whose stock already went back (paid → refunded after a cancel path) gives nothing more.
    const again = changeStatus(order({ status: 'paid', stockReleasedAt: placedAt }), 'refunded', 'partner', {
      now,
    });
    expect(again.release).toEqual([]);
  });

  it('counts a SKU bought in two line kinds together', () => {
    expect(reservedStock(order())).toContainEqual({ offerId: 'yw-1', skuId: 's1', quantity: 62 });
  });
});

describe('a tenant’s payment settings', () => {
  const base = {
    id: 'th',
    name: 'Th',
    domains: ['th.example'],
    defaultLocale: 'en',
    locales: ['en'],
    currency: 'THB',
  } as const;

  it('needs the bank account a bank transfer pays into, and the provider of virtual accounts', () => {
    const result = tenantSchema.safeParse({ ...base, paymentMethods: ['bank_transfer', 'virtual_account'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'payments.bankAccount',
      'payments.virtualAccount',
    ]);
  });

  it('refuses a time zone that does not exist, and defaults to UTC', () => {
    expect(tenantSchema.safeParse({ ...base, timeZone: 'Asia/Hanoi_Old' }).success).toBe(false);
    expect(tenantSchema.parse(base).timeZone).toBe('UTC');
  });
});
