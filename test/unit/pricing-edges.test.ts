import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../core/errors.ts';
import type { FxRate } from '../../core/fx/rates.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { createPriceBook } from '../../core/pricing/book.ts';
import { createPriceBooks } from '../../core/pricing/books.ts';
import { priceLines, unitPriceFor } from '../../core/pricing/lines.ts';
import { convertFen } from '../../core/pricing/rules.ts';

/** Intl separates currency and number with no-break spaces; compare what a person reads. */
const plain = (text: string) => text.replace(/\s/g, ' ');
const fx = { asOf: '2026-11-20T00:00:00.000Z', source: 'test' };

/** A CNY storefront without markup: every price is the supplier's own, so bounds are the amounts. */
const cnyAtCost = createPriceBook({
  currency: 'CNY',
  locale: 'zh-CN',
  markupBps: 0,
  rounding: { increment: 1, mode: 'up' },
  fx: { ...fx, rate: '1' },
});
/** A US-dollar storefront: 1 CNY = 0.14 USD, so even the largest searchable CNY amount stays below 10^15 cents. */
const usd = createPriceBook({
  currency: 'USD',
  locale: 'en',
  markupBps: 0,
  rounding: { increment: 1, mode: 'up' },
  fx: { ...fx, rate: '0.14' },
});

describe('prices in a currency with three minor digits', () => {
  it('shows a Kuwaiti price in fils: 100 CNY at 0.0425 KWD is KWD 4.250', () => {
    const kwd = {
      currency: 'KWD',
      rate: '0.0425',
      markupBps: 0,
      rounding: { increment: 1, mode: 'up' as const },
    };
    expect(convertFen(10_000, kwd)).toBe(4_250);
    const book = createPriceBook({ ...kwd, locale: 'en', fx: { ...fx, rate: kwd.rate } });
    expect(plain(book.convert(10_000).formatted)).toBe('KWD 4.250');
    // 12.34 CNY × 0.0425 = 0.52445 KWD → rounded up to the fils: 0.525
    expect(convertFen(1_234, kwd)).toBe(525);
  });

  it('says which amount it refuses when a price is not whole fen or below zero', () => {
    const vnd = {
      currency: 'VND',
      rate: '3765.48',
      markupBps: 0,
      rounding: { increment: 1, mode: 'up' as const },
    };
    expect(() => convertFen(10.5, vnd)).toThrow('Not a CNY amount in fen: 10.5');
    expect(() => convertFen(-1, vnd)).toThrow('Not a CNY amount in fen: -1');
  });
});

describe('a buyer’s price filter, as CNY bounds for the index', () => {
  it('is the amounts themselves for a CNY storefront at cost, on both sides', () => {
    expect(cnyAtCost.cnyBounds(400, 1_000)).toEqual({ minFen: 400, maxFen: 1_000 });
    expect(cnyAtCost.cnyBounds(4, 4)).toEqual({ minFen: 4, maxFen: 4 });
    expect(cnyAtCost.cnyBounds(1, 1)).toEqual({ minFen: 1, maxFen: 1 });
    expect(cnyAtCost.cnyBounds(1_024, 2_047)).toEqual({ minFen: 1_024, maxFen: 2_047 });
  });

  it('starts at zero for a filter from 0, so free samples are found', () => {
    expect(cnyAtCost.cnyBounds(0, 0)).toEqual({ minFen: 0, maxFen: 0 });
    expect(usd.cnyBounds(0)).toEqual({ minFen: 0 });
  });

  it('rounds to the fen a converted price first reaches', () => {
    // 1 CNY = 0.14 USD: 0.01 CNY → 0.0014 USD, rounded up to 1 cent; 7.15 CNY → 100.1 cents → 101
    expect(usd.cnyBounds(100, 100)).toEqual({ minFen: 708, maxFen: 714 });
    expect([707, 708, 714, 715].map((fen) => usd.convert(fen).amountMinor)).toEqual([99, 100, 100, 101]);
  });

  it('finds nothing for a minimum above every listing, and everything for a maximum above it', () => {
    const beyond = Number.MAX_SAFE_INTEGER; // ~ 9 × 10^13 dollars: no CNY amount converts that high
    const { minFen } = usd.cnyBounds(beyond);
    expect(minFen).toBeGreaterThan(2 ** 52);
    expect(usd.cnyBounds(undefined, beyond)).toEqual({ maxFen: 2 ** 52 });
  });
});

describe('tier ladders and lines', () => {
  it('picks the band a quantity reaches even from a ladder listed out of order', () => {
    const ladder = [
      { minQuantity: 500, unitPrice: 43_000 },
      { minQuantity: 10, unitPrice: 55_000 },
      { minQuantity: 50, unitPrice: 48_000 },
    ];
    expect([9, 10, 49, 50, 499, 500, 10_000].map((q) => unitPriceFor(ladder, q))).toEqual([
      undefined,
      55_000,
      55_000,
      48_000,
      48_000,
      43_000,
      43_000,
    ]);
    expect(ladder[0]!.minQuantity).toBe(500); // the caller's ladder is left as it was
    const priced = priceLines([{ path: 'body.lines.0.quantity', quantity: 60, moq: 10, ladder }]);
    expect(priced).toEqual({
      lines: [{ quantity: 60, unitMinor: 48_000, totalMinor: 2_880_000 }],
      subtotalMinor: 2_880_000,
    });
  });

  it('asks for the first band when it is above the MOQ', () => {
    const ladder = [{ minQuantity: 20, unitPrice: 55_000 }];
    expect(() => priceLines([{ path: 'body.lines.0.quantity', quantity: 15, moq: 10, ladder }])).toThrow(
      expect.objectContaining({
        code: 'QUANTITY_BELOW_MOQ',
        fields: [{ path: 'body.lines.0.quantity', rule: 'below_moq', params: { minimum: 20 } }],
      }),
    );
  });
});

describe('PriceBooks: the latest rate, cached briefly', () => {
  const tenant = (currency: string) => ({
    currency,
    pricing: { markupBps: 1500, rounding: { increment: 1, mode: 'up' as const }, maxRateAgeHours: 48 },
  });
  const rate = (value: string): FxRate => ({ base: 'CNY', currency: 'USD', rate: value, ...fx });

  it('prices a CNY storefront at the identity rate without asking the rate store', async () => {
    let clock = new Date('2026-11-21T08:00:00.000Z');
    const books = createPriceBooks({ rates: { latest: async () => undefined }, now: () => clock });
    const book = await books.forTenant(tenant('CNY'), 'zh-CN');
    expect(book.fx).toEqual({ rate: '1', asOf: '2026-11-21T08:00:00.000Z', source: 'identity' });
    expect(book.convert(10_000).formatted).toBe('¥115.00'); // 100 CNY + 15 %
    clock = new Date('2026-12-30T00:00:00.000Z'); // the identity rate is never stale
    expect((await books.forTenant(tenant('CNY'), 'zh-CN')).fx.asOf).toBe('2026-12-30T00:00:00.000Z');
  });

  it('shows a newly published rate once the cache (60 s unless told) has expired, not before', async () => {
    let published = rate('0.14');
    let clock = new Date('2026-11-21T08:00:00.000Z');
    const books = createPriceBooks({ rates: { latest: async () => published }, now: () => clock });
    const price = async () => (await books.forTenant(tenant('USD'), 'en')).convert(10_000).formatted;
    expect(await price()).toBe('$16.10'); // 100 CNY × 0.14 × 1.15
    published = rate('0.15');
    clock = new Date('2026-11-21T08:00:59.999Z');
    expect(await price()).toBe('$16.10');
    clock = new Date('2026-11-21T08:01:00.000Z');
    expect(await price()).toBe('$17.25');
  });

  it('keeps each currency’s rate apart and honours a shorter cache', async () => {
    let clock = new Date('2026-11-21T08:00:00.000Z');
    let usdRate = '0.14';
    const books = createPriceBooks({
      rates: {
        latest: async (currency) => ({ ...rate(currency === 'USD' ? usdRate : '3765.48'), currency }),
      },
      now: () => clock,
      cacheTtlMs: 1_000,
    });
    expect((await books.forTenant(tenant('VND'), 'vi')).fx.rate).toBe('3765.48');
    expect((await books.forTenant(tenant('USD'), 'en')).fx.rate).toBe('0.14');
    usdRate = '0.15';
    clock = new Date('2026-11-21T08:00:01.000Z');
    expect((await books.forTenant(tenant('USD'), 'en')).fx.rate).toBe('0.15');
  });

  it('tells the buyer in their language which currency has no rate yet', async () => {
    const books = createPriceBooks({ rates: { latest: async () => undefined } });
    const error = await books.forTenant(tenant('KRW'), 'ko').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FX_RATE_UNAVAILABLE', params: { currency: 'KRW' } });
    expect(translatorFor('en')('errors:FX_RATE_UNAVAILABLE', (error as DomainError).params)).toBe(
      'Prices in KRW cannot be shown yet: no exchange rate has been loaded.',
    );
  });
});
