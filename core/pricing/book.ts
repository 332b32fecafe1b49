import type { FxRate } from '../fx/rates.ts';
import { formatMoney } from '../money/money.ts';
import type { LocalPrice, PriceBook, PriceTier } from './price-book.ts';
import { applyRounding, type ConversionTerms, convertFen, exactLocalMinor } from './rules.ts';

/** A largest CNY amount a price filter is searched up to: 2^52 fen, far beyond any listing. */
const MAX_SEARCH_FEN = 2 ** 52;

export interface PriceBookTerms extends Omit<ConversionTerms, 'rate'> {
  locale: string;
  fx: Pick<FxRate, 'rate' | 'asOf' | 'source'>;
}

/**
 * Converts CNY ladders into one tenant's currency with one frozen rate: pure, no I/O, so
 * every invariant is tested without servers (test/unit/pricing*.test.ts).
 */
export function createPriceBook(terms: PriceBookTerms): PriceBook {
  const conversion: ConversionTerms = {
    currency: terms.currency,
    rate: terms.fx.rate,
    markupBps: terms.markupBps,
    rounding: terms.rounding,
  };
  const format = (amountMinor: number) => formatMoney(amountMinor, terms.currency, terms.locale);
  const price = (amountMinor: number): LocalPrice => ({
    amountMinor,
    currency: terms.currency,
    formatted: format(amountMinor),
  });
  const convertBig = (fen: number) => applyRounding(exactLocalMinor(fen, conversion), conversion.rounding);

  /** The smallest fen whose converted price is at least `target`; undefined when none is. */
  const smallestFenAtLeast = (target: bigint): number | undefined => {
    if (convertBig(0) >= target) return 0;
    let hi = 1;
    while (convertBig(hi) < target) {
      if (hi >= MAX_SEARCH_FEN) return undefined;
      hi = Math.min(hi * 2, MAX_SEARCH_FEN);
    }
    let lo = Math.floor(hi / 2); // convertBig(lo) < target (or lo = 0, checked above)
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (convertBig(mid) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  return {
    currency: terms.currency,
    locale: terms.locale,
    fx: { rate: terms.fx.rate, asOf: terms.fx.asOf, source: terms.fx.source },
    convert: (cnyFen) => price(convertFen(cnyFen, conversion)),
    convertLadder(tiers) {
      const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
      const ladder: PriceTier<LocalPrice>[] = [];
      let ceiling = Number.POSITIVE_INFINITY;
      for (const tier of sorted) {
        // A converted band never costs more per unit than the band before it, whatever the source says.
        ceiling = Math.min(ceiling, convertFen(tier.unitPrice, conversion));
        ladder.push({ minQuantity: tier.minQuantity, unitPrice: price(ceiling) });
      }
      return ladder;
    },
    cnyBounds(localMin, localMax) {
      const bounds: { minFen?: number; maxFen?: number } = {};
      if (localMin !== undefined) {
        // No CNY amount reaches localMin: an empty range (min above every listing).
        bounds.minFen = smallestFenAtLeast(BigInt(localMin)) ?? MAX_SEARCH_FEN + 1;
      }
      if (localMax !== undefined) {
        const above = smallestFenAtLeast(BigInt(localMax) + 1n);
        bounds.maxFen = above === undefined ? MAX_SEARCH_FEN : above - 1;
      }
      return bounds;
    },
    format,
  };
}
