import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../core/catalog/model.ts';
import type { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { createPriceBook } from '../../core/pricing/book.ts';
import { createPriceBooks } from '../../core/pricing/books.ts';
import { presentQuote } from '../../core/quotes/present.ts';
import {
  priceQuoteLines,
  type QuoteRequest,
  quoteService,
  type StoredQuote,
} from '../../core/quotes/quote.ts';
import { canonicalJson, sign, verify } from '../../core/quotes/signing.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { testOffer } from '../kit/offers.ts';

const plain = (text: string) => text.replace(/\s/g, ' ');
const key = 'k'.repeat(43);
const offer = testOffer();
const delisted = testOffer({ offerId: 'pot-delisted', listed: false });
const catalog = new Map<string, Offer>([
  [offer.offerId, offer],
  [delisted.offerId, delisted],
]);
const vn = tenantSchema.parse({
  id: 'vn',
  name: 'Chợ Sỉ',
  domains: ['vn.localhost'],
  defaultLocale: 'vi',
  locales: ['vi', 'en'],
  currency: 'VND',
  pricing: { markupBps: 1500, rounding: { increment: 1000, mode: 'up' }, maxRateAgeHours: 96 },
});
const vndBook = createPriceBook({
  currency: 'VND',
  locale: 'vi',
  markupBps: 1500,
  rounding: { increment: 1000, mode: 'up' },
  fx: { rate: '3765.48', asOf: '2026-11-20T09:30:12.000Z', source: 'vietcombank' },
});

/** What the route would get refused with: the DomainError's code and fields. */
function refusal(request: QuoteRequest) {
  try {
    priceQuoteLines(vn, catalog, request, vndBook);
  } catch (error) {
    return { code: (error as DomainError).code, fields: (error as DomainError).fields };
  }
  throw new Error('expected the lines to be refused');
}

describe('quote lines a buyer cannot have', () => {
  it('names an unknown or delisted offer, an unknown SKU and a quantity beyond stock, each by field', () => {
    expect(
      refusal({
        lines: [
          { offerId: 'no-such-offer', skuId: 'pot-20cm', quantity: 10 },
          { offerId: 'pot-delisted', skuId: 'pot-20cm', quantity: 10 },
          { offerId: offer.offerId, skuId: 'pot-99cm', quantity: 10 },
          { offerId: offer.offerId, skuId: 'pot-24cm', quantity: 41 },
          { offerId: offer.offerId, skuId: 'pot-20cm', quantity: 10 },
        ],
      }),
    ).toEqual({
      code: 'QUOTE_LINE_UNAVAILABLE',
      fields: [
        { path: 'body.lines.0.offerId', rule: 'not_offered' },
        { path: 'body.lines.1.offerId', rule: 'not_offered' },
        { path: 'body.lines.2.skuId', rule: 'not_offered' },
        { path: 'body.lines.3.quantity', rule: 'exceeds_stock', params: { stock: 40 } },
      ],
    });
  });

  it('sells the whole stock of a SKU, not one unit more', () => {
    const all = priceQuoteLines(
      vn,
      catalog,
      { lines: [{ offerId: offer.offerId, skuId: 'pot-24cm', quantity: 40 }] },
      vndBook,
    );
    // 40 units of the 15.00 CNY SKU: first band, 15.00 × 3765.48 × 1.15 = 64,954.5 → 65,000 đồng
    expect(all.lines).toEqual([
      {
        offerId: offer.offerId,
        skuId: 'pot-24cm',
        quantity: 40,
        unitMinor: 65_000,
        totalMinor: 2_600_000,
        cnyUnitFen: 1_500,
      },
    ]);
  });

  it('names the quantity field of each line whose offer stays below its MOQ', () => {
    expect(
      refusal({
        lines: [
          { offerId: offer.offerId, skuId: 'pot-20cm', quantity: 4 },
          { offerId: offer.offerId, skuId: 'pot-24cm', quantity: 5 },
        ],
      }),
    ).toEqual({
      code: 'QUANTITY_BELOW_MOQ',
      fields: [
        { path: 'body.lines.0.quantity', rule: 'below_moq', params: { minimum: 10 } },
        { path: 'body.lines.1.quantity', rule: 'below_moq', params: { minimum: 10 } },
      ],
    });
  });

  it('scales the offer’s bands to a dearer SKU in whole fen, to the nearest', () => {
    const band50 = (skuFen: number) =>
      priceQuoteLines(
        vn,
        new Map([[offer.offerId, testOffer({ skus: [{ ...offer.skus[0]!, priceFen: skuFen }] })]]),
        { lines: [{ offerId: offer.offerId, skuId: 'pot-20cm', quantity: 50 }] },
        vndBook,
      ).lines[0]!.cnyUnitFen;
    // the 50+ band is 11.00 of 12.50 CNY: × 13.75 = 12.10 exactly; × 11.26 = 9.9088 → 9.91; × 11.24 = 9.8912 → 9.89
    expect([band50(1_375), band50(1_126), band50(1_124)]).toEqual([1_210, 991, 989]);
  });
});

/** Quotes kept in memory, for a service under test (the DynamoDB store has its own integration test). */
function memoryStore() {
  const kept = new Map<string, StoredQuote>();
  return {
    kept,
    save: async (stored: StoredQuote) =>
      void kept.set(`${stored.quote.tenantId}/${stored.quote.quoteId}`, stored),
    get: async (tenantId: string, quoteId: string) => kept.get(`${tenantId}/${quoteId}`),
  };
}

function service(clock: { now: Date }, keys = { signing: key, verifying: [key] }, store = memoryStore()) {
  return {
    store,
    quotes: quoteService({
      offers: { get: async (id) => catalog.get(id) },
      priceBooks: createPriceBooks({
        rates: {
          latest: async (currency) => ({
            base: 'CNY',
            currency,
            rate: '3765.48',
            asOf: '2026-11-20T09:30:12.000Z',
            source: 'vietcombank',
          }),
        },
        now: () => clock.now,
      }),
      store,
      signingKey: async () => keys.signing,
      verifyingKeys: async () => keys.verifying,
      ttlSeconds: 15 * 60,
      now: () => clock.now,
      newId: () => 'q_test1',
    }),
  };
}

const lines: QuoteRequest = {
  lines: [
    { offerId: offer.offerId, skuId: 'pot-20cm', quantity: 30 },
    { offerId: offer.offerId, skuId: 'pot-24cm', quantity: 30 },
  ],
};

describe('a quote, from creation to checkout', () => {
  it('freezes the prices, the rate and a 15-minute expiry, and shows them in the buyer’s language', async () => {
    const clock = { now: new Date('2026-11-21T08:00:00.000Z') };
    const { quotes, store } = service(clock);
    const { quote, token } = await quotes.create(vn, 'vi', lines);
    expect(quote).toEqual({
      v: 1,
      quoteId: 'q_test1',
      tenantId: 'vn',
      currency: 'VND',
      lines: [
        {
          offerId: offer.offerId,
          skuId: 'pot-20cm',
          quantity: 30,
          unitMinor: 48_000,
          totalMinor: 1_440_000,
          cnyUnitFen: 1_100,
        },
        {
          offerId: offer.offerId,
          skuId: 'pot-24cm',
          quantity: 30,
          unitMinor: 58_000,
          totalMinor: 1_740_000,
          cnyUnitFen: 1_320,
        },
      ],
      subtotalMinor: 3_180_000,
      fx: { rate: '3765.48', asOf: '2026-11-20T09:30:12.000Z', source: 'vietcombank' },
      markupBps: 1500,
      createdAt: '2026-11-21T08:00:00.000Z',
      expiresAt: '2026-11-21T08:15:00.000Z',
    });
    expect(store.kept.get('vn/q_test1')).toEqual({ quote, token });
    // The token is readable by whoever holds it: it carries what the buyer sees, never the
    // supplier's CNY cost or the partner's markup (those stay in the stored quote).
    const { markupBps: _markup, ...visible } = quote;
    expect(verify(token, key)).toEqual({
      ...visible,
      lines: quote.lines.map(({ cnyUnitFen: _cost, ...line }) => line),
    });
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).not.toMatch(
      /cnyUnitFen|markupBps|1100|1500/,
    );
    await expect(quotes.verify('vn', token)).resolves.toEqual(quote);

    const shown = presentQuote(quote, token, 'vi', translatorFor('vi'));
    expect(shown).toMatchObject({ quoteId: 'q_test1', token, currency: 'VND', fx: quote.fx });
    expect(
      shown.lines.map((l) => [
        l.skuId,
        l.quantity,
        plain(l.unitPrice.formatted),
        plain(l.lineTotal.formatted),
      ]),
    ).toEqual([
      ['pot-20cm', 30, '48.000 ₫', '1.440.000 ₫'],
      ['pot-24cm', 30, '58.000 ₫', '1.740.000 ₫'],
    ]);
    expect(shown.lines[0]).toMatchObject({
      offerId: offer.offerId,
      unitPrice: { amountMinor: 48_000, currency: 'VND' },
      lineTotal: { amountMinor: 1_440_000, currency: 'VND' },
    });
    expect(shown.subtotal).toEqual({
      amountMinor: 3_180_000,
      currency: 'VND',
      formatted: '3.180.000\u00a0₫',
    });
    expect(shown).toMatchObject({ createdAt: quote.createdAt, expiresAt: quote.expiresAt });
    expect(plain(shown.validUntil)).toBe('Giữ giá đến 08:15 21 thg 11, 2026 UTC');
    expect(plain(presentQuote(quote, token, 'en', translatorFor('en')).validUntil)).toBe(
      'Prices held until Nov 21, 2026, 8:15 AM UTC',
    );
  });

  it('names a quote id of its own for every quote when none is given', async () => {
    const store = memoryStore();
    const quotes = quoteService({
      offers: { get: async (id) => catalog.get(id) },
      priceBooks: createPriceBooks({
        rates: {
          latest: async (currency) => ({
            base: 'CNY',
            currency,
            rate: '3765.48',
            asOf: new Date().toISOString(),
            source: 'x',
          }),
        },
      }),
      store,
      signingKey: async () => key,
      verifyingKeys: async () => [key],
      ttlSeconds: 60,
    });
    const a = await quotes.create(vn, 'vi', lines);
    const b = await quotes.create(vn, 'vi', lines);
    expect(a.quote.quoteId).toMatch(/^q_[0-9a-f]{32}$/);
    expect(b.quote.quoteId).not.toBe(a.quote.quoteId);
    expect(Date.parse(a.quote.expiresAt) - Date.parse(a.quote.createdAt)).toBe(60_000);
    expect(Math.abs(Date.parse(a.quote.createdAt) - Date.now())).toBeLessThan(60_000);
    await expect(quotes.verify('vn', a.token)).resolves.toEqual(a.quote);
  });

  it('accepts its own fresh quote until the last millisecond, then answers QUOTE_EXPIRED with the time', async () => {
    const clock = { now: new Date('2026-11-21T08:00:00.000Z') };
    const { quotes } = service(clock);
    const { quote, token } = await quotes.create(vn, 'vi', lines);
    clock.now = new Date('2026-11-21T08:14:59.999Z');
    await expect(quotes.verify('vn', token)).resolves.toEqual(quote);
    clock.now = new Date('2026-11-21T08:15:00.000Z');
    const expired = await quotes.verify('vn', token).catch((e: DomainError) => e);
    expect(expired).toMatchObject({
      code: 'QUOTE_EXPIRED',
      params: { expiresAt: new Date('2026-11-21T08:15:00.000Z') },
    });
    expect(translatorFor('en')('errors:QUOTE_EXPIRED', (expired as DomainError).params)).toBe(
      'This quote expired at Nov 21, 2026, 8:15 AM (UTC). Please request a new quote.',
    );
  });

  it('refuses another storefront’s quote, an altered one, one never stored and one stored differently', async () => {
    const clock = { now: new Date('2026-11-21T08:00:00.000Z') };
    const { quotes, store } = service(clock);
    const { quote, token } = await quotes.create(vn, 'vi', lines);
    const code = (tenantId: string, t: string) =>
      quotes.verify(tenantId, t).catch((e: DomainError) => e.code);

    expect(await code('kr', token)).toBe('QUOTE_INVALID');
    const cheaper = sign({ ...quote, subtotalMinor: 1_000 }, 'another key');
    expect(await code('vn', cheaper)).toBe('QUOTE_INVALID');
    expect(await code('vn', sign({ hello: 'world' }, key))).toBe('QUOTE_INVALID');

    const neverStored = sign({ ...quote, quoteId: 'q_forged' }, key);
    expect(await code('vn', neverStored)).toBe('QUOTE_NOT_FOUND');

    // the stored copy is the one checkout trusts: a re-signed variant of the same id is not it
    const variant = sign({ ...quote, subtotalMinor: 1_000 }, key);
    expect(await code('vn', variant)).toBe('QUOTE_INVALID');
    store.kept.delete('vn/q_test1');
    expect(await code('vn', token)).toBe('QUOTE_NOT_FOUND');
  });
});

describe('rotating the quote signing key', () => {
  it('keeps a quote signed with the previous key valid during the overlap, and only then', async () => {
    const clock = { now: new Date('2026-11-21T08:00:00.000Z') };
    const keys = { signing: key, verifying: [key] };
    const { quotes } = service(clock, keys);
    const before = await quotes.create(vn, 'vi', lines);
    const next = 'n'.repeat(43);
    keys.signing = next;
    keys.verifying = [next, key];
    await expect(quotes.verify('vn', before.token)).resolves.toEqual(before.quote);
    keys.verifying = [next];
    await expect(quotes.verify('vn', before.token)).rejects.toMatchObject({ code: 'QUOTE_INVALID' });
  });
});

describe('signed tokens', () => {
  it('property: the same fields in any order serialise to the same sorted JSON', () => {
    const field = fc
      .string({ minLength: 1, maxLength: 6 })
      .filter((k) => !/^\d+$/.test(k) && k !== '__proto__');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(field, fc.oneof(fc.integer(), fc.string(), fc.constant(null))), {
          selector: ([k]) => k,
          minLength: 2,
          maxLength: 8,
        }),
        fc.integer(),
        (entries, seed) => {
          const shuffled = [...entries].sort(
            ([a], [b]) => ((a.charCodeAt(0) * 31 + seed) % 7) - ((b.charCodeAt(0) * 31 + seed) % 7),
          );
          const text = canonicalJson(Object.fromEntries(entries));
          expect(canonicalJson(Object.fromEntries(shuffled))).toBe(text);
          const keys = Object.keys(JSON.parse(text));
          expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
          expect(JSON.parse(text)).toEqual(Object.fromEntries(entries));
        },
      ),
    );
    expect(canonicalJson({ z: null, a: 'x', m: [3, null, 'y'] })).toBe('{"a":"x","m":[3,null,"y"],"z":null}');
  });

  it('refuses tokens that are not two parts, a signature cut short, or a signed body that is not JSON', () => {
    const token = sign({ quoteId: 'q_1' }, key);
    expect(verify(token, key)).toEqual({ quoteId: 'q_1' });
    expect(verify(`${token}.x`, key)).toBeUndefined();
    expect(verify(token.split('.')[0]!, key)).toBeUndefined();
    expect(verify(`${token.split('.')[0]}.`, key)).toBeUndefined();
    expect(verify(token.slice(0, -4), key)).toBeUndefined();
    expect(verify('', key)).toBeUndefined();
    const body = Buffer.from('not json', 'utf8').toString('base64url');
    const signature = createHmac('sha256', key).update(body).digest('base64url');
    expect(verify(`${body}.${signature}`, key)).toBeUndefined();
  });
});
