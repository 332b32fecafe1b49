import * as z from 'zod';
import { poStatusSchema, purchaseOrderSchema } from '../../core/handoff/protocol.ts';

/** What the platform answers a verified supply webhook. */
export const webhookReceiptView = z.object({
  received: z.literal(true),
  outcome: z
    .enum(['applied', 'late', 'duplicate', 'unknown_po', 'unknown_line'])
    .describe(
      'applied; late: recorded, moved nothing (an older status); duplicate: event id seen before; unknown_*: ignored',
    ),
});

export const deadLetterView = z.object({
  tenantId: z.string(),
  orderId: z.string(),
  poId: z.string(),
  supplierId: z.string(),
  attempts: z.int(),
  lastError: z.string().optional(),
  parkedAt: z.string().optional(),
  po: purchaseOrderSchema,
});

export const deadLetterListView = z.object({ deadLetters: z.array(deadLetterView) });

export const replayBody = z.object({
  poIds: z
    .array(z.string().max(64))
    .max(1000)
    .optional()
    .describe('Only these dead letters; absent: every one'),
});

export const replayView = z.object({
  replayed: z.array(
    z.object({ poId: z.string(), state: z.enum(['pending', 'delivered', 'dead_letter', 'missing']) }),
  ),
});

export const supplyNoticeListView = z.object({
  notices: z.array(
    z.object({
      noticeId: z.string(),
      at: z.string(),
      kind: z.enum(['line_rejected', 'po_rejected', 'dead_letter']),
      orderId: z.string(),
      orderReference: z.string(),
      poId: z.string(),
      supplierId: z.string(),
      lineId: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
});

export const purchaseOrderView = z.object({
  poId: z.string(),
  supplierId: z.string(),
  status: poStatusSchema,
  delivery: z.enum(['pending', 'delivered', 'dead_letter']),
});

export const slaFlagListView = z.object({
  flags: z.array(
    z.object({
      poId: z.string(),
      orderId: z.string(),
      orderReference: z.string(),
      supplierId: z.string(),
      supplierName: z.string(),
      shipBy: z.string().describe('48 hours after the PO was sent: the badge promised shipping by then'),
      status: poStatusSchema,
    }),
  ),
});

export const supplierRecordListView = z.object({
  suppliers: z.array(
    z.object({
      supplierId: z.string(),
      onTime: z.int().describe('POs shipped within the 48-hour promise'),
      late: z.int(),
      open: z.int().describe('POs past the promise and not shipped'),
      rejectedLines: z.int().describe('Lines refused (out of stock …)'),
      onTimeShare: z.number().min(0).max(1).nullable(),
    }),
  ),
});
