import { orderTimeline } from '../../core/handoff/timeline.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/orders/{orderId}: the buyer's own order, or a guest's with the token of their link. */
export const handler = implement(
  'order-get',
  async ({ tenant, locale, shopper, params, query, services }) => {
    const order = await services.orderService.forViewer(tenant.id, params.orderId, {
      ...(shopper.buyer && { buyerId: shopper.buyer.buyerId }),
      ...(query.access && { accessToken: query.access }),
    });
    return {
      // The guest's link is in the URL: it must not leak to other sites through the Referer.
      headers: { ...noStore, 'referrer-policy': 'no-referrer' },
      body: {
        ...presentOrder(order, tenant, locale, translatorFor(locale), 'buyer'),
        // The journey across the border: POs placed, accepted, shipped, at the warehouse, international, delivered.
        timeline: orderTimeline(
          order,
          await services.handoffStore.byOrder(tenant.id, order.orderId),
          locale,
          tenant.timeZone,
        ),
      },
    };
  },
);
