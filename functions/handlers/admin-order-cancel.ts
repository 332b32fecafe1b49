import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { isOperator } from '../../core/tenants/admin-auth.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/admin/tenants/{tenantId}/orders/{orderId}/cancel: the partner cancels; reserved stock goes back once. */
export const handler = implement(
  'admin-order-cancel',
  async ({ params, body, principal, locale, services }) => {
    const { tenant, order } = await services.orderService.forPartner(params.tenantId, params.orderId);
    const actor = isOperator(principal) ? 'operator' : 'partner';
    const cancelled = await services.orderService.cancel(
      order,
      actor,
      body.reason ?? 'partner_cancelled',
      body.version,
    );
    return {
      headers: noStore,
      body: presentOrder(cancelled, tenant, locale, translatorFor(locale), 'partner'),
    };
  },
);
