import { createHash } from 'node:crypto';
import type { Order, OrderLine } from '../orders/order.ts';
import { MAX_PO_LINES, type PoLine, type PurchaseOrder } from './protocol.ts';

/**
 * A paid order becomes purchase orders: one per supplier, in CNY at the supplier's own tier
 * prices (each line's `cnyUnitFen` × quantity; the buyer's local amounts and the frozen rate
 * stay on the order), a supplier's lines split into parts of at most MAX_PO_LINES. No I/O.
 */

/**
 * The id of one part of one supplier's share of an order: the same inputs always give the same
 * id, so a replayed outbox message, a retried send or a re-run dispatcher can never mint a
 * second PO. The tenant stays readable (a webhook's PO id says whose it is).
 */
export function purchaseOrderId(tenantId: string, orderId: string, supplierId: string, part: number): string {
  const digest = createHash('sha256')
    .update([tenantId, orderId, supplierId, String(part)].join('\u0000'))
    .digest('hex');
  return `po_${tenantId}_${digest.slice(0, 24)}`;
}

/** The tenant a PO id belongs to, or undefined for anything that is not a PO id. */
export function tenantOfPoId(poId: string): string | undefined {
  return /^po_([a-z][a-z0-9-]{1,30})_[0-9a-f]{24}$/.exec(poId)?.[1];
}

function poLineOf(line: OrderLine): PoLine {
  return {
    lineId: line.lineId,
    offerId: line.offerId,
    skuId: line.skuId,
    kind: line.kind,
    titleZh: line.titleZh,
    specs: line.specs,
    quantity: line.quantity,
    unitFen: line.cnyUnitFen,
    totalFen: line.cnyUnitFen * line.quantity,
    customisation: line.customisation,
    ...(line.dropship && { dropship: line.dropship }),
  };
}

/** The purchase orders of an order, suppliers in the order their first line appears, parts in line order. */
export function purchaseOrdersOf(
  order: Pick<Order, 'tenantId' | 'orderId' | 'reference' | 'lines' | 'suppliers' | 'lane'>,
  now: Date,
): PurchaseOrder[] {
  const bySupplier = new Map<string, OrderLine[]>();
  for (const line of order.lines) {
    const lines = bySupplier.get(line.supplierId) ?? [];
    lines.push(line);
    bySupplier.set(line.supplierId, lines);
  }
  const purchaseOrders: PurchaseOrder[] = [];
  for (const [supplierId, lines] of bySupplier) {
    const parts = Math.ceil(lines.length / MAX_PO_LINES);
    const supplierName = order.suppliers.find((s) => s.supplierId === supplierId)?.name ?? supplierId;
    for (let part = 1; part <= parts; part++) {
      const poLines = lines.slice((part - 1) * MAX_PO_LINES, part * MAX_PO_LINES).map(poLineOf);
      purchaseOrders.push({
        poId: purchaseOrderId(order.tenantId, order.orderId, supplierId, part),
        orderReference: order.reference,
        supplierId,
        supplierName,
        part,
        parts,
        currency: 'CNY',
        totalFen: poLines.reduce((sum, l) => sum + l.totalFen, 0),
        lines: poLines,
        lane: { id: order.lane.id, kind: order.lane.kind },
        createdAt: now.toISOString(),
      });
    }
  }
  return purchaseOrders;
}
