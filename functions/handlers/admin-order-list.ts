import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrderSummary } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/tenants/{tenantId}/orders?status=: a partner's orders of one status, newest first. */
export const handler = implement('admin-order-list', async ({ params, query, locale, services }) => {
  const tenant = await services.orderService.site(params.tenantId);
  const page = await services.orderService.listForPartner(tenant.id, query.status, {
    limit: query.limit,
    ...(query.cursor && { cursor: query.cursor }),
  });
  const t = translatorFor(locale);
  return {
    headers: noStore,
    body: {
      orders: page.orders.map((o) => presentOrderSummary(o, tenant, locale, t)),
      ...(page.nextCursor && { nextCursor: page.nextCursor }),
    },
  };
});
