import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';

/** PATCH /api/v1/cart/lines/{lineId}: changes a line and answers the priced cart. */
export const handler = implement(
  'cart-line-update',
  async ({ tenant, locale, shopper, params, body, services }) => ({
    headers: noStore,
    body: await services.carts.update(tenant, locale, cartOwner(shopper), params.lineId, body),
  }),
);
