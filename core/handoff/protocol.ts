import * as z from 'zod';
import { customisationKinds } from '../catalog/taxonomy.ts';
import { lineKinds, storedAddressSchema } from '../orders/order.ts';

/**
 * The supply protocol: what crosses the border, defined once. The platform POSTs purchase
 * orders to a supply endpoint (a 1688 cross-border relay, a sourcing agent, a factory ERP) and
 * GETs their state; the supply side sends signed webhooks back. Every message, both ways, is
 * signed as core/handoff/signature.ts says. docs/supply-protocol.openapi.json is generated from
 * these schemas (core/handoff/protocol-document.ts); a test keeps the committed copy current.
 */

/**
 * `po_<tenantId>_<24 hex>`: the tenant in clear (a webhook's PO id says which tenant it is for),
 * the rest a digest of order, supplier and part, so the same part of the same order always has
 * the same id and a replay can never mint a second PO.
 */
export const poIdPattern = /^po_[a-z][a-z0-9-]{1,30}_[0-9a-f]{24}$/;
export const poIdSchema = z.string().regex(poIdPattern).describe('po_<tenantId>_<24 hex digits>');

/** Most SKU lines one PO carries: the limit of 1688's own cross-border order API. */
export const MAX_PO_LINES = 100;

export const poLineSchema = z.object({
  lineId: z.string().min(1).max(64).describe("The order line's id: webhooks name lines by it"),
  offerId: z.string(),
  skuId: z.string(),
  kind: z.enum(lineKinds),
  titleZh: z.string().describe('The title as the supplier lists it'),
  specs: z.record(z.string(), z.string()).describe('SKU spec values (颜色: 白色)'),
  quantity: z.int().min(1),
  unitFen: z.int().min(0).describe("The supplier's own tier price per unit, CNY fen"),
  totalFen: z.int().min(0).describe('unitFen × quantity'),
  customisation: z.array(z.enum(customisationKinds)).describe('轻定制 options on this line'),
  dropship: z
    .object({
      endCustomer: storedAddressSchema,
      blindPackaging: z.boolean().describe('No supplier name, price or invoice in the parcel'),
    })
    .optional()
    .describe('一件代发: ship this line straight to the end customer'),
});
export type PoLine = z.infer<typeof poLineSchema>;

export const purchaseOrderSchema = z.object({
  poId: poIdSchema,
  /** The order this PO is part of, as the buyer and the partner quote it. */
  orderReference: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  /** 1-based; a supplier's lines above MAX_PO_LINES go out as several parts. */
  part: z.int().min(1),
  parts: z.int().min(1),
  currency: z.literal('CNY'),
  totalFen: z.int().min(0).describe('Sum of the lines, CNY fen'),
  lines: z.array(poLineSchema).min(1).max(MAX_PO_LINES),
  /** The international lane the consolidation warehouse ships on. */
  lane: z.object({ id: z.string(), kind: z.string() }),
  createdAt: z.iso.datetime(),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

/**
 * A PO's states in their order: a PO only ever moves forward (a late `accepted` after
 * `shipped_domestic` changes nothing). `rejected` (every line refused) and `cancelled` (the
 * platform withdrew it before it shipped) are final.
 */
export const poStatuses = [
  'sent',
  'accepted',
  'shipped_domestic',
  'at_warehouse',
  'shipped_international',
  'customs_cleared',
  'out_for_delivery',
  'delivered',
] as const;
export const finalPoStatuses = ['rejected', 'cancelled'] as const;
export type PoStatus = (typeof poStatuses)[number] | (typeof finalPoStatuses)[number];
export const poStatusSchema = z.enum([...poStatuses, ...finalPoStatuses]);

/**
 * `POST /v1/purchase-orders/{poId}/cancellation`: the order was cancelled or refunded after the
 * POs went out. The supply side answers the PO's state: `cancelled`, or the status it had
 * already reached when a parcel has left (it cannot be recalled; the partner handles the
 * return). Idempotent: a repeat answers the same state. An unknown PO answers 404.
 */
export const poCancellationSchema = z.object({
  poId: poIdSchema,
  reason: z.enum(['order_cancelled', 'order_refunded']),
  requestedAt: z.iso.datetime(),
});
export type PoCancellation = z.infer<typeof poCancellationSchema>;

/** The statuses from which the supply side still withdraws a PO (nothing has left the supplier). */
export const cancellablePoStatuses: readonly PoStatus[] = ['sent', 'accepted'];

/** Domestic couriers the supply side names (中通, 圆通, 韵达, 申通, 顺丰, 京东, 邮政). */
export const domesticCarriers = ['ZTO', 'YTO', 'YUNDA', 'STO', 'SF', 'JD', 'EMS'] as const;

const shipmentLines = z
  .array(z.object({ lineId: z.string(), quantity: z.int().min(1) }))
  .describe('Lines and quantities in this parcel; absent: every accepted line in full');

const eventBase = {
  eventId: z.string().min(8).max(128).describe('Unique per event: a repeat is ignored'),
  poId: poIdSchema,
  occurredAt: z.iso.datetime().describe('When it happened at the supply side: events apply in this order'),
};

export const supplyEventSchema = z.discriminatedUnion('type', [
  z.object({ ...eventBase, type: z.literal('po.accepted') }),
  z.object({
    ...eventBase,
    type: z.literal('po.line_rejected'),
    lineId: z.string(),
    reason: z.enum(['out_of_stock', 'discontinued', 'other']),
    note: z.string().max(500).optional(),
  }),
  z.object({
    ...eventBase,
    type: z.literal('po.shipped_domestic'),
    carrier: z.enum(domesticCarriers),
    trackingNumber: z.string().min(4).max(40),
    lines: shipmentLines.optional(),
    /** True when more parcels of this PO follow (a partial shipment). */
    partial: z.boolean().default(false),
  }),
  z.object({
    ...eventBase,
    type: z.literal('po.received_at_warehouse'),
    warehouse: z.string().describe('Consolidation warehouse (e.g. Yiwu, Guangzhou Baiyun)'),
    qcNotes: z.string().max(2000),
    photoUrls: z.array(z.url()).max(20),
  }),
  z.object({
    ...eventBase,
    type: z.literal('po.shipped_international'),
    carrier: z.string().min(2).max(40),
    trackingNumber: z.string().min(4).max(40),
    laneId: z.string(),
  }),
  z.object({ ...eventBase, type: z.literal('po.customs_cleared'), country: z.string().regex(/^[A-Z]{2}$/) }),
  z.object({
    ...eventBase,
    type: z.literal('po.out_for_delivery'),
    carrier: z.string().min(2).max(40),
    trackingNumber: z.string().min(4).max(40),
  }),
  z.object({ ...eventBase, type: z.literal('po.delivered') }),
]);
export type SupplyEvent = z.infer<typeof supplyEventSchema>;
export type SupplyEventType = SupplyEvent['type'];

/** The PO status an event moves to (a line rejection changes a line, not the PO's place). */
export const statusOfEvent: Record<SupplyEventType, (typeof poStatuses)[number] | undefined> = {
  'po.accepted': 'accepted',
  'po.line_rejected': undefined,
  'po.shipped_domestic': 'shipped_domestic',
  'po.received_at_warehouse': 'at_warehouse',
  'po.shipped_international': 'shipped_international',
  'po.customs_cleared': 'customs_cleared',
  'po.out_for_delivery': 'out_for_delivery',
  'po.delivered': 'delivered',
};

/** What the supply side answers to a POST (the same answer again for a duplicate) and to a GET. */
export const poStateSchema = z.object({
  poId: poIdSchema,
  status: poStatusSchema,
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lines: z.array(
    z.object({
      lineId: z.string(),
      status: z.enum(['open', 'rejected', 'shipped']),
      shippedQuantity: z.int().min(0),
      reason: z.string().optional(),
    }),
  ),
  /** Every event the supply side has sent for this PO, oldest first. */
  events: z.array(supplyEventSchema),
});
export type PoState = z.infer<typeof poStateSchema>;

export const protocolErrorSchema = z.object({
  error: z.object({
    code: z.enum(['UNAUTHORIZED', 'VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE']),
    message: z.string(),
  }),
});
