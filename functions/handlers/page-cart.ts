import { cartPage } from '../../storefront/pages/cart.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';
import { csrfFor } from './page-cart-forms.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';

const notices = ['added', 'updated', 'removed'] as const;

/** GET /cart: the shopper's cart priced now, the same view as GET /api/v1/cart, as a page. */
export const handler = implement('page-cart', async (request) => {
  const input = asPage(request);
  const { tenant, locale, shopper, services, event } = input;
  const ctx = pageContext(input);
  const [cart, csrf] = await Promise.all([
    services.carts.view(tenant, locale, cartOwner(shopper)),
    csrfFor(services, shopper),
  ]);
  const done = notices.find((n) => n === event.queryStringParameters?.done);
  return htmlAnswer(ctx, event, cartPage(ctx, { cart, csrf, ...(done && { notice: done }) }), {
    cache: privateCache,
  });
});
