import { divRound } from '../money/decimal.ts';
import { sumMinor, toSafeMinor } from '../money/money.ts';
import { type ConversionTerms, convertFen } from '../pricing/rules.ts';
import type { ShippingLane } from '../tenants/tenant.ts';
import type { LandedCostTable } from './table.ts';

/** One quoted line as the estimate needs it: per-unit physical facts and the line's value. */
export interface LandedItem {
  quantity: number;
  weightGrams: number;
  dimensionsMm: { length: number; width: number; height: number };
  hsCode: string;
  /** The line total in the tenant's currency (minor units). */
  valueMinor: number;
}

export interface LandedCostEstimate {
  laneId: string;
  laneKind: ShippingLane['kind'];
  transitDays: { min: number; max: number };
  weights: { actualGrams: number; volumetricGrams: number; chargeableGrams: number };
  goodsMinor: number;
  shippingMinor: number;
  duty: { chapter: string; rateBps: number; baseMinor: number; amountMinor: number }[];
  dutyMinor: number;
  vat: { rateBps: number; baseMinor: number; amountMinor: number };
  totalMinor: number;
}

/** Chargeable weight: the larger of actual and volumetric (cm³ ÷ divisor = kg), at least the lane's minimum. */
export function chargeableWeight<T extends Pick<LandedItem, 'quantity' | 'weightGrams' | 'dimensionsMm'>>(
  items: readonly T[],
  lane: Pick<ShippingLane, 'volumetricDivisor' | 'minChargeableGrams'>,
) {
  let actual = 0n;
  let volumeMm3 = 0n;
  for (const item of items) {
    const q = BigInt(item.quantity);
    actual += BigInt(item.weightGrams) * q;
    const { length, width, height } = item.dimensionsMm;
    volumeMm3 += BigInt(length) * BigInt(width) * BigInt(height) * q;
  }
  // grams = cm³ / divisor × 1000 = (mm³ / 1000) / divisor × 1000 = mm³ / divisor, rounded up.
  const volumetric = divRound(volumeMm3, BigInt(lane.volumetricDivisor), 'up');
  const chargeable = [actual, volumetric, BigInt(lane.minChargeableGrams)].reduce((a, b) => (a > b ? a : b));
  return {
    actualGrams: toSafeMinor(actual),
    volumetricGrams: toSafeMinor(volumetric),
    chargeableGrams: toSafeMinor(chargeable),
  };
}

/** Splits `amount` over `weights` proportionally in integers; the parts always sum to `amount` (largest remainder). */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (total === 0n) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => BigInt(amount) * BigInt(w));
  const parts = exact.map((e) => e / total);
  let left = BigInt(amount) - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, r: e % total }))
    .sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map(toSafeMinor);
}

const percentOf = (base: number, bps: number) =>
  toSafeMinor(divRound(BigInt(base) * BigInt(bps), 10_000n, 'nearest'));

/**
 * What a buyer will have paid when the goods arrive by one lane: goods, international shipping
 * (by chargeable weight, converted at the quote's rate without markup), import duty per HS
 * chapter on the customs value (goods + freight, CIF as in VN and KR), and VAT on customs value
 * plus duty. Every amount is integer minor units; the parts add up to the total exactly.
 */
/** International freight for `items` on `lane`: CNY fen by chargeable weight, in the tenant's currency without markup. */
export function laneFreight(
  items: readonly Pick<LandedItem, 'quantity' | 'weightGrams' | 'dimensionsMm'>[],
  lane: ShippingLane,
  terms: Omit<ConversionTerms, 'markupBps'>,
) {
  const weights = chargeableWeight(items, lane);
  const shippingFen = lane.baseFen + Math.ceil(weights.chargeableGrams / 100) * lane.per100gFen;
  return { weights, shippingFen, shippingMinor: convertFen(shippingFen, { ...terms, markupBps: 0 }) };
}

export function estimateLandedCost(input: {
  items: readonly LandedItem[];
  lane: ShippingLane;
  table: LandedCostTable;
  /** The tenant's currency, rate and rounding; markup is not applied to freight. */
  terms: Omit<ConversionTerms, 'markupBps'>;
}): LandedCostEstimate {
  const { items, lane, table } = input;
  const { weights, shippingMinor } = laneFreight(items, lane, input.terms);
  const goodsMinor = sumMinor(items.map((i) => i.valueMinor));
  const freightShares = allocate(
    shippingMinor,
    items.map((i) => i.valueMinor),
  );

  const byChapter = new Map<string, number>();
  items.forEach((item, i) => {
    const chapter = item.hsCode.slice(0, 2);
    byChapter.set(chapter, sumMinor([byChapter.get(chapter) ?? 0, item.valueMinor, freightShares[i]!]));
  });
  const duty = [...byChapter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([chapter, baseMinor]) => {
      const rateBps = table.dutyByHsChapter[chapter] ?? table.defaultDutyBps;
      return { chapter, rateBps, baseMinor, amountMinor: percentOf(baseMinor, rateBps) };
    });
  const dutyMinor = sumMinor(duty.map((d) => d.amountMinor));
  const vatBase = sumMinor([goodsMinor, shippingMinor, table.vatOnDuty ? dutyMinor : 0]);
  const vat = { rateBps: table.vatBps, baseMinor: vatBase, amountMinor: percentOf(vatBase, table.vatBps) };
  return {
    laneId: lane.id,
    laneKind: lane.kind,
    transitDays: lane.transitDays,
    weights,
    goodsMinor,
    shippingMinor,
    duty,
    dutyMinor,
    vat,
    totalMinor: sumMinor([goodsMinor, shippingMinor, dutyMinor, vat.amountMinor]),
  };
}
