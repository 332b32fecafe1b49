import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { MAX_PO_LINES, purchaseOrderSchema } from '../../core/handoff/protocol.ts';
import { supplyProtocolDocument } from '../../core/handoff/protocol-document.ts';
import { purchaseOrderId, purchaseOrdersOf, tenantOfPoId } from '../../core/handoff/purchase-orders.ts';
import { projectRoot } from '../../local/paths.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';

const now = new Date('2026-12-01T08:05:00.000Z');

describe('purchase orders of a paid order', () => {
  it('makes one PO per supplier in CNY at the lines’ supplier prices × quantities', () => {
    const order = paidOrder([
      orderLine({ supplierId: 'yiwu-cups', cnyUnitFen: 1_250, quantity: 40, unitMinor: 99_000 }),
      orderLine({ supplierId: 'gz-bags', cnyUnitFen: 3_900, quantity: 12 }),
      orderLine({ supplierId: 'yiwu-cups', cnyUnitFen: 1_100, quantity: 100, skuId: 'sku-2' }),
    ]);
    const pos = purchaseOrdersOf(order, now);
    expect(pos.map((p) => [p.supplierId, p.currency, p.totalFen, p.lines.length])).toEqual([
      ['yiwu-cups', 'CNY', 40 * 1_250 + 100 * 1_100, 2],
      ['gz-bags', 'CNY', 12 * 3_900, 1],
    ]);
    // The buyer's VND price never crosses the border.
    expect(JSON.stringify(pos)).not.toContain('99000');
    expect(pos[0]!.lines.map((l) => [l.unitFen, l.totalFen])).toEqual([
      [1_250, 50_000],
      [1_100, 110_000],
    ]);
    for (const po of pos) expect(purchaseOrderSchema.parse(po)).toEqual(po);
  });

  it('splits a supplier’s 150 SKU lines into two POs of 100 and 50, numbered as parts', () => {
    const lines = Array.from({ length: 150 }, (_, i) =>
      orderLine({ supplierId: 'yiwu-cups', skuId: `sku-${i}`, lineId: `l-${i}`, quantity: i + 1 }),
    );
    const pos = purchaseOrdersOf(paidOrder(lines), now);
    expect(pos.map((p) => [p.part, p.parts, p.lines.length])).toEqual([
      [1, 2, MAX_PO_LINES],
      [2, 2, 50],
    ]);
    expect(pos[1]!.lines[0]!.lineId).toBe('l-100');
    expect(new Set(pos.map((p) => p.poId)).size).toBe(2);
  });

  it('keeps exactly 100 lines in one PO', () => {
    const lines = Array.from({ length: 100 }, (_, i) => orderLine({ supplierId: 's', skuId: `k${i}` }));
    expect(purchaseOrdersOf(paidOrder(lines), now)).toHaveLength(1);
  });

  it('derives PO ids from order, supplier and part only: a replay gives the same ids', () => {
    const order = paidOrder([orderLine({ supplierId: 'a' }), orderLine({ supplierId: 'b' })]);
    const first = purchaseOrdersOf(order, now).map((p) => p.poId);
    const again = purchaseOrdersOf({ ...order }, new Date('2027-01-01T00:00:00Z')).map((p) => p.poId);
    expect(again).toEqual(first);
    expect(first[0]).toBe(purchaseOrderId('vn', order.orderId, 'a', 1));
    expect(purchaseOrderId('vn', order.orderId, 'a', 2)).not.toBe(first[0]);
    expect(purchaseOrderId('vn', `${order.orderId}x`, 'a', 1)).not.toBe(first[0]);
    expect(tenantOfPoId(first[0]!)).toBe('vn');
    expect(tenantOfPoId('po_vn_123')).toBeUndefined();
  });

  it('carries the end customer and blind packaging on dropship lines, options on customised and sample lines', () => {
    const endCustomer = {
      country: 'VN' as const,
      name: 'Trần Bình',
      phone: '0987654321',
      province: '79',
      commune: 'Phường Bến Nghé',
      street: '5 Lê Lợi',
    };
    const order = paidOrder([
      orderLine({
        supplierId: 's',
        kind: 'dropship',
        quantity: 1,
        dropship: { endCustomer, blindPackaging: true },
      }),
      orderLine({ supplierId: 's', kind: 'customised', customisation: ['logo', 'packaging'] }),
      orderLine({ supplierId: 's', kind: 'sample', quantity: 2, specs: { 尺寸: 'M' } }),
    ]);
    const [po] = purchaseOrdersOf(order, now);
    expect(po!.lines[0]).toMatchObject({ kind: 'dropship', dropship: { endCustomer, blindPackaging: true } });
    expect(po!.lines[1]).toMatchObject({ kind: 'customised', customisation: ['logo', 'packaging'] });
    expect(po!.lines[1]!.dropship).toBeUndefined();
    expect(po!.lines[2]).toMatchObject({ kind: 'sample', quantity: 2, specs: { 尺寸: 'M' } });
  });
});

describe('the supply protocol document', () => {
  const document = supplyProtocolDocument();

  it('is a valid OpenAPI 3.1 document with the PO operations (send, read, withdraw) and the webhook', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(document.paths as object)).toEqual([
      '/v1/purchase-orders',
      '/v1/purchase-orders/{poId}',
      '/v1/purchase-orders/{poId}/cancellation',
    ]);
    expect(Object.keys(document.webhooks as object)).toEqual(['supplyEvent']);
  }, 30_000);

  it('is committed as docs/supply-protocol.openapi.json, kept current (npm run docs:openapi)', () => {
    const committed = JSON.parse(
      readFileSync(join(projectRoot, 'docs', 'supply-protocol.openapi.json'), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
