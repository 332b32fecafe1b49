import type { Offer, Sku } from '../catalog/model.ts';
import { multiplyMinor, sumMinor } from '../money/money.ts';
import { unitPriceFor } from '../pricing/lines.ts';
import type { PriceBook } from '../pricing/price-book.ts';
import { skuLadderFen } from '../quotes/quote.ts';
import { withinCuration } from '../tenants/curation.ts';
import type { Curation } from '../tenants/tenant.ts';
import type { Cart, CartLine } from './model.ts';

/**
 * Prices a cart live (pure: the caller loads the offers, whose SKUs carry the stock records'
 * counts, and the tenant's PriceBook):
 * - the tier band of an offer counts all of its bulk and customised lines, across SKUs, and
 *   each SKU pays its own scaled ladder (quotes' `skuLadderFen`) at that band;
 * - customised lines add each option's extra unit price;
 * - samples pay the offer's sample price and are not counted in the band;
 * - dropship lines pay the first band, with no MOQ;
 * - each local amount is the CNY unit price converted once (rate, markup, rounding), times the
 *   quantity, so the CNY unit the PO pays and the local unit the buyer pays stay paired.
 * Every line lists its problems; a cart is ready for checkout when no line has one.
 */
export type Problem =
  | { code: 'not_offered' }
  | { code: 'delisted' }
  | { code: 'outside_curation' }
  | { code: 'sample_unavailable' }
  | { code: 'dropship_unavailable' }
  | { code: 'option_unavailable'; option: string }
  | { code: 'below_moq'; missing: number; minimum: number }
  /** `taken`: the offer's samples the cart counts, this line's included. */
  | { code: 'sample_limit'; maximum: number; taken: number }
  | { code: 'customisation_moq'; option: string; missing: number; minimum: number }
  | { code: 'exceeds_stock'; stock: number };
export type ProblemCode = Problem['code'];

export interface PricedLine {
  line: CartLine;
  /** Absent when the offer is gone; the SKU when it still exists. */
  offer?: Offer;
  sku?: Sku;
  /** The CNY unit price in fen the supplier's PO pays; absent when the line cannot be priced. */
  cnyUnitFen?: number;
  unitMinor?: number;
  totalMinor?: number;
  /** The options' extra unit prices (customised lines), in fen. */
  options: { kind: string; extraUnitFen?: number }[];
  problems: Problem[];
}

export interface PricedOffer {
  offerId: string;
  offer?: Offer;
  /** Units of the offer's bulk and customised lines: what selects the tier band. */
  bandQuantity: number;
  /**
   * The next band above the current one: how many more units reach it, and each SKU's unit
   * price there (CNY and local); absent when the cart holds no bulk line or is in the top band.
   */
  nextTier?: {
    minQuantity: number;
    unitsToGo: number;
    skus: { skuId: string; cnyUnitFen: number; unitMinor: number }[];
  };
  lines: PricedLine[];
}

export interface PricedSupplier {
  supplierId: string;
  /** An offer of this supplier still in the catalog (its supplier card gives the name). */
  offer?: Offer;
  offers: PricedOffer[];
  subtotalMinor: number;
}

export interface PricedCart {
  currency: string;
  suppliers: PricedSupplier[];
  totalMinor: number;
  checkoutReady: boolean;
  lineCount: number;
}

const banded = (l: CartLine) => l.kind === 'bulk' || l.kind === 'customised';

export function priceCart(
  cart: Cart,
  ctx: {
    offers: ReadonlyMap<string, Offer | undefined>;
    tenant: { curation: Curation };
    book: Pick<PriceBook, 'convert' | 'currency'>;
  },
): PricedCart {
  const { offers, tenant, book } = ctx;

  // First pass: what each line refers to, and whether it can count at all.
  const lines: PricedLine[] = cart.lines.map((line) => {
    const offer = offers.get(line.offerId);
    const problems: Problem[] = [];
    if (!offer) problems.push({ code: 'not_offered' });
    else if (!offer.listed) problems.push({ code: 'delisted' });
    else if (!withinCuration(offer, tenant)) problems.push({ code: 'outside_curation' });
    const sku = offer?.skus.find((s) => s.skuId === line.skuId);
    if (offer && !sku && problems.length === 0) problems.push({ code: 'not_offered' });
    return { line, ...(offer && { offer }), ...(sku && { sku }), options: [], problems };
  });
  const live = (p: PricedLine) => p.problems.length === 0;

  // Per offer: the band, the samples taken, the units of each customisation option.
  const band = new Map<string, number>();
  const samples = new Map<string, number>();
  const optionUnits = new Map<string, number>();
  const skuUnits = new Map<string, number>();
  for (const p of lines.filter(live)) {
    const { offerId, skuId, quantity } = p.line;
    if (banded(p.line)) band.set(offerId, (band.get(offerId) ?? 0) + quantity);
    if (p.line.kind === 'sample') samples.set(offerId, (samples.get(offerId) ?? 0) + quantity);
    if (p.line.kind === 'customised')
      for (const o of p.line.options)
        optionUnits.set(`${offerId}\u0000${o}`, (optionUnits.get(`${offerId}\u0000${o}`) ?? 0) + quantity);
    skuUnits.set(`${offerId}\u0000${skuId}`, (skuUnits.get(`${offerId}\u0000${skuId}`) ?? 0) + quantity);
  }

  for (const p of lines) {
    if (!live(p)) continue;
    const offer = p.offer!;
    const sku = p.sku!;
    const { line } = p;
    const ladder = skuLadderFen(offer, sku.priceFen);
    const first = ladder[0]!;
    const problems: Problem[] = [];
    let cnyUnitFen: number | undefined;
    switch (line.kind) {
      case 'bulk':
      case 'customised': {
        const units = band.get(line.offerId) ?? 0;
        if (units < offer.moq)
          problems.push({ code: 'below_moq', missing: offer.moq - units, minimum: offer.moq });
        // Below the MOQ the first band's price is what the buyer will pay once it is reached.
        cnyUnitFen = unitPriceFor(ladder, Math.max(units, first.minQuantity))!;
        if (line.kind === 'customised') {
          for (const kind of line.options) {
            const option = offer.customisation.find((c) => c.kind === kind);
            if (!option) {
              problems.push({ code: 'option_unavailable', option: kind });
              p.options.push({ kind });
              continue;
            }
            p.options.push({ kind, extraUnitFen: option.extraUnitPriceFen });
            cnyUnitFen += option.extraUnitPriceFen;
            const counted = optionUnits.get(`${line.offerId}\u0000${kind}`) ?? 0;
            if (counted < option.minQuantity)
              problems.push({
                code: 'customisation_moq',
                option: kind,
                missing: option.minQuantity - counted,
                minimum: option.minQuantity,
              });
          }
        }
        break;
      }
      case 'sample': {
        if (!offer.sample.available || offer.sample.priceFen === undefined) {
          problems.push({ code: 'sample_unavailable' });
          break;
        }
        cnyUnitFen = offer.sample.priceFen;
        const taken = samples.get(line.offerId) ?? 0;
        if (taken > offer.sample.maxQuantity)
          problems.push({ code: 'sample_limit', maximum: offer.sample.maxQuantity, taken });
        break;
      }
      case 'dropship': {
        if (!offer.dropship) problems.push({ code: 'dropship_unavailable' });
        cnyUnitFen = first.unitPrice;
        break;
      }
    }
    const wanted = skuUnits.get(`${line.offerId}\u0000${line.skuId}`) ?? 0;
    if (wanted > sku.stock) problems.push({ code: 'exceeds_stock', stock: sku.stock });
    p.problems.push(...problems);
    if (cnyUnitFen !== undefined) {
      p.cnyUnitFen = cnyUnitFen;
      p.unitMinor = book.convert(cnyUnitFen).amountMinor;
      p.totalMinor = multiplyMinor(p.unitMinor, line.quantity);
    }
  }

  // Group: supplier → offer → lines, in the order lines were added.
  const suppliers = new Map<string, PricedSupplier>();
  const offerGroups = new Map<string, PricedOffer>();
  for (const p of lines) {
    const supplierId = p.offer?.supplier.id ?? p.line.supplierId;
    let supplier = suppliers.get(supplierId);
    if (!supplier) {
      supplier = { supplierId, offers: [], subtotalMinor: 0 };
      suppliers.set(supplierId, supplier);
    }
    if (p.offer && !supplier.offer) supplier.offer = p.offer;
    let group = offerGroups.get(p.line.offerId);
    if (!group) {
      group = {
        offerId: p.line.offerId,
        ...(p.offer && { offer: p.offer }),
        bandQuantity: band.get(p.line.offerId) ?? 0,
        lines: [],
      };
      offerGroups.set(p.line.offerId, group);
      supplier.offers.push(group);
    }
    group.lines.push(p);
  }
  for (const group of offerGroups.values()) {
    const next = group.offer && nextTierOf(group, book);
    if (next) group.nextTier = next;
  }
  for (const supplier of suppliers.values()) {
    supplier.subtotalMinor = sumMinor(supplier.offers.flatMap((o) => o.lines.map((l) => l.totalMinor ?? 0)));
  }
  const all = [...suppliers.values()];
  return {
    currency: book.currency,
    suppliers: all,
    totalMinor: sumMinor(all.map((s) => s.subtotalMinor)),
    checkoutReady: lines.length > 0 && lines.every((l) => l.problems.length === 0),
    lineCount: lines.length,
  };
}

function nextTierOf(group: PricedOffer, book: Pick<PriceBook, 'convert'>): PricedOffer['nextTier'] {
  const offer = group.offer!;
  if (group.bandQuantity === 0) return undefined;
  const tier = offer.priceTiers.find((t) => t.minQuantity > group.bandQuantity);
  if (!tier) return undefined;
  const skuIds = [...new Set(group.lines.filter((l) => banded(l.line) && l.sku).map((l) => l.line.skuId))];
  return {
    minQuantity: tier.minQuantity,
    unitsToGo: tier.minQuantity - group.bandQuantity,
    skus: skuIds.map((skuId) => {
      const sku = offer.skus.find((s) => s.skuId === skuId)!;
      const cnyUnitFen = unitPriceFor(skuLadderFen(offer, sku.priceFen), tier.minQuantity)!;
      return { skuId, cnyUnitFen, unitMinor: book.convert(cnyUnitFen).amountMinor };
    }),
  };
}
