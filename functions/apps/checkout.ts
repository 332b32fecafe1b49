/** Checkout: the cart, quotes and landed-cost estimates (orders and payments join as they land). */

import { handler as cartClear } from '../handlers/cart-clear.ts';
import { handler as cartGet } from '../handlers/cart-get.ts';
import { handler as cartLineAdd } from '../handlers/cart-line-add.ts';
import { handler as cartLineRemove } from '../handlers/cart-line-remove.ts';
import { handler as cartLineUpdate } from '../handlers/cart-line-update.ts';
import { handler as landedCost } from '../handlers/landed-cost.ts';
import { handler as paymentTossCallback } from '../handlers/payment-toss-callback.ts';
import { handler as quoteCreate } from '../handlers/quote-create.ts';
import { handler as quoteVerify } from '../handlers/quote-verify.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler('checkout', {
  'cart-clear': cartClear,
  'cart-get': cartGet,
  'cart-line-add': cartLineAdd,
  'cart-line-remove': cartLineRemove,
  'cart-line-update': cartLineUpdate,
  'landed-cost': landedCost,
  'payment-toss-callback': paymentTossCallback,
  'quote-create': quoteCreate,
  'quote-verify': quoteVerify,
});
