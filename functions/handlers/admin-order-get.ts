import { orderTimeline } from '../../core/handoff/timeline.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/orders/{orderId}: one order with its CNY amounts, invoice request and history. */
export const handler = implement('admin-order-get', async ({ params, locale, services }) => {
  const { tenant, order } = await services.orderService.forPartner(params.tenantId, params.orderId);
  const pos = await services.handoffStore.byOrder(tenant.id, order.orderId);
  return {
    headers: noStore,
    body: {
      ...presentOrder(order, tenant, locale, translatorFor(locale), 'partner'),
      timeline: orderTimeline(order, pos, locale, tenant.timeZone),
    },
  };
});
