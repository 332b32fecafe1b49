import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrderSummary } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/orders: the signed-in buyer's orders on this site, newest first. */
export const handler = implement('order-list', async ({ tenant, locale, buyer, query, services }) => {
  const page = await services.orderService.listForBuyer(tenant.id, buyer.buyerId, {
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
