import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { nextStatuses, orderStatuses, transitionFor, transitions } from '../../core/orders/lifecycle.ts';
import type { Order } from '../../core/orders/order.ts';
import { changeStatus, reservedStock } from '../../core/orders/transition.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';

const placedAt = '2026-12-01T08:00:00.000Z';
const order = (over: Partial<Order> = {}): Order => ({
  orderId: 'o_1',
  tenantId: 'vn',
  reference: 'VN7K3Q9X',
  status: 'awaiting_payment',
  version: 2,
  owner: { kind: 'buyer', buyerId: 'b_1' },
  locale: 'vi',
  currency: 'VND',
  lines: [
    {
      lineId: 'l1',
      offerId: 'yw-1',
      skuId: 's1',
      supplierId: 'sup-1',
      kind: 'bulk',
      quantity: 60,
      unitMinor: 1000,
      totalMinor: 60000,
      cnyUnitFen: 250,
      title: 'Áo',
      titleZh: '衣',
      specs: {},
      customisation: [],
    },
    {
      lineId: 'l2',
      offerId: 'yw-1',
      skuId: 's1',
      supplierId: 'sup-1',
      kind: 'sample',
      quantity: 2,
      unitMinor: 3000,
      totalMinor: 6000,
      cnyUnitFen: 800,
      title: 'Áo',
      titleZh: '衣',
      specs: {},
      customisation: [],
    },
    {
      lineId: 'l3',
      offerId: 'yw-2',
      skuId: 's9',
      supplierId: 'sup-2',
      kind: 'bulk',
      quantity: 10,
      unitMinor: 500,
      totalMinor: 5000,
      cnyUnitFen: 120,
      title: 'Bát',
      titleZh: '碗',
      specs: {},
      customisation: [],
    },
  ],
  suppliers: [],
  subtotalMinor: 71000,
  shippingMinor: 0,
  totalMinor: 71000,
  cnyTotalFen: 0,
  fx: { rate: '3600', asOf: placedAt, source: 'vietcombank' },
  markupBps: 0,
  pricedAt: placedAt,
  cartVersion: 4,
  business: { companyName: 'Shop', contactName: 'An', email: 'an@example.vn', phone: '+84912345678' },
  shippingAddress: {
    country: 'VN',
    name: 'An',
    phone: '+84912345678',
    province: '01',
    commune: 'Phường Hoàn Kiếm',
    street: '12 Tràng Tiền',
  },
  lane: { id: 'air-express', kind: 'air_express', transitDays: { min: 5, max: 8 } },
  payment: {
    method: 'bank_transfer',
    status: 'pending',
    amountMinor: 71000,
    reference: 'VN7K3Q9X',
    instructions: {},
    refunds: [],
  },
  events: [{ at: placedAt, actor: 'buyer', to: 'placed' }],
  createdAt: placedAt,
  updatedAt: placedAt,
  ...over,
});
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
