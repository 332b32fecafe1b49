import { DomainError, type FieldError } from '../errors.ts';
import { multiplyMinor, sumMinor } from '../money/money.ts';
import type { PriceTier } from './price-book.ts';

/** The unit price of the band `quantity` falls in: the last band whose minQuantity it reaches. */
export function unitPriceFor<P>(ladder: readonly PriceTier<P>[], quantity: number): P | undefined {
  let found: P | undefined;
  for (const tier of [...ladder].sort((a, b) => a.minQuantity - b.minQuantity)) {
    if (quantity >= tier.minQuantity) found = tier.unitPrice;
  }
  return found;
}

export interface LineToPrice {
  /** Field path reported when the line is refused (e.g. `body.lines.2.quantity`). */
  path: string;
  quantity: number;
  /**
   * The quantity that selects the band and meets the MOQ, when it is not the line's own: on
   * 1688 the MOQ and the tiers count all SKUs of one offer together.
   */
  bandQuantity?: number;
  moq: number;
  /** Local ladder in minor units, non-increasing (PriceBook.convertLadder). */
  ladder: readonly PriceTier<number>[];
}

export interface PricedLine {
  quantity: number;
  unitMinor: number;
  totalMinor: number;
}

/**
 * Prices lines against their ladders: every quantity must reach its MOQ and the first band.
 * All failing lines are reported at once, and nothing is priced when any fails.
 */
export function priceLines(lines: readonly LineToPrice[]): { lines: PricedLine[]; subtotalMinor: number } {
  const failures: FieldError[] = [];
  const priced: PricedLine[] = [];
  for (const line of lines) {
    const lowestBand = Math.min(...line.ladder.map((t) => t.minQuantity));
    const minimum = Math.max(line.moq, lowestBand);
    const counted = line.bandQuantity ?? line.quantity;
    const unit = unitPriceFor(line.ladder, counted);
    if (counted < minimum || unit === undefined) {
      failures.push({ path: line.path, rule: 'below_moq', params: { minimum } });
      continue;
    }
    priced.push({ quantity: line.quantity, unitMinor: unit, totalMinor: multiplyMinor(unit, line.quantity) });
  }
  if (failures.length > 0) throw new DomainError('QUANTITY_BELOW_MOQ', { fields: failures });
  return { lines: priced, subtotalMinor: sumMinor(priced.map((l) => l.totalMinor)) };
}
