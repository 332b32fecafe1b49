import { randomUUID } from 'node:crypto';
import type { Order, OrderLine } from '../../core/orders/order.ts';

/** One order line, bulk by default; CNY unit price and quantity are what a PO is priced from. */
export function orderLine(overrides: Partial<OrderLine> & Pick<OrderLine, 'supplierId'>): OrderLine {
  const quantity = overrides.quantity ?? 10;
  const unitMinor = overrides.unitMinor ?? 25_000;
  return {
    lineId: `l-${randomUUID().slice(0, 8)}`,
    offerId: 'offer-1',
    skuId: 'sku-1',
    kind: 'bulk',
    quantity,
    unitMinor,
    totalMinor: unitMinor * quantity,
    cnyUnitFen: 1_250,
    title: 'Cốc sứ trắng',
    titleZh: '白色陶瓷杯',
    specs: { 颜色: '白色' },
    customisation: [],
    ...overrides,
  };
}

/** A paid order of the demo site `vn` (VND, Asia/Ho_Chi_Minh) with the given lines. */
export function paidOrder(lines: OrderLine[], overrides: Partial<Order> = {}): Order {
  const orderId = overrides.orderId ?? `o-${randomUUID()}`;
  const at = '2026-12-01T08:00:00.000Z';
  const suppliers = [...new Set(lines.map((l) => l.supplierId))].map((supplierId) => ({
    supplierId,
    name: `Supplier ${supplierId}`,
    cnyTotalFen: lines
      .filter((l) => l.supplierId === supplierId)
      .reduce((sum, l) => sum + l.cnyUnitFen * l.quantity, 0),
  }));
  const subtotal = lines.reduce((sum, l) => sum + l.totalMinor, 0);
  return {
    orderId,
    tenantId: 'vn',
    reference: `VN${orderId.slice(2, 10).toUpperCase()}`,
    status: 'paid',
    version: 3,
    owner: { kind: 'buyer', buyerId: 'b-1' },
    locale: 'vi',
    currency: 'VND',
    lines,
    suppliers,
    subtotalMinor: subtotal,
    shippingMinor: 0,
    totalMinor: subtotal,
    cnyTotalFen: suppliers.reduce((sum, s) => sum + s.cnyTotalFen, 0),
    fx: { rate: '3650.12', asOf: '2026-12-01', source: 'vietcombank' },
    markupBps: 800,
    pricedAt: at,
    cartVersion: 1,
    business: {
      companyName: 'Cửa hàng An',
      contactName: 'Nguyễn An',
      email: 'an@example.vn',
      phone: '0912345678',
    },
    shippingAddress: {
      country: 'VN',
      name: 'Nguyễn An',
      phone: '0912345678',
      province: '01',
      commune: 'Phường Ba Đình',
      street: '1 Điện Biên Phủ',
    },
    lane: { id: 'air-express', kind: 'air', transitDays: { min: 5, max: 8 } },
    payment: {
      method: 'bank_transfer',
      status: 'paid',
      amountMinor: subtotal,
      reference: 'VNREF',
      paidAt: at,
      instructions: {},
      refunds: [],
    },
    events: [
      { at, actor: 'buyer', to: 'placed' },
      { at, actor: 'system', from: 'placed', to: 'awaiting_payment' },
      { at, actor: 'partner', from: 'awaiting_payment', to: 'paid' },
    ],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
