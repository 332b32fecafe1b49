import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';

/** DELETE /api/v1/cart/lines/{lineId}: removes a line and answers the priced cart. */
export const handler = implement(
  'cart-line-remove',
  async ({ tenant, locale, shopper, params, services }) => ({
    headers: noStore,
    body: await services.carts.remove(tenant, locale, cartOwner(shopper), params.lineId),
  }),
);
