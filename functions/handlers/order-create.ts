import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { siteOrigin } from '../http/request.ts';
import { implement } from '../http/route.ts';
import { placeShopperOrder } from './order-place.ts';

/**
 * POST /api/v1/orders (Idempotency-Key): the shopper's cart becomes an order — address checked
 * for the destination, tax id by its country's rule, stock taken, payment set up, cart emptied.
 * The order's mail goes out once; a guest's answer carries the token of their order's link.
 */
export const handler = implement(
  'order-create',
  async ({ tenant, locale, shopper, body, event, services, log }) => {
    const { order, guestToken } = await placeShopperOrder({
      tenant,
      locale,
      shopper,
      request: body,
      // Present: the route is idempotent, so the chain refused a request without one.
      idempotencyKey: event.headers['idempotency-key'] ?? '',
      services,
      log,
      origin: siteOrigin(event, services.config),
    });
    return {
      status: 201,
      headers: { ...noStore, 'referrer-policy': 'no-referrer' },
      body: {
        order: presentOrder(order, tenant, locale, translatorFor(locale), 'buyer'),
        ...(guestToken && { accessToken: guestToken }),
      },
    };
  },
);
