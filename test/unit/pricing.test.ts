import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { createPriceBook } from '../../core/pricing/book.ts';
import { priceLines, unitPriceFor } from '../../core/pricing/lines.ts';
import { type ConversionTerms, convertFen, exactLocalMinor } from '../../core/pricing/rules.ts';

const fx = { asOf: '2026-11-20T00:00:00.000Z', source: 'test' };
const vnd: ConversionTerms = {
  currency: 'VND',
  rate: '3765.48',
  markupBps: 1500,
  rounding: { increment: 1000, mode: 'up' },
};
const krw: ConversionTerms = {
  currency: 'KRW',
  rate: '206.4512205505',
  markupBps: 1200,
  rounding: { increment: 10, mode: 'up' },
};
const myr: ConversionTerms = {
  currency: 'MYR',
  rate: '0.5862047995',
  markupBps: 1000,
  rounding: { increment: 10, mode: 'up' },
};

/** Intl separates currency and number with no-break spaces; compare what a person reads. */
const plain = (text: string) => text.replace(/\s/g, ' ');

const book = (terms: ConversionTerms, locale = 'en') =>
  createPriceBook({ ...terms, locale, fx: { ...fx, rate: terms.rate } });

/**
 * Any plausible tenant: currency with exponent 0, 2 or 3, a rate below 5,000 per yuan (VND is
 * about 3,800), a markup up to 500 % and a rounding rule.
 */
const termsArb: fc.Arbitrary<ConversionTerms> = fc.record({
  currency: fc.constantFrom('VND', 'KRW', 'JPY', 'USD', 'MYR', 'THB', 'EUR', 'KWD'),
  rate: fc
    .tuple(fc.integer({ min: 0, max: 4_999 }), fc.integer({ min: 0, max: 9_999_999_999 }))
    .filter(([w, f]) => w > 0 || f > 0)
    .map(([w, f]) => `${w}.${String(f).padStart(10, '0')}`),
  markupBps: fc.integer({ min: 0, max: 50_000 }),
  rounding: fc.record({
    increment: fc.constantFrom(1, 5, 10, 100, 1000),
    mode: fc.constantFrom('up' as const, 'nearest' as const, 'down' as const),
  }),
});
const fenArb = fc.integer({ min: 0, max: 100_000_000_00 });

describe('conversion of CNY to a tenant currency', () => {
  it('applies rate, markup and the VND rule "up to the next 1,000"', () => {
    // 100.00 CNY × 3765.48 × 1.15 = 433,030.2 đồng → 434,000
    expect(convertFen(10_000, vnd)).toBe(434_000);
    const price = book(vnd, 'vi').convert(10_000);
    expect(price).toMatchObject({ amountMinor: 434_000, currency: 'VND' });
    expect(plain(price.formatted)).toBe('434.000 ₫');
  });

  it('applies the KRW rule "up to the next 10" and keeps exponent-2 currencies in cents', () => {
    // 100.00 CNY × 206.4512205505 × 1.12 = 23,122.5367 won → 23,130
    expect(convertFen(10_000, krw)).toBe(23_130);
    expect(book(krw, 'ko').convert(10_000).formatted).toBe('₩23,130');
    // 100.00 CNY × 0.5862047995 × 1.10 = 64.4825 MYR = 6,448.25 sen → 6,450 sen
    expect(convertFen(10_000, myr)).toBe(6_450);
    expect(plain(book(myr, 'zh-CN').convert(10_000).formatted)).toBe('MYR 64.50');
  });

  it('never rounds a price to below cost when the rule rounds up; an amount already on the step stays', () => {
    expect(convertFen(0, vnd)).toBe(0);
    const exactStep: ConversionTerms = { ...vnd, rate: '4000', markupBps: 0 };
    expect(convertFen(100, exactStep)).toBe(4_000); // 1 CNY = exactly 4,000 đồng: no extra step
    expect(convertFen(101, exactStep)).toBe(5_000);
  });

  it('property: the result is an integer on the rounding step, within one step of the exact amount', () => {
    fc.assert(
      fc.property(termsArb, fenArb, (terms, fen) => {
        const result = convertFen(fen, terms);
        const exact = exactLocalMinor(fen, terms);
        const step = BigInt(terms.rounding.increment);
        const r = BigInt(result);
        expect(Number.isSafeInteger(result)).toBe(true);
        expect(r % step).toBe(0n);
        // |result − exact| < step, and on the rule's side of it
        expect((r - step) * exact.d < exact.n && exact.n < (r + step) * exact.d).toBe(true);
        if (terms.rounding.mode === 'up') expect(r * exact.d >= exact.n).toBe(true);
        if (terms.rounding.mode === 'down') expect(r * exact.d <= exact.n).toBe(true);
      }),
    );
  });

  it('property: conversion never lowers the price of a dearer CNY amount', () => {
    fc.assert(
      fc.property(termsArb, fenArb, fenArb, (terms, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(convertFen(lo, terms)).toBeLessThanOrEqual(convertFen(hi, terms));
      }),
    );
  });

  it('refuses fractional or negative fen instead of guessing', () => {
    expect(() => convertFen(10.5, vnd)).toThrow(RangeError);
    expect(() => convertFen(-1, vnd)).toThrow(RangeError);
  });
});

const ladderArb = fc
  .array(
    fc.record({
      minQuantity: fc.integer({ min: 1, max: 10_000 }),
      unitPrice: fc.integer({ min: 1, max: 100_000 }),
    }),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((tiers) => {
    const seen = new Set<number>();
    return tiers.filter((t) => !seen.has(t.minQuantity) && seen.add(t.minQuantity));
  });

describe('tier ladders (阶梯价)', () => {
  it('converts a ladder band by band', () => {
    const ladder = book(vnd).convertLadder([
      { minQuantity: 2, unitPrice: 1_250 },
      { minQuantity: 50, unitPrice: 1_100 },
      { minQuantity: 500, unitPrice: 980 },
    ]);
    expect(ladder.map((t) => [t.minQuantity, t.unitPrice.amountMinor])).toEqual([
      [2, 55_000], // 12.50 × 3765.48 × 1.15 = 54,128.8
      [50, 48_000], // 11.00 → 47,633.3
      [500, 43_000], // 9.80 → 42,436.4
    ]);
  });

  it('property: a converted ladder is sorted by quantity and its unit price never rises, even from a bad source', () => {
    fc.assert(
      fc.property(termsArb, ladderArb, (terms, tiers) => {
        const ladder = book(terms).convertLadder(tiers);
        expect(ladder).toHaveLength(tiers.length);
        for (let i = 1; i < ladder.length; i++) {
          expect(ladder[i]!.minQuantity).toBeGreaterThan(ladder[i - 1]!.minQuantity);
          expect(ladder[i]!.unitPrice.amountMinor).toBeLessThanOrEqual(ladder[i - 1]!.unitPrice.amountMinor);
        }
      }),
    );
  });

  it('property: a non-increasing CNY ladder converts to exactly each band converted alone', () => {
    fc.assert(
      fc.property(termsArb, ladderArb, (terms, tiers) => {
        const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
        const prices = sorted.map((t) => t.unitPrice).sort((a, b) => b - a);
        const monotone = sorted.map((t, i) => ({ minQuantity: t.minQuantity, unitPrice: prices[i]! }));
        const ladder = book(terms).convertLadder(monotone);
        expect(ladder.map((t) => t.unitPrice.amountMinor)).toEqual(
          monotone.map((t) => convertFen(t.unitPrice, terms)),
        );
      }),
    );
  });

  it('property: the unit price a quantity gets never rises as the quantity grows', () => {
    fc.assert(
      fc.property(
        termsArb,
        ladderArb,
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (terms, tiers, q, extra) => {
          const ladder = book(terms)
            .convertLadder(tiers)
            .map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice.amountMinor }));
          const a = unitPriceFor(ladder, q);
          const b = unitPriceFor(ladder, q + extra);
          if (a !== undefined) expect(b).toBeLessThanOrEqual(a);
        },
      ),
    );
  });
});

describe('price filter bounds', () => {
  it('property: an amount is inside the CNY bounds exactly when its converted price is inside the local bounds', () => {
    fc.assert(
      fc.property(
        termsArb,
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        fenArb,
        (terms, x, y, fen) => {
          const [localMin, localMax] = x <= y ? [x, y] : [y, x];
          const b = book(terms);
          const { minFen, maxFen } = b.cnyBounds(localMin, localMax);
          const price = b.convert(fen).amountMinor;
          const inLocal = price >= localMin && price <= localMax;
          const inCny = fen >= minFen! && fen <= maxFen!;
          expect(inCny).toBe(inLocal);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves an open side open', () => {
    expect(book(vnd).cnyBounds(undefined, 434_000)).toEqual({ maxFen: expect.any(Number) });
    expect(book(vnd).cnyBounds(434_000)).toEqual({ minFen: expect.any(Number) });
    expect(book(vnd).cnyBounds()).toEqual({});
  });
});

describe('lines and totals', () => {
  const ladder = [
    { minQuantity: 10, unitPrice: 55_000 },
    { minQuantity: 50, unitPrice: 48_000 },
  ];

  it('prices each line at the band its quantity reaches', () => {
    const priced = priceLines([
      { path: 'lines.0.quantity', quantity: 10, moq: 10, ladder },
      { path: 'lines.1.quantity', quantity: 60, moq: 10, ladder },
    ]);
    expect(priced.lines).toEqual([
      { quantity: 10, unitMinor: 55_000, totalMinor: 550_000 },
      { quantity: 60, unitMinor: 48_000, totalMinor: 2_880_000 },
    ]);
    expect(priced.subtotalMinor).toBe(3_430_000);
  });

  it('refuses every line below its MOQ at once, naming each', () => {
    try {
      priceLines([
        { path: 'lines.0.quantity', quantity: 9, moq: 10, ladder },
        { path: 'lines.1.quantity', quantity: 10, moq: 10, ladder },
        { path: 'lines.2.quantity', quantity: 20, moq: 30, ladder },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('QUANTITY_BELOW_MOQ');
      expect((error as DomainError).fields).toEqual([
        { path: 'lines.0.quantity', rule: 'below_moq', params: { minimum: 10 } },
        { path: 'lines.2.quantity', rule: 'below_moq', params: { minimum: 30 } },
      ]);
    }
  });

  it('property: each line total is unit × quantity and the subtotal is the exact sum of the lines', () => {
    fc.assert(
      fc.property(
        termsArb,
        fc.array(fc.tuple(ladderArb, fc.integer({ min: 1, max: 1_000 })), { minLength: 1, maxLength: 10 }),
        (terms, raw) => {
          const lines = raw.map(([tiers, extra], i) => {
            const local = book(terms)
              .convertLadder(tiers)
              .map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice.amountMinor }));
            const moq = local[0]!.minQuantity;
            return { path: `lines.${i}.quantity`, quantity: moq + extra - 1, moq, ladder: local };
          });
          const priced = priceLines(lines);
          let sum = 0n;
          priced.lines.forEach((line, i) => {
            expect(line.totalMinor).toBe(line.unitMinor * line.quantity);
            expect(line.unitMinor).toBe(unitPriceFor(lines[i]!.ladder, lines[i]!.quantity));
            sum += BigInt(line.totalMinor);
          });
          expect(BigInt(priced.subtotalMinor)).toBe(sum);
        },
      ),
    );
  });
});
