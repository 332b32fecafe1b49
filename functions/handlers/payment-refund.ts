import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrderPayment } from '../../core/payments/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/admin/tenants/{tenantId}/orders/{orderId}/refunds: a refund record. */
export const handler = implement('payment-refund', async ({ principal, params, body, locale, services }) => {
  const { order, tenant } = await services.payments.refund(principal, params.tenantId, params.orderId, body);
  return {
    status: 201,
    headers: noStore,
    body: presentOrderPayment(order, tenant, locale, translatorFor(locale)),
  };
});
