/** Checkout: quotes and landed-cost estimates (orders and payments join as they land). */

import { handler as landedCost } from '../handlers/landed-cost.ts';
import { handler as paymentTossCallback } from '../handlers/payment-toss-callback.ts';
import { handler as quoteCreate } from '../handlers/quote-create.ts';
import { handler as quoteVerify } from '../handlers/quote-verify.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler('checkout', {
  'landed-cost': landedCost,
  'payment-toss-callback': paymentTossCallback,
  'quote-create': quoteCreate,
  'quote-verify': quoteVerify,
});
