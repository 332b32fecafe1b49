import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';

/** POST /api/v1/cart/lines: adds a line (or quantity to the same line) and answers the priced cart. */
export const handler = implement('cart-line-add', async ({ tenant, locale, shopper, body, services }) => ({
  headers: noStore,
  body: await services.carts.add(tenant, locale, cartOwner(shopper), body),
}));
