import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrderPayment } from '../../core/payments/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/admin/tenants/{tenantId}/payments/bank-transfers: the partner saw the money arrive. */
export const handler = implement(
  'payment-bank-transfer',
  async ({ principal, params, body, locale, services }) => {
    const { order, tenant } = await services.payments.markTransferReceived(principal, params.tenantId, body);
    return {
      status: 200,
      headers: noStore,
      body: presentOrderPayment(order, tenant, locale, translatorFor(locale)),
    };
  },
);
