import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';

/** DELETE /api/v1/cart: empties the cart and answers it. */
export const handler = implement('cart-clear', async ({ tenant, locale, shopper, services }) => ({
  headers: noStore,
  body: await services.carts.empty(tenant, locale, cartOwner(shopper)),
}));
