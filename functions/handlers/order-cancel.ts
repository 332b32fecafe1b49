import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/orders/{orderId}/cancel: the buyer gives up an unpaid order; its stock goes back once. */
export const handler = implement(
  'order-cancel',
  async ({ tenant, locale, buyer, params, body, services }) => {
    const order = await services.orderService.forViewer(tenant.id, params.orderId, {
      buyerId: buyer.buyerId,
    });
    const cancelled = await services.orderService.cancel(
      order,
      'buyer',
      body.reason ?? 'buyer_cancelled',
      body.version,
    );
    return {
      headers: noStore,
      body: presentOrder(cancelled, tenant, locale, translatorFor(locale), 'buyer'),
    };
  },
);
