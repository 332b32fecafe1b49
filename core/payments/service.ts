import { DomainError } from '../errors.ts';
import type { OrderStatus } from '../orders/lifecycle.ts';
import { nextStatuses } from '../orders/lifecycle.ts';
import type { Order, OrderPayment } from '../orders/order.ts';
import type { OrderService } from '../orders/service.ts';
import type { OrderStore } from '../orders/store.ts';
import { changeStatus } from '../orders/transition.ts';
import { authorizeTenant, type Principal } from '../tenants/admin-auth.ts';
import { hashSecret, matchesHash } from '../tenants/api-keys.ts';
import type { PaymentMethod, Tenant } from '../tenants/tenant.ts';
import {
  bankTransfer,
  noPrepayment,
  type PaymentMethodAdapter,
  type PaymentSetUp,
  providerOrderId,
  type VietQrBuilder,
  type VirtualAccountProvider,
  virtualAccount,
} from './port.ts';

/** Statuses in which an order still waits for its money (the deadline job cancels them). */
export const unpaidStatuses: readonly OrderStatus[] = ['placed', 'awaiting_payment'];

/** What became of a deposit callback or a payment the platform was told about. */
export type PaymentOutcome =
  /** The order is now paid. */
  | 'paid'
  /** It was already paid: nothing changed (a duplicate callback, a retried mark). */
  | 'already_paid'
  /** The provider says the payment is not paid (yet): nothing changed. */
  | 'not_paid'
  /** Money arrived for an order that was cancelled or refunded: refused, to be refunded by hand. */
  | 'order_closed'
  /** The provider's amount is not the order's: refused and logged. */
  | 'amount_mismatch';

export interface PaymentsDeps {
  orders: OrderStore;
  /** The one loader of sites and orders (NOT_FOUND, ORDER_NOT_FOUND) the order routes use too. */
  lookup: Pick<OrderService, 'site' | 'order'>;
  provider: VirtualAccountProvider;
  vietQr?: VietQrBuilder;
  now?: () => Date;
}

const paidAmount = (payment: OrderPayment) =>
  payment.status === 'paid' || payment.status === 'refunded' ? payment.amountMinor : 0;
const refundedAmount = (payment: OrderPayment) => payment.refunds.reduce((sum, r) => sum + r.amountMinor, 0);

/**
 * The payments service: each method's adapter behind the port, and the rules that move an
 * order on money — set up at placement, paid by a provider's verified callback or by the
 * partner's mark, refunded by record, cancelled past its due time. Every write is conditional
 * on the order's version (OrderStore.update), so a payment and a cancellation racing each other
 * end with exactly one of them.
 */
export function paymentService(deps: PaymentsDeps) {
  const now = deps.now ?? (() => new Date());
  const adapters: Record<PaymentMethod, PaymentMethodAdapter> = {
    bank_transfer: bankTransfer({ vietQr: deps.vietQr }),
    virtual_account: virtualAccount(deps.provider, hashSecret),
    cash_on_delivery: noPrepayment('cash_on_delivery'),
    pay_later: noPrepayment('pay_later'),
  };

  const tenantOf = deps.lookup.site;
  const load = deps.lookup.order;

  /** Paid: awaiting_payment → paid by `actor`, the payment stamped. */
  async function markPaid(
    order: Order,
    actor: 'payment-provider' | 'partner',
    paidAt: string,
    reason: string,
  ): Promise<Order> {
    const change = changeStatus(order, 'paid', actor, {
      now: now(),
      reason,
      patch: (o) => ({ payment: { ...o.payment, status: 'paid', paidAt } }),
    });
    await deps.orders.update(order, change.next, { release: change.release, outbox: change.outbox });
    return change.next;
  }

  return {
    adapters,

    /**
     * What the buyer is told and by when, for this order's method (no write): checkout calls it
     * once the order is placed, and moves the order on with it.
     */
    setUp(order: Order, tenant: Tenant): Promise<PaymentSetUp> {
      return adapters[order.payment.method].setUp(order, tenant, now());
    },

    /**
     * A provider's deposit callback (`{orderId, secret, status}`). It carries no signature, so it
     * is believed only as far as this: the secret must match the one issued with the payment,
     * and then the provider is asked for the payment before anything changes — its status must
     * be paid and its amount the order's. A duplicate changes nothing.
     */
    async depositCallback(
      tenant: Tenant,
      callback: { orderId: string; secret: string },
    ): Promise<{ outcome: PaymentOutcome; order: Order }> {
      const order = await deps.orders.get(tenant.id, callback.orderId);
      const stored = order?.payment.instructions.callbackSecretHash;
      // An unknown order and a wrong secret answer alike: a forger learns nothing.
      if (order?.payment.method !== 'virtual_account' || !stored || !matchesHash(callback.secret, stored))
        throw new DomainError('PAYMENT_CALLBACK_REJECTED');
      if (order.payment.status === 'paid' || order.payment.status === 'refunded')
        return { outcome: 'already_paid', order };
      const payment = await deps.provider.lookup(tenant, providerOrderId(order));
      if (payment?.status !== 'paid') return { outcome: 'not_paid', order };
      if (payment.amountMinor !== order.payment.amountMinor || payment.currency !== order.currency)
        return { outcome: 'amount_mismatch', order };
      if (order.status !== 'awaiting_payment') return { outcome: 'order_closed', order };
      try {
        const paid = await markPaid(
          order,
          'payment-provider',
          payment.paidAt ?? now().toISOString(),
          'deposit',
        );
        return { outcome: 'paid', order: paid };
      } catch (error) {
        // Lost a race: another callback paid it, or the deadline job cancelled it first.
        if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
        const current = await load(tenant.id, order.orderId);
        return {
          outcome: current.payment.status === 'paid' ? 'already_paid' : 'order_closed',
          order: current,
        };
      }
    },

    /**
     * The partner saw a bank transfer arrive. Matched by the order reference; the amount must be
     * the order's exactly — a partial or excess transfer is refused (PAYMENT_AMOUNT_MISMATCH,
     * nothing recorded): the partner marks the order once the full amount has arrived, or
     * settles the difference with the buyer first.
     */
    async markTransferReceived(
      principal: Principal,
      tenantId: string,
      input: { reference: string; amountMinor: number; receivedAt: string; note?: string },
    ): Promise<{ order: Order; tenant: Tenant }> {
      authorizeTenant(principal, tenantId);
      const tenant = await tenantOf(tenantId);
      const order = await deps.orders.byReference(tenantId, input.reference);
      if (!order) throw new DomainError('ORDER_NOT_FOUND', { params: { reference: input.reference } });
      if (order.payment.method !== 'bank_transfer')
        throw new DomainError('PAYMENT_METHOD_MISMATCH', {
          params: { method: order.payment.method, expected: 'bank_transfer' },
        });
      if (order.payment.status === 'paid' || order.payment.status === 'refunded')
        throw new DomainError('PAYMENT_ALREADY_RECORDED', { params: { reference: order.reference } });
      if (order.status !== 'awaiting_payment')
        throw new DomainError('PAYMENT_ORDER_CLOSED', {
          params: { reference: order.reference, status: order.status },
        });
      if (input.amountMinor !== order.payment.amountMinor)
        throw new DomainError('PAYMENT_AMOUNT_MISMATCH', {
          params: {
            expectedMinor: order.payment.amountMinor,
            receivedMinor: input.amountMinor,
            currency: order.currency,
          },
        });
      const reason = input.note ? `bank_transfer_received: ${input.note}` : 'bank_transfer_received';
      return {
        order: await markPaid(order, 'partner', new Date(input.receivedAt).toISOString(), reason),
        tenant,
      };
    },

    /**
     * A refund record: at most what was paid and not yet refunded. A full refund moves the order
     * to `refunded` where the lifecycle allows it from its status; otherwise (a partial refund, or
     * an order already with the suppliers) the record is kept and the status stays.
     */
    async refund(
      principal: Principal,
      tenantId: string,
      orderId: string,
      input: { amountMinor: number; reason: string },
    ): Promise<{ order: Order; tenant: Tenant }> {
      authorizeTenant(principal, tenantId);
      const tenant = await tenantOf(tenantId);
      const order = await load(tenantId, orderId);
      const refundable = paidAmount(order.payment) - refundedAmount(order.payment);
      if (input.amountMinor > refundable)
        throw new DomainError('REFUND_EXCEEDS_PAID', {
          params: {
            refundableMinor: refundable,
            requestedMinor: input.amountMinor,
            currency: order.currency,
          },
        });
      const at = now();
      const refunds = [
        ...order.payment.refunds,
        {
          at: at.toISOString(),
          amountMinor: input.amountMinor,
          reason: input.reason,
          by: 'partner' as const,
        },
      ];
      const full = input.amountMinor === refundable;
      const payment: OrderPayment = { ...order.payment, refunds, ...(full && { status: 'refunded' }) };
      if (full && nextStatuses(order.status, 'partner').includes('refunded')) {
        const change = changeStatus(order, 'refunded', 'partner', {
          now: at,
          reason: input.reason,
          patch: () => ({ payment }),
        });
        await deps.orders.update(order, change.next, { release: change.release, outbox: change.outbox });
        return { order: change.next, tenant };
      }
      const next: Order = { ...order, payment, version: order.version + 1, updatedAt: at.toISOString() };
      await deps.orders.update(order, next, { release: [], outbox: [] });
      return { order: next, tenant };
    },

    /**
     * The deadline job: every order past its due time still unpaid is cancelled by the system
     * and its stock released (once: the write is conditional on the version read, so a payment
     * that lands first wins and this order is skipped; a second run finds nothing to do).
     */
    async cancelOverdue(tenantId: string, limit = 100): Promise<{ cancelled: string[]; skipped: string[] }> {
      const time = now();
      const cancelled: string[] = [];
      const skipped: string[] = [];
      for (const order of await deps.orders.overdue(tenantId, time, limit)) {
        const due = order.payment.dueAt;
        if (
          !unpaidStatuses.includes(order.status) ||
          !due ||
          new Date(due) > time ||
          order.payment.status !== 'pending'
        ) {
          skipped.push(order.orderId);
          continue;
        }
        const change = changeStatus(order, 'cancelled', 'system', {
          now: time,
          reason: 'payment_deadline',
          patch: (o) => ({ payment: { ...o.payment, status: 'void' } }),
        });
        try {
          await deps.orders.update(order, change.next, { release: change.release, outbox: change.outbox });
          cancelled.push(order.orderId);
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
          skipped.push(order.orderId);
        }
      }
      return { cancelled, skipped };
    },
  };
}

export type PaymentService = ReturnType<typeof paymentService>;
