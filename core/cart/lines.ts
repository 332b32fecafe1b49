import { DomainError } from '../errors.ts';
import {
  type Cart,
  type CartLine,
  cartLimits,
  type LineChange,
  lineIdentity,
  type NewLine,
} from './model.ts';

/**
 * The cart's own rules, as pure functions from one cart to the next (the service stores the
 * result with a version check, and re-applies the function to the fresh cart when it lost a race).
 */
const capped = (quantity: number) => Math.min(quantity, cartLimits.quantity);

/** Adds a line; the same SKU, kind and options (and, for dropship, parcel) adds quantity. */
export function addLine(
  cart: Cart,
  add: NewLine,
  ctx: { lineId: string; supplierId: string; now: string },
): { cart: Cart; lineId: string } {
  const identity = lineIdentity(add);
  const same = cart.lines.find((l) => lineIdentity(l) === identity);
  if (same) {
    return {
      cart: {
        ...cart,
        lines: cart.lines.map((l) =>
          l === same ? { ...l, quantity: capped(l.quantity + add.quantity) } : l,
        ),
      },
      lineId: same.lineId,
    };
  }
  if (cart.lines.length >= cartLimits.lines)
    throw new DomainError('CART_FULL', { params: { maximum: cartLimits.lines } });
  const line = { ...add, lineId: ctx.lineId, supplierId: ctx.supplierId, addedAt: ctx.now } as CartLine;
  return { cart: { ...cart, lines: [...cart.lines, line] }, lineId: ctx.lineId };
}

/**
 * Changes a line's quantity, options (customised) or parcel (dropship). A change that makes it
 * the same as another line merges the two. A field its kind does not have is refused.
 */
export function updateLine(cart: Cart, lineId: string, update: LineChange): Cart {
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (!line) throw new DomainError('NOT_FOUND');
  const refused = [
    ...(update.options !== undefined && line.kind !== 'customised' ? ['options'] : []),
    ...(update.address !== undefined && line.kind !== 'dropship' ? ['address'] : []),
    ...(update.blindPackaging !== undefined && line.kind !== 'dropship' ? ['blindPackaging'] : []),
  ];
  if (refused.length > 0)
    throw new DomainError('VALIDATION_FAILED', {
      fields: refused.map((f) => ({ path: `body.${f}`, rule: 'not_for_kind', params: { kind: line.kind } })),
    });
  const changed = {
    ...line,
    ...(update.quantity !== undefined && { quantity: update.quantity }),
    ...(update.options !== undefined && { options: update.options }),
    ...(update.address !== undefined && { address: update.address }),
    ...(update.blindPackaging !== undefined && { blindPackaging: update.blindPackaging }),
  } as CartLine;
  const twin = cart.lines.find((l) => l !== line && lineIdentity(l) === lineIdentity(changed));
  if (twin) {
    return {
      ...cart,
      lines: cart.lines
        .filter((l) => l !== line)
        .map((l) => (l === twin ? { ...l, quantity: capped(l.quantity + changed.quantity) } : l)),
    };
  }
  return { ...cart, lines: cart.lines.map((l) => (l === line ? changed : l)) };
}

/** Removes a line; removing one that is not there (a retried DELETE) changes nothing. */
export function removeLine(cart: Cart, lineId: string): Cart {
  return { ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) };
}

/**
 * The buyer's cart with the visitor's lines added: the same line adds quantity (capped), other
 * lines join at the end while the cart has room (the buyer's own lines first).
 */
export function mergeCarts(buyer: Cart, visitor: Cart): Cart {
  const lines = [...buyer.lines];
  for (const line of visitor.lines) {
    const i = lines.findIndex((l) => lineIdentity(l) === lineIdentity(line));
    if (i >= 0) lines[i] = { ...lines[i]!, quantity: capped(lines[i]!.quantity + line.quantity) };
    else if (lines.length < cartLimits.lines) lines.push(line);
  }
  return { ...buyer, lines };
}
