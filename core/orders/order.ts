import * as z from 'zod';
import type { StoredAddress } from '../addresses/address.ts';
import { customisationKinds } from '../catalog/taxonomy.ts';
import { paymentMethods } from '../tenants/tenant.ts';
import { orderActors, orderStatuses } from './lifecycle.ts';

/** How a cart line is bought: in bulk, as a sample (拿样), dropshipped to an end customer (一件代发), or customised (轻定制). */
export const lineKinds = ['bulk', 'sample', 'dropship', 'customised'] as const;
export type LineKind = (typeof lineKinds)[number];

/**
 * An address as stored on an order: already in its destination's form (core/addresses:
 * Vietnam's province code, commune and street; Korea's postal code, road address and unit; the
 * generic form elsewhere).
 */
export const storedAddressSchema = z
  .object({ country: z.string(), name: z.string(), phone: z.string() })
  .catchall(z.string()) as unknown as z.ZodType<StoredAddress>;

export const orderLineSchema = z.object({
  lineId: z.string(),
  offerId: z.string(),
  skuId: z.string(),
  supplierId: z.string(),
  kind: z.enum(lineKinds),
  quantity: z.int().min(1),
  /** The buyer's price, in minor units of the order's currency. */
  unitMinor: z.int(),
  totalMinor: z.int(),
  /** What the PO pays the supplier per unit, CNY fen (tier band, sample or customisation extras included). */
  cnyUnitFen: z.int(),
  /** The title in the buyer's language and the Chinese original, as ordered. */
  title: z.string(),
  titleZh: z.string(),
  /** The SKU's spec values as the buyer saw them (colour: 白色 → "Trắng"). */
  specs: z.record(z.string(), z.string()).default({}),
  customisation: z.array(z.enum(customisationKinds)).default([]),
  /**
   * What each customisation option added to the unit price when the order was placed, in fen
   * and in the order's currency (absent on orders placed before it was kept).
   */
  customisationPrices: z
    .array(z.object({ kind: z.enum(customisationKinds), extraUnitFen: z.int(), extraUnitMinor: z.int() }))
    .optional(),
  /** Dropship lines: the end customer and blind packaging (no supplier or price on the parcel). */
  dropship: z.object({ endCustomer: storedAddressSchema, blindPackaging: z.boolean() }).optional(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const paymentStatuses = ['pending', 'paid', 'not_required', 'refunded', 'void'] as const;

export const orderPaymentSchema = z.object({
  method: z.enum(paymentMethods),
  status: z.enum(paymentStatuses),
  amountMinor: z.int(),
  /** The order reference the transfer must carry (VietQR tag 62/08; the virtual account's order id). */
  reference: z.string(),
  /** Unpaid past this time, a prepaid order is cancelled and its stock released. */
  dueAt: z.iso.datetime().optional(),
  paidAt: z.iso.datetime().optional(),
  /** What the payment port returned when the payment was set up (account to pay into, provider keys). */
  instructions: z.record(z.string(), z.string()).default({}),
  /** Refund records, newest last. */
  refunds: z
    .array(
      z.object({ at: z.iso.datetime(), amountMinor: z.int(), reason: z.string(), by: z.enum(orderActors) }),
    )
    .default([]),
});
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

/** What a B2B buyer needs on a VAT invoice (VN: MST; KR: 사업자등록번호, 상호, 대표자, 업태, 종목). */
export const invoiceRequestSchema = z.object({
  legalName: z.string(),
  taxId: z.string(),
  address: z.string(),
  email: z.string().optional(),
  /** KR: 대표자, 업태, 종목. */
  representative: z.string().optional(),
  businessType: z.string().optional(),
  businessItem: z.string().optional(),
});

export const orderSchema = z.object({
  orderId: z.string(),
  tenantId: z.string(),
  /** Short, readable, unique per tenant: what a buyer quotes and a bank transfer carries. */
  reference: z.string(),
  status: z.enum(orderStatuses),
  /** Bumped by every change: writes are conditional on the version read. */
  version: z.int().min(1),
  /** The buyer who ordered, or a guest reached through the order's link. */
  owner: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('buyer'), buyerId: z.string() }),
    z.object({ kind: z.literal('guest'), email: z.string() }),
  ]),
  locale: z.string(),
  currency: z.string(),
  lines: z.array(orderLineSchema).min(1),
  /** Per supplier: what its purchase order will pay, CNY fen. */
  suppliers: z.array(z.object({ supplierId: z.string(), name: z.string(), cnyTotalFen: z.int() })),
  subtotalMinor: z.int(),
  shippingMinor: z.int(),
  totalMinor: z.int(),
  cnyTotalFen: z.int(),
  /** The frozen rate and its source: the buyer's amounts were computed with it. */
  fx: z.object({ rate: z.string(), asOf: z.string(), source: z.string() }),
  markupBps: z.int(),
  /** When the cart was priced for this order, and which version of it. */
  pricedAt: z.iso.datetime(),
  cartVersion: z.int(),
  business: z.object({
    companyName: z.string(),
    contactName: z.string(),
    email: z.string(),
    phone: z.string(),
  }),
  invoice: invoiceRequestSchema.optional(),
  shippingAddress: storedAddressSchema,
  lane: z.object({ id: z.string(), kind: z.string(), transitDays: z.object({ min: z.int(), max: z.int() }) }),
  payment: orderPaymentSchema,
  events: z.array(
    z.object({
      at: z.iso.datetime(),
      actor: z.enum(orderActors),
      from: z.enum(orderStatuses).optional(),
      to: z.enum(orderStatuses),
      reason: z.string().optional(),
    }),
  ),
  /** A guest's order: the SHA-256 of the token in the link they were mailed (core/buyers/guest-orders.ts). */
  guestAccessHash: z.string().optional(),
  /** Set once when the reserved stock went back, so it can never go back twice. */
  stockReleasedAt: z.iso.datetime().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Order = z.infer<typeof orderSchema>;

/**
 * What the order tells the supply side, written in the same transaction as the change that
 * causes it (the outbox): the dispatcher reads it from the table's stream and acts on it.
 */
export const outboxMessageSchema = z.object({
  type: z.enum(['order.ready_for_supply', 'order.cancelled']),
  tenantId: z.string(),
  orderId: z.string(),
  /** The order's version that wrote it: together with the type, the message's identity. */
  orderVersion: z.int(),
  at: z.iso.datetime(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** What an order's list entry shows, kept beside the order so lists never read whole orders. */
export interface OrderSummary {
  orderId: string;
  reference: string;
  status: Order['status'];
  currency: string;
  totalMinor: number;
  createdAt: string;
  updatedAt: string;
  lineCount: number;
  supplierCount: number;
  companyName: string;
  paymentMethod: Order['payment']['method'];
  /** The payment deadline of an unpaid order (the deadline job filters on it). */
  dueAt?: string;
}

export function summaryOf(order: Order): OrderSummary {
  return {
    orderId: order.orderId,
    reference: order.reference,
    status: order.status,
    currency: order.currency,
    totalMinor: order.totalMinor,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    lineCount: order.lines.length,
    supplierCount: order.suppliers.length,
    companyName: order.business.companyName,
    paymentMethod: order.payment.method,
    ...(order.payment.dueAt && { dueAt: order.payment.dueAt }),
  };
}
