import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';

/** GET /api/v1/cart: the shopper's cart, priced now (a signed-in buyer's absorbs the visitor's, once). */
export const handler = implement('cart-get', async ({ tenant, locale, shopper, services }) => ({
  headers: noStore,
  body: await services.carts.view(tenant, locale, cartOwner(shopper)),
}));
