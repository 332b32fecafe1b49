import * as z from 'zod';
import { storedEndCustomerShapes } from '../../core/cart/end-customer.ts';
import { addLineSchema, lineIdSchema, lineKinds, updateLineSchema } from '../../core/cart/model.ts';
import { moneyView } from './views.ts';

/** The cart routes' request parts and the priced cart view every one of them answers. */
export const cartLineParams = z.object({ lineId: lineIdSchema });
export { addLineSchema as cartAddBody, updateLineSchema as cartUpdateBody };

const shownText = z.looseObject({
  text: z.string(),
  lang: z.string(),
  stale: z.boolean(),
  overridden: z.boolean(),
});
const named = z.looseObject({ id: z.string(), name: z.string() });
const fxView = z.looseObject({ rate: z.string(), asOf: z.string(), source: z.string() });

const problemView = z.looseObject({
  code: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** In the buyer's language. */
  message: z.string(),
});

const cartLineView = z.looseObject({
  lineId: z.string(),
  kind: z.enum(lineKinds),
  kindName: z.string(),
  offerId: z.string(),
  skuId: z.string(),
  quantity: z.int().min(1),
  specs: z.array(z.looseObject({ key: z.string(), name: z.string(), value: shownText })),
  options: z.array(named.extend({ extraUnitPrice: moneyView.nullable() })).optional(),
  blindPackaging: z.boolean().optional(),
  /** A dropship line's end customer, in the stored form of the site's destination (as an order keeps it). */
  address: storedEndCustomerShapes.optional(),
  // null when the line cannot be priced (its offer or SKU is gone).
  unitPrice: moneyView.nullable(),
  lineTotal: moneyView.nullable(),
  problems: z.array(problemView),
  addedAt: z.string(),
});

export const cartView = z.looseObject({
  version: z.int().min(0),
  currency: z.string(),
  fx: fxView,
  lineCount: z.int().min(0),
  suppliers: z.array(
    z.looseObject({
      // name null when none of the supplier's offers is in the catalog any more.
      supplier: z.looseObject({ id: z.string(), name: shownText.nullable() }),
      offers: z.array(
        z.looseObject({
          offerId: z.string(),
          title: shownText.nullable(),
          image: z.string().nullable(),
          moq: z.int().nullable(),
          unit: named.nullable(),
          bandQuantity: z.int().min(0),
          nextTier: z
            .looseObject({
              minQuantity: z.int(),
              unitsToGo: z.int().min(1),
              skus: z.array(z.looseObject({ skuId: z.string(), unitPrice: moneyView })),
              message: z.string(),
            })
            .nullable(),
          lines: z.array(cartLineView),
        }),
      ),
      subtotal: moneyView,
    }),
  ),
  total: moneyView,
  checkoutReady: z.boolean(),
});
