import type { CartOwner } from '../../core/cart/model.ts';
import type { Shopper } from '../http/shopper.ts';

/** Whose cart a cart route serves: the signed-in buyer's when there is one, else the visitor's (shared by the cart-* handlers). */
export function cartOwner(shopper: Shopper): CartOwner {
  return shopper.buyer
    ? { visitorId: shopper.visitorId, buyerId: shopper.buyer.buyerId }
    : { visitorId: shopper.visitorId };
}
