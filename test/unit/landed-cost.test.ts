import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, chargeableWeight, estimateLandedCost } from '../../core/landed-cost/estimate.ts';
import { landedCostTableSchema } from '../../core/landed-cost/table.ts';
import { shippingLaneSchema } from '../../core/tenants/tenant.ts';
import { koreaLandedCost, vietnamLandedCost } from '../../local/seed/landed-cost-tables.ts';

const pot = { weightGrams: 1_200, dimensionsMm: { length: 260, width: 260, height: 150 }, hsCode: '732393' };
const road = shippingLaneSchema.parse({
  id: 'road',
  kind: 'road',
  transitDays: { min: 7, max: 12 },
  baseFen: 1_000,
  per100gFen: 90,
  volumetricDivisor: 5_000,
  minChargeableGrams: 1_000,
});
const vnd = { currency: 'VND', rate: '3765.48', rounding: { increment: 1000, mode: 'up' as const } };

describe('landed cost', () => {
  it('ships the VN and KR tables as valid config, with their sources', () => {
    for (const table of [vietnamLandedCost, koreaLandedCost]) {
      expect(landedCostTableSchema.parse(table)).toEqual(table);
      expect(table.sources.length).toBeGreaterThan(0);
    }
    expect(vietnamLandedCost.vatBps).toBe(1000);
    expect(koreaLandedCost.dutyByHsChapter['61']).toBe(1300);
  });

  it('charges the larger of actual and volumetric weight', () => {
    // 60 pots: 72 kg actual; 608,400 cm³ / 5000 = 121.68 kg volumetric
    expect(chargeableWeight([{ ...pot, quantity: 60, valueMinor: 1 }], road)).toEqual({
      actualGrams: 72_000,
      volumetricGrams: 121_680,
      chargeableGrams: 121_680,
    });
    const dense = { ...pot, weightGrams: 5_000 };
    expect(chargeableWeight([{ ...dense, quantity: 60, valueMinor: 1 }], road).chargeableGrams).toBe(300_000);
    expect(chargeableWeight([{ ...pot, quantity: 0, valueMinor: 0 }], road).chargeableGrams).toBe(1_000);
  });

  it('adds freight, duty by HS chapter on the CIF value and VAT on value plus duty (Vietnam, road)', () => {
    const estimate = estimateLandedCost({
      items: [
        { ...pot, quantity: 30, valueMinor: 1_440_000 },
        { ...pot, quantity: 30, valueMinor: 1_740_000 },
      ],
      lane: road,
      table: vietnamLandedCost,
      terms: vnd,
    });
    // freight: 10.00 + 1,217 × 0.90 = 1,105.30 CNY × 3765.48 = 4,161,985.04 → 4,162,000 (no markup)
    expect(estimate.shippingMinor).toBe(4_162_000);
    expect(estimate.duty).toEqual([
      { chapter: '73', rateBps: 2000, baseMinor: 7_342_000, amountMinor: 1_468_400 },
    ]);
    expect(estimate.vat).toEqual({ rateBps: 1000, baseMinor: 8_810_400, amountMinor: 881_040 });
    expect(estimate.totalMinor).toBe(9_691_440);
  });

  it('property: components add up to the total exactly; freight shares add up to the freight', () => {
    const item = fc.record({
      quantity: fc.integer({ min: 1, max: 5_000 }),
      weightGrams: fc.integer({ min: 1, max: 30_000 }),
      dimensionsMm: fc.record({
        length: fc.integer({ min: 1, max: 1_500 }),
        width: fc.integer({ min: 1, max: 1_500 }),
        height: fc.integer({ min: 1, max: 1_500 }),
      }),
      hsCode: fc.constantFrom('610910', '640299', '732393', '851830', '950300', '999999'),
      valueMinor: fc.integer({ min: 1, max: 1_000_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), fc.boolean(), (items, korea) => {
        const e = estimateLandedCost({
          items,
          lane: road,
          table: korea ? koreaLandedCost : vietnamLandedCost,
          terms: korea ? { currency: 'KRW', rate: '206.45', rounding: { increment: 10, mode: 'up' } } : vnd,
        });
        expect(e.totalMinor).toBe(e.goodsMinor + e.shippingMinor + e.dutyMinor + e.vat.amountMinor);
        expect(e.dutyMinor).toBe(e.duty.reduce((a, d) => a + d.amountMinor, 0));
        expect(e.duty.reduce((a, d) => a + d.baseMinor, 0)).toBe(e.goodsMinor + e.shippingMinor);
        expect(e.weights.chargeableGrams).toBeGreaterThanOrEqual(
          Math.max(e.weights.actualGrams, e.weights.volumetricGrams),
        );
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1 }),
        (amount, weights) => {
          const parts = allocate(amount, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
        },
      ),
    );
  });
});
