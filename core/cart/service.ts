import { randomBytes } from 'node:crypto';
import type { Locale } from '../../locales/index.ts';
import { normalizeAddress } from '../addresses/address.ts';
import type { Offer } from '../catalog/model.ts';
import { showText } from '../catalog/translation.ts';
import { DomainError, type FieldError } from '../errors.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { PriceBooks } from '../pricing/price-book.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { addLine, mergeCarts, removeLine, updateLine } from './lines.ts';
import {
  type AddLine,
  type Cart,
  type CartLine,
  type CartOwner,
  type LineChange,
  lineIdentity,
  type NewLine,
  ownerKey,
  type UpdateLine,
  visitorKey,
} from './model.ts';
import { type PricedCart, type PricedLine, type Problem, type ProblemCode, priceCart } from './pricing.ts';
import { type CartView, cartView } from './view.ts';

/** Where carts are kept (adapters/dynamodb/cart-store.ts). Writes are conditional on the version read. */
export interface CartStore {
  /** The stored cart, or an empty one at version 0. */
  get(tenantId: string, key: string): Promise<Cart>;
  /**
   * Stores `cart` as version `expectedVersion + 1` if the stored version is still
   * `expectedVersion` (0: none stored); false when another write came first.
   */
  put(
    tenantId: string,
    key: string,
    cart: Cart,
    expectedVersion: number,
    options: { visitor: boolean },
  ): Promise<boolean>;
  /**
   * In one transaction: stores the buyer's merged cart (version check as `put`) and deletes the
   * visitor's cart if it is still at `visitorVersion`; false, and nothing written, otherwise.
   */
  absorb(
    tenantId: string,
    buyer: { key: string; cart: Cart; expectedVersion: number },
    visitor: { key: string; expectedVersion: number },
  ): Promise<boolean>;
}

/** The catalog as the cart reads it: offers with their SKUs' current stock (the stock records). */
export interface CartOffers {
  get(offerId: string): Promise<Offer | undefined>;
}

export interface CartDeps {
  carts: CartStore;
  offers: CartOffers;
  priceBooks: PriceBooks;
  now?: () => Date;
  newLineId?: () => string;
  /** Writes lost to a concurrent one are re-applied to the fresh cart this many times, then 409. */
  attempts?: number;
}

type CartTenant = Pick<Tenant, 'id' | 'curation' | 'currency' | 'pricing' | 'country'>;

/**
 * The problems that mean a line cannot be in the cart at all (the offer, its SKU, the kind or an
 * option is not sold on this site): an add or a change that would make one is refused. The others
 * (MOQ, sample limit, an option's minimum, stock) are the cart's to show, or a form's to refuse.
 */
const unavailable: readonly ProblemCode[] = [
  'not_offered',
  'delisted',
  'outside_curation',
  'sample_unavailable',
  'dropship_unavailable',
  'option_unavailable',
];

/** A candidate line's problems, when an add asked for none (`addIfClean`). */
class LineRefused extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super('cart line refused');
    this.problems = problems;
  }
}

/** The end customer of a dropship line checked with the rules of the site's destination, as checkout's address. */
function withStoredAddress<T extends object>(
  tenant: CartTenant,
  change: T,
): Omit<T, 'address'> & { address?: ReturnType<typeof normalizeAddress> } {
  if (!('address' in change) || change.address === undefined) return change as Omit<T, 'address'>;
  return { ...change, address: normalizeAddress(tenant.country ?? '', change.address, 'body.address') };
}

/** One line as checkout turns it into order and PO lines. */
export interface CheckoutLine {
  lineId: string;
  kind: CartLine['kind'];
  offerId: string;
  skuId: string;
  supplierId: string;
  quantity: number;
  options: string[];
  blindPackaging?: boolean;
  address?: Extract<CartLine, { kind: 'dropship' }>['address'];
  /** The title in the buyer's language and the supplier's Chinese original. */
  title: string;
  titleZh: string;
  /** The SKU's spec values in the buyer's language (colour → "Trắng"). */
  specs: Record<string, string>;
  /** What the supplier's PO pays per unit, in fen (options included). */
  cnyUnitFen: number;
  /**
   * Customised lines: what each option adds to the unit price, in fen and converted on its own
   * to the buyer's currency (as the offer page and the cart show it), in the order chosen.
   */
  optionPrices?: { kind: string; extraUnitFen: number; extraUnitMinor: number }[];
  unitMinor: number;
  totalMinor: number;
  /** The supplier's name in the buyer's language (the order shows it per supplier). */
  supplierName: string;
  /** Per unit, for the freight of the chosen lane. */
  weightGrams: number;
  dimensionsMm: { length: number; width: number; height: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function cartService(deps: CartDeps) {
  const now = deps.now ?? (() => new Date());
  const newLineId = deps.newLineId ?? (() => `l_${randomBytes(12).toString('base64url')}`);
  const attempts = deps.attempts ?? 6;

  /**
   * The owner's cart. A signed-in buyer whose visitor still owns a non-empty cart gets it merged
   * into theirs and the visitor's deleted, in one conditional transaction: a second request
   * racing this one finds the visitor's cart gone (or loses and re-reads), so it merges once.
   */
  async function load(tenant: CartTenant, owner: CartOwner): Promise<{ key: string; cart: Cart }> {
    const key = ownerKey(owner);
    if (owner.buyerId === undefined) return { key, cart: await deps.carts.get(tenant.id, key) };
    for (let attempt = 0; attempt < attempts; attempt++) {
      const [buyer, visitor] = await Promise.all([
        deps.carts.get(tenant.id, key),
        deps.carts.get(tenant.id, visitorKey(owner)),
      ]);
      if (visitor.lines.length === 0) return { key, cart: buyer };
      const merged = mergeCarts(buyer, visitor);
      const stored = { ...merged, updatedAt: now().toISOString() };
      const done = await deps.carts.absorb(
        tenant.id,
        { key, cart: stored, expectedVersion: buyer.version },
        { key: visitorKey(owner), expectedVersion: visitor.version },
      );
      if (done) return { key, cart: { ...stored, version: buyer.version + 1 } };
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
    throw new DomainError('CONFLICT');
  }

  /** Applies `change` to the current cart and stores it; a lost race re-reads and re-applies. */
  async function mutate(
    tenant: CartTenant,
    owner: CartOwner,
    change: (cart: Cart) => Cart | Promise<Cart>,
  ): Promise<Cart> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const { key, cart } = await load(tenant, owner);
      const next = { ...(await change(cart)), updatedAt: now().toISOString() };
      const stored = await deps.carts.put(tenant.id, key, next, cart.version, {
        visitor: owner.buyerId === undefined,
      });
      if (stored) return { ...next, version: cart.version + 1 };
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
    throw new DomainError('CONFLICT');
  }

  /** The cart's offers; `known` are offers this request has already read (the one just added). */
  async function offersOf(cart: Cart, known: readonly Offer[] = []): Promise<Map<string, Offer | undefined>> {
    const ids = [...new Set(cart.lines.map((l) => l.offerId))];
    const read = new Map<string, Offer | undefined>(known.map((o) => [o.offerId, o]));
    const missing = ids.filter((id) => !read.has(id));
    for (const [id, offer] of await Promise.all(
      missing.map(async (id) => [id, await deps.offers.get(id)] as const),
    ))
      read.set(id, offer);
    return read;
  }

  async function price(tenant: CartTenant, locale: Locale, cart: Cart, known: readonly Offer[] = []) {
    const [book, offers] = await Promise.all([
      deps.priceBooks.forTenant(tenant, locale),
      offersOf(cart, known),
    ]);
    return { book, priced: priceCart(cart, { offers, tenant, book }) };
  }

  async function present(tenant: CartTenant, locale: Locale, cart: Cart, known: readonly Offer[] = []) {
    const { book, priced } = await price(tenant, locale, cart, known);
    return cartView(cart, priced, { locale, t: translatorFor(locale), book });
  }

  /**
   * CART_LINE_UNAVAILABLE when the priced line has a problem that keeps it out of the cart (the
   * offer, SKU, kind or an option is not sold here), each under the field of the request it names.
   */
  function refuseUnavailable(priced: PricedLine, options: readonly string[]) {
    const fields: FieldError[] = [];
    for (const problem of priced.problems) {
      if (!unavailable.includes(problem.code)) continue;
      if (problem.code === 'not_offered')
        fields.push({ path: priced.offer ? 'body.skuId' : 'body.offerId', rule: 'not_offered' });
      else if (problem.code === 'delisted' || problem.code === 'outside_curation')
        fields.push({ path: 'body.offerId', rule: 'not_offered' });
      else if (problem.code === 'option_unavailable')
        fields.push({ path: `body.options.${options.indexOf(problem.option)}`, rule: 'not_offered' });
      else fields.push({ path: 'body.kind', rule: 'kind_not_offered', params: { kind: priced.line.kind } });
    }
    if (fields.length > 0) throw new DomainError('CART_LINE_UNAVAILABLE', { fields });
  }

  const lineIn = (priced: PricedCart, lineId: string) =>
    priced.suppliers.flatMap((s) => s.offers.flatMap((o) => o.lines)).find((l) => l.line.lineId === lineId);

  /**
   * Adds `add` to the owner's cart, priced with the cart as it is (core's rules, pricing.ts): a
   * line that cannot be in the cart is refused (CART_LINE_UNAVAILABLE); with `clean`, so is one
   * that would have any problem (LineRefused, nothing stored).
   */
  async function addPriced(
    tenant: CartTenant,
    locale: Locale,
    owner: CartOwner,
    add: AddLine,
    clean: boolean,
  ) {
    const line = withStoredAddress(tenant, add) as NewLine;
    const offer = await deps.offers.get(add.offerId);
    if (!offer)
      throw new DomainError('CART_LINE_UNAVAILABLE', {
        fields: [{ path: 'body.offerId', rule: 'not_offered' }],
      });
    const lineId = newLineId();
    let last: Awaited<ReturnType<typeof price>> | undefined;
    const cart = await mutate(tenant, owner, async (current) => {
      const next = addLine(current, line, {
        lineId,
        supplierId: offer.supplier.id,
        now: now().toISOString(),
      });
      last = await price(tenant, locale, next.cart, [offer]);
      const candidate = lineIn(last.priced, next.lineId)!;
      refuseUnavailable(candidate, add.kind === 'customised' ? add.options : []);
      if (clean && candidate.problems.length > 0) throw new LineRefused(candidate.problems);
      return next.cart;
    });
    return cartView(cart, last!.priced, { locale, t: translatorFor(locale), book: last!.book });
  }

  return {
    /** The owner's cart, priced now. */
    async view(tenant: CartTenant, locale: Locale, owner: CartOwner) {
      const { cart } = await load(tenant, owner);
      return present(tenant, locale, cart);
    },

    /**
     * Adds a line (POST /api/v1/cart/lines): refused only when it cannot be in the cart; a line
     * below the MOQ or over the sample limit is added, and the cart shows its problems.
     */
    add(tenant: CartTenant, locale: Locale, owner: CartOwner, add: AddLine) {
      return addPriced(tenant, locale, owner, add, false);
    },

    /**
     * Adds a line only if the cart, priced with it, shows no problem on it (the offer page's
     * forms): else nothing is stored and the answer is the line's problems, which the caller
     * words beside its fields. The MOQ band, the sample limit and each option's minimum count
     * what the cart already holds.
     */
    async addIfClean(
      tenant: CartTenant,
      locale: Locale,
      owner: CartOwner,
      add: AddLine,
    ): Promise<{ cart: CartView } | { problems: Problem[] }> {
      try {
        return { cart: await addPriced(tenant, locale, owner, add, true) };
      } catch (error) {
        if (error instanceof LineRefused) return { problems: error.problems };
        throw error;
      }
    },

    /** Changes a line; options the offer does not have are refused (CART_LINE_UNAVAILABLE), as on an add. */
    async update(tenant: CartTenant, locale: Locale, owner: CartOwner, lineId: string, update: UpdateLine) {
      const change: LineChange = withStoredAddress(tenant, update);
      let last: Awaited<ReturnType<typeof price>> | undefined;
      const cart = await mutate(tenant, owner, async (current) => {
        const next = updateLine(current, lineId, change);
        last = await price(tenant, locale, next);
        const before = current.lines.find((l) => l.lineId === lineId)!;
        if (update.options && before.kind === 'customised') {
          // The changed line, or the line it merged into.
          const identity = lineIdentity({ ...before, options: update.options });
          const after = next.lines.find((l) => lineIdentity(l) === identity);
          const priced = after && lineIn(last.priced, after.lineId);
          if (priced) refuseUnavailable(priced, update.options);
        }
        return next;
      });
      return cartView(cart, last!.priced, { locale, t: translatorFor(locale), book: last!.book });
    },

    async remove(tenant: CartTenant, locale: Locale, owner: CartOwner, lineId: string) {
      const cart = await mutate(tenant, owner, (current) => removeLine(current, lineId));
      return present(tenant, locale, cart);
    },

    /** Empties the cart (DELETE /api/v1/cart). */
    async empty(tenant: CartTenant, locale: Locale, owner: CartOwner) {
      const cart = await mutate(tenant, owner, (current) => ({ ...current, lines: [] }));
      return present(tenant, locale, cart);
    },

    /**
     * What checkout freezes: per line the CNY unit the PO pays and the local unit and total the
     * buyer pays, with the rate; CART_NOT_READY while any line has a problem (the cart view
     * says which), and for an empty cart.
     */
    async priceForCheckout(tenant: CartTenant, locale: Locale, owner: CartOwner) {
      const { cart } = await load(tenant, owner);
      const { book, priced } = await price(tenant, locale, cart);
      if (!priced.checkoutReady) throw notReady(priced);
      const lines: CheckoutLine[] = priced.suppliers.flatMap((s) =>
        s.offers.flatMap((o) =>
          o.lines.map(({ line, offer, sku, cnyUnitFen, unitMinor, totalMinor, options }) => ({
            lineId: line.lineId,
            kind: line.kind,
            offerId: line.offerId,
            skuId: line.skuId,
            supplierId: s.supplierId,
            quantity: line.quantity,
            options: line.kind === 'customised' ? [...line.options] : [],
            ...(line.kind === 'dropship' && { blindPackaging: line.blindPackaging, address: line.address }),
            title: showText(offer!.title, locale).text,
            titleZh: offer!.title.source,
            specs: Object.fromEntries(
              Object.entries(sku!.specs).map(([key, value]) => [key, showText(value, locale).text]),
            ),
            cnyUnitFen: cnyUnitFen!,
            // A ready cart has every option on its offer, so each has its price.
            optionPrices: options.map((option) => ({
              kind: option.kind,
              extraUnitFen: option.extraUnitFen!,
              extraUnitMinor: book.convert(option.extraUnitFen!).amountMinor,
            })),
            unitMinor: unitMinor!,
            totalMinor: totalMinor!,
            supplierName: showText(offer!.supplier.name, locale).text,
            weightGrams: offer!.weightGrams,
            dimensionsMm: offer!.dimensionsMm,
          })),
        ),
      );
      return {
        /** The cart version priced: pass it to `clear` once the order is placed. */
        version: cart.version,
        currency: book.currency,
        fx: book.fx,
        markupBps: tenant.pricing.markupBps,
        rounding: tenant.pricing.rounding,
        lines,
        subtotalMinor: priced.totalMinor,
      };
    },

    /**
     * Empties the cart if it is still at `expectedVersion` (the one checkout priced); CONFLICT
     * when it changed since, so a line added during checkout is never dropped unseen.
     */
    async clear(tenant: CartTenant, owner: CartOwner, expectedVersion: number) {
      const key = ownerKey(owner);
      const stored = await deps.carts.put(
        tenant.id,
        key,
        { lines: [], version: expectedVersion, updatedAt: now().toISOString() },
        expectedVersion,
        { visitor: owner.buyerId === undefined },
      );
      if (!stored) throw new DomainError('CONFLICT');
    },
  };
}

function notReady(priced: PricedCart): DomainError {
  const count = priced.suppliers.reduce(
    (n, s) => n + s.offers.reduce((m, o) => m + o.lines.filter((l) => l.problems.length > 0).length, 0),
    0,
  );
  return new DomainError('CART_NOT_READY', {
    params: priced.lineCount === 0 ? { count, context: 'empty' } : { count },
  });
}

export type CartService = ReturnType<typeof cartService>;
