import * as z from 'zod';
import type { StoredAddress } from '../addresses/address.ts';
import { catalogIdSchema } from '../catalog/model.ts';
import { customisationKinds } from '../catalog/taxonomy.ts';
import { endCustomerInputSchema, storedEndCustomerSchema } from './end-customer.ts';

/**
 * The cart: server-side, one per owner (a signed-in buyer, else the anonymous visitor) per
 * tenant. It stores what the buyer chose, never a price: every view prices it again against
 * the catalog, the stock records and the tenant's PriceBook (core/cart/pricing.ts).
 *
 * Line kinds (DESIGN.md §4):
 * - `bulk`: wholesale, counted in the offer's tier band and MOQ;
 * - `sample` (拿样): at the offer's sample price, up to its sample limit, not counted in the band;
 * - `dropship` (一件代发): units shipped to one end customer (the address on the line), optionally
 *   in blind packaging, at the first band's price, no MOQ;
 * - `customised` (轻定制): bulk with customisation options from the offer's list, each adding
 *   its extra unit price and with its own MOQ; counted in the band like bulk.
 */
export const cartLimits = {
  /** Lines per cart (an item stays far below DynamoDB's 400 KB: 100 dropship lines ≈ 60 KB). */
  lines: 100,
  /** Units on one line. */
  quantity: 1_000_000,
} as const;

export const lineKinds = ['bulk', 'sample', 'dropship', 'customised'] as const;
export type LineKind = (typeof lineKinds)[number];

/**
 * A dropship line's end customer: sent in its destination's form, as checkout's shipping address
 * (`endCustomerInputSchema`), checked by the cart service with the rules of the site's country,
 * and kept in the stored form (core/cart/end-customer.ts).
 */
export type Address = StoredAddress;

const quantity = z.int().min(1).max(cartLimits.quantity);
const options = z
  .array(z.enum(customisationKinds))
  .min(1)
  .max(customisationKinds.length)
  .refine((o) => new Set(o).size === o.length, 'duplicate option');

/** What a buyer adds: one SKU of one offer, as one of the line kinds. */
export const addLineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bulk'), offerId: catalogIdSchema, skuId: catalogIdSchema, quantity }),
  z.strictObject({ kind: z.literal('sample'), offerId: catalogIdSchema, skuId: catalogIdSchema, quantity }),
  z.strictObject({
    kind: z.literal('dropship'),
    offerId: catalogIdSchema,
    skuId: catalogIdSchema,
    quantity,
    blindPackaging: z.boolean().default(true),
    address: endCustomerInputSchema,
  }),
  z.strictObject({
    kind: z.literal('customised'),
    offerId: catalogIdSchema,
    skuId: catalogIdSchema,
    quantity,
    options,
  }),
]);
export type AddLine = z.infer<typeof addLineSchema>;

type WithStoredAddress<T> = T extends { address: unknown } ? Omit<T, 'address'> & { address: Address } : T;
/** A line to add once the service has checked its end customer: the address in its stored form. */
export type NewLine = WithStoredAddress<AddLine>;

/** A change to one line: its quantity, and what its kind lets change (options, address). */
export const updateLineSchema = z
  .strictObject({
    quantity: quantity.optional(),
    options: options.optional(),
    blindPackaging: z.boolean().optional(),
    address: endCustomerInputSchema.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type UpdateLine = z.infer<typeof updateLineSchema>;
/** A change once the service has checked its end customer. */
export type LineChange = Omit<UpdateLine, 'address'> & { address?: Address };

export const lineIdSchema = z.string().regex(/^l_[A-Za-z0-9_-]{10,32}$/);

const storedLine = {
  lineId: lineIdSchema,
  offerId: catalogIdSchema,
  skuId: catalogIdSchema,
  quantity,
  /** The offer's supplier when the line was added: groups the line when the offer is gone. */
  supplierId: z.string(),
  addedAt: z.iso.datetime(),
};

export const cartLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bulk'), ...storedLine }),
  z.object({ kind: z.literal('sample'), ...storedLine }),
  z.object({
    kind: z.literal('dropship'),
    ...storedLine,
    blindPackaging: z.boolean(),
    address: storedEndCustomerSchema,
  }),
  z.object({ kind: z.literal('customised'), ...storedLine, options }),
]);
export type CartLine = z.infer<typeof cartLineSchema>;

export const cartSchema = z.object({
  lines: z.array(cartLineSchema).max(cartLimits.lines),
  /** Optimistic concurrency: 0 for a cart never stored, +1 on every write. */
  version: z.int().min(0),
  updatedAt: z.iso.datetime().optional(),
});
export type Cart = z.infer<typeof cartSchema>;

export const emptyCart = (): Cart => ({ lines: [], version: 0 });

/**
 * Who a cart belongs to: the signed-in buyer, else the visitor. `key` names the cart in the
 * store (`buyer-<id>` / `visitor-<id>`), `visitorKey` the visitor's cart a buyer's absorbs.
 */
export interface CartOwner {
  visitorId: string;
  buyerId?: string;
}

export function ownerKey(owner: CartOwner): string {
  return owner.buyerId !== undefined ? `buyer-${owner.buyerId}` : `visitor-${owner.visitorId}`;
}

export function visitorKey(owner: CartOwner): string {
  return `visitor-${owner.visitorId}`;
}

/**
 * What makes two lines the same line: adding it again adds quantity. A dropship line is one
 * parcel to one end customer, so its address and packaging are part of it.
 */
export function lineIdentity(l: NewLine | CartLine): string {
  const base = [l.kind, l.offerId, l.skuId];
  if (l.kind === 'customised') base.push([...l.options].sort().join('+'));
  if (l.kind === 'dropship') base.push(String(l.blindPackaging), JSON.stringify(canonicalAddress(l.address)));
  return base.join('\u0000');
}

/** The address's fields in one order, whatever order they were written in (a stored or a sent one). */
function canonicalAddress(a: object) {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([k1], [k2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : 0));
}
