import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { countEvent } from '../http/telemetry.ts';

/**
 * POST /api/v1/payments/toss/deposit-callback: Toss's DEPOSIT_CALLBACK for the Host's site.
 * Answered 200 whenever the callback is genuine, acted on or not, so the provider stops
 * re-sending; money that arrives for a closed order is logged for a refund by hand.
 */
export const handler = implement('payment-toss-callback', async ({ tenant, body, services, log }) => {
  const { outcome, order } = await services.payments.depositCallback(tenant, body);
  countEvent('PaymentCallbacks', { tenant: tenant.id, outcome });
  if (outcome === 'order_closed' || outcome === 'amount_mismatch') {
    log.error('deposit not applied: refund it to the buyer', {
      outcome,
      orderId: order.orderId,
      reference: order.reference,
      orderStatus: order.status,
      callbackStatus: body.status,
    });
  }
  return { status: 200, headers: noStore, body: { outcome } };
});
