import { randomBytes } from 'node:crypto';
import type { Locale } from '../../locales/index.ts';
import type { Offer } from '../catalog/model.ts';
import { showText } from '../catalog/translation.ts';
import { DomainError, type FieldError } from '../errors.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { PriceBooks } from '../pricing/price-book.ts';
import { withinCuration } from '../tenants/curation.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { addLine, mergeCarts, removeLine, updateLine } from './lines.ts';
import {
  type AddLine,
  type Cart,
  type CartLine,
  type CartOwner,
  ownerKey,
  type UpdateLine,
  visitorKey,
} from './model.ts';
import { type PricedCart, priceCart } from './pricing.ts';
import { cartView } from './view.ts';

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

type CartTenant = Pick<Tenant, 'id' | 'curation' | 'currency' | 'pricing'>;

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

  /** A line may be added only for an SKU the site sells, in a kind the offer offers. */
  async function checkAddable(tenant: CartTenant, add: AddLine): Promise<Offer> {
    const offer = await deps.offers.get(add.offerId);
    const fields: FieldError[] = [];
    if (!offer || !withinCuration(offer, tenant)) fields.push({ path: 'body.offerId', rule: 'not_offered' });
    else if (!offer.skus.some((s) => s.skuId === add.skuId))
      fields.push({ path: 'body.skuId', rule: 'not_offered' });
    else if (add.kind === 'sample' && !offer.sample.available)
      fields.push({ path: 'body.kind', rule: 'kind_not_offered', params: { kind: add.kind } });
    else if (add.kind === 'dropship' && !offer.dropship)
      fields.push({ path: 'body.kind', rule: 'kind_not_offered', params: { kind: add.kind } });
    else if (add.kind === 'customised')
      add.options.forEach((option, i) => {
        if (!offer.customisation.some((c) => c.kind === option))
          fields.push({ path: `body.options.${i}`, rule: 'not_offered' });
      });
    if (fields.length > 0) throw new DomainError('CART_LINE_UNAVAILABLE', { fields });
    return offer!;
  }

  return {
    /** The owner's cart, priced now. */
    async view(tenant: CartTenant, locale: Locale, owner: CartOwner) {
      const { cart } = await load(tenant, owner);
      return present(tenant, locale, cart);
    },

    async add(tenant: CartTenant, locale: Locale, owner: CartOwner, add: AddLine) {
      const offer = await checkAddable(tenant, add);
      const lineId = newLineId();
      const cart = await mutate(
        tenant,
        owner,
        (current) =>
          addLine(current, add, { lineId, supplierId: offer.supplier.id, now: now().toISOString() }).cart,
      );
      return present(tenant, locale, cart, [offer]);
    },

    async update(tenant: CartTenant, locale: Locale, owner: CartOwner, lineId: string, update: UpdateLine) {
      const cart = await mutate(tenant, owner, async (current) => {
        const next = updateLine(current, lineId, update);
        const line = current.lines.find((l) => l.lineId === lineId)!;
        if (update.options && line.kind === 'customised')
          await checkAddable(tenant, { ...line, options: update.options });
        return next;
      });
      return present(tenant, locale, cart);
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
          o.lines.map(({ line, offer, sku, cnyUnitFen, unitMinor, totalMinor }) => ({
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
