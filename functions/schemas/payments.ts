import * as z from 'zod';
import { orderStatuses } from '../../core/orders/lifecycle.ts';
import { paymentStatuses } from '../../core/orders/order.ts';
import { paymentMethods } from '../../core/tenants/tenant.ts';
import { tenantIdParam } from './requests.ts';
import { moneyView } from './views.ts';

/**
 * Payments: the provider's deposit callback, the partner's bank-transfer mark and refund
 * record, and the payment part of the order view (core/payments/present.ts).
 */
const orderIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$/);
export const tenantOrderParams = z.object({ tenantId: tenantIdParam, orderId: orderIdParam });

/**
 * Toss Payments' DEPOSIT_CALLBACK: `{createdAt, secret, orderId, status, transactionKey}`. It is
 * unsigned; the handler checks the secret and re-reads the payment before acting. Fields Toss
 * may add are ignored.
 */
export const tossDepositCallbackBody = z.object({
  createdAt: z.string().max(40).optional(),
  secret: z.string().min(1).max(200),
  orderId: z.string().min(1).max(64),
  status: z.string().min(1).max(40),
  transactionKey: z.string().max(200).optional(),
});

/** What became of a callback (duplicates and payments the provider denies change nothing). */
export const depositCallbackView = z.looseObject({
  outcome: z.enum(['paid', 'already_paid', 'not_paid', 'order_closed', 'amount_mismatch']),
});

const amountMinor = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The partner's record of a bank transfer received, matched by the order reference. */
export const bankTransferBody = z.strictObject({
  reference: z.string().trim().min(1).max(40),
  amountMinor,
  receivedAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(500).optional(),
});

export const refundBody = z.strictObject({
  amountMinor,
  reason: z.string().trim().min(1).max(500),
});

const detail = z.looseObject({ key: z.string(), label: z.string(), value: z.string() });
export const paymentView = z.looseObject({
  method: z.enum(paymentMethods),
  methodLabel: z.string(),
  status: z.enum(paymentStatuses),
  statusLabel: z.string(),
  amount: moneyView,
  reference: z.string(),
  timeZone: z.string(),
  dueAt: z.string().optional(),
  dueAtText: z.string().optional(),
  paidAt: z.string().optional(),
  paidAtText: z.string().optional(),
  instruction: z.string(),
  details: z.array(detail),
  vietQr: z.string().optional(),
  refunded: moneyView,
  refunds: z.array(
    z.looseObject({ at: z.string(), atText: z.string(), amount: moneyView, reason: z.string() }),
  ),
});

/** An order after a payment action: its status and version, and its payment as the buyer sees it. */
export const orderPaymentView = z.looseObject({
  orderId: z.string(),
  reference: z.string(),
  status: z.enum(orderStatuses),
  version: z.int(),
  payment: paymentView,
});
