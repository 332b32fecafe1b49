import * as z from 'zod';
import { orderStatuses } from '../../core/orders/lifecycle.ts';
import { paymentView, tenantOrderParams } from './payments.ts';
import { tenantIdParam } from './requests.ts';
import { moneyView } from './views.ts';

/** Orders: checkout, the buyer's orders, the partner's lists and actions. */
export { checkoutRequestSchema as checkoutBody } from '../../core/orders/checkout.ts';

export const orderIdParams = z.object({ orderId: z.string().regex(/^o_[0-9a-f]{32}$/) });
export { tenantOrderParams };

const limit = z.coerce.number().int().min(1).max(50).default(20);
const cursor = z.string().max(1024).optional();
export const buyerOrdersQuery = z.object({ limit, cursor });
export const partnerOrdersQuery = z.object({ status: z.enum(orderStatuses), limit, cursor });
export const tenantParams = z.object({ tenantId: tenantIdParam });
/** A guest reaches their order with the token of the link they were mailed. */
export const orderAccessQuery = z.object({ access: z.string().max(64).optional() });

export const cancelBody = z.strictObject({
  reason: z.string().trim().min(1).max(500).optional(),
  /** The version the person saw: a cancel of an order that moved since is refused (409). */
  version: z.int().min(1).optional(),
});

const when = z.looseObject({ at: z.string(), local: z.string() });

export const orderView = z.looseObject({
  orderId: z.string(),
  reference: z.string(),
  status: z.enum(orderStatuses),
  statusLabel: z.string(),
  version: z.int(),
  placedAt: when,
  timeZone: z.string(),
  suppliers: z.array(
    z.looseObject({
      supplierId: z.string(),
      name: z.string(),
      lines: z.array(
        z.looseObject({
          lineId: z.string(),
          offerId: z.string(),
          skuId: z.string(),
          kind: z.string(),
          title: z.string(),
          quantity: z.int(),
          unitPrice: moneyView,
          total: moneyView,
          /** What each customisation option added per unit and over the quantity, as agreed at placement. */
          customisationPrices: z.array(
            z.looseObject({
              kind: z.string(),
              name: z.string(),
              extraUnit: moneyView,
              extraTotal: moneyView,
            }),
          ),
        }),
      ),
    }),
  ),
  subtotal: moneyView,
  shipping: moneyView,
  total: moneyView,
  payment: paymentView,
  events: z.array(
    z.looseObject({ at: z.string(), local: z.string(), status: z.enum(orderStatuses), label: z.string() }),
  ),
  actions: z.array(z.enum(orderStatuses)),
});

/** Checkout's answer: the order, and for a guest the token of their order link (shown once). */
export const placedOrderView = z.looseObject({ order: orderView, accessToken: z.string().optional() });

export const orderListView = z.looseObject({
  orders: z.array(
    z.looseObject({
      orderId: z.string(),
      reference: z.string(),
      status: z.enum(orderStatuses),
      statusLabel: z.string(),
      placedAt: when,
      total: moneyView,
    }),
  ),
  nextCursor: z.string().optional(),
});
