import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { createPriceBook } from '../../core/pricing/book.ts';
import { priceQuoteLines, skuLadderFen } from '../../core/quotes/quote.ts';
import { canonicalJson, sign, verify } from '../../core/quotes/signing.ts';
import { testOffer } from '../kit/offers.ts';

const key = 'k'.repeat(43);

describe('quote signatures', () => {
  it('serialises with sorted keys, so equal quotes sign equal bytes', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }], u: undefined })).toBe(
      '{"a":[{"c":"x","d":2}],"b":1}',
    );
    expect(sign({ a: 1, b: 2 }, key)).toBe(sign({ b: 2, a: 1 }, key));
  });

  it('property: a token verifies with its key, and any change to it or another key fails', () => {
    fc.assert(
      fc.property(
        fc.record({
          subtotalMinor: fc.integer({ min: 0 }),
          quoteId: fc.string(),
          lines: fc.array(fc.integer()),
        }),
        fc.nat(),
        fc.integer({ min: 1, max: 63 }),
        (payload, position, flip) => {
          const token = sign(payload, key);
          expect(verify(token, key)).toEqual(payload);
          expect(verify(token, `${key}x`)).toBeUndefined();
          const i = position % token.length;
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
          const replacement = alphabet[(alphabet.indexOf(token[i]!) + flip) % 64]!;
          if (token[i] === '.' || replacement === token[i]) return;
          const altered = token.slice(0, i) + replacement + token.slice(i + 1);
          // base64url may decode two spellings of the last character to the same bytes; anything else must fail
          const decodesSame = altered
            .split('.')
            .every((part, p) =>
              Buffer.from(part, 'base64url').equals(Buffer.from(token.split('.')[p]!, 'base64url')),
            );
          if (!decodesSame) expect(verify(altered, key)).toBeUndefined();
        },
      ),
    );
  });
});

describe('pricing quote lines against the catalog', () => {
  const offer = testOffer();
  const offers = new Map([[offer.offerId, offer]]);
  const book = createPriceBook({
    currency: 'VND',
    locale: 'vi',
    markupBps: 1500,
    rounding: { increment: 1000, mode: 'up' },
    fx: { rate: '3765.48', asOf: '2026-11-20T00:00:00Z', source: 'test' },
  });
  const all = { categories: [], supplierTiers: [], requiredBadges: [], belts: [] };

  it('scales the offer ladder to a dearer SKU, keeping it non-increasing', () => {
    expect(skuLadderFen(offer, 1_500)).toEqual([
      { minQuantity: 10, unitPrice: 1_500 },
      { minQuantity: 50, unitPrice: 1_320 },
      { minQuantity: 500, unitPrice: 1_176 },
    ]);
  });

  it('counts all SKUs of an offer together for its MOQ and band', () => {
    const priced = priceQuoteLines(
      { curation: all },
      offers,
      {
        lines: [
          { offerId: offer.offerId, skuId: 'pot-20cm', quantity: 6 },
          { offerId: offer.offerId, skuId: 'pot-24cm', quantity: 6 },
        ],
      },
      book,
    );
    // 12 units together pass MOQ 10: first band, 12.50 and 15.00 CNY
    expect(priced.lines.map((l) => [l.cnyUnitFen, l.unitMinor])).toEqual([
      [1_250, 55_000],
      [1_500, 65_000],
    ]);
    expect(priced.subtotalMinor).toBe(6 * 55_000 + 6 * 65_000);
  });

  it('refuses the same SKU twice, naming the repeated line', () => {
    const line = { offerId: offer.offerId, skuId: 'pot-20cm', quantity: 10 };
    const error = (() => {
      try {
        priceQuoteLines({ curation: all }, offers, { lines: [line, line] }, book);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.fields).toEqual([{ path: 'body.lines.1', rule: 'duplicate' }]);
  });

  it('refuses offers the tenant’s curation excludes', () => {
    const onlyApparel = { ...all, categories: ['apparel'] };
    expect(() =>
      priceQuoteLines(
        { curation: onlyApparel },
        offers,
        { lines: [{ offerId: offer.offerId, skuId: 'pot-20cm', quantity: 10 }] },
        book,
      ),
    ).toThrow(DomainError);
    const homeOnly = { ...all, categories: ['home'], requiredBadges: ['ship_48h'] };
    expect(
      priceQuoteLines(
        { curation: homeOnly },
        offers,
        { lines: [{ offerId: offer.offerId, skuId: 'pot-20cm', quantity: 10 }] },
        book,
      ).subtotalMinor,
    ).toBe(550_000);
    const needsFreeShipping = { ...all, requiredBadges: ['free_domestic_shipping'] };
    expect(() =>
      priceQuoteLines(
        { curation: needsFreeShipping },
        offers,
        { lines: [{ offerId: offer.offerId, skuId: 'pot-20cm', quantity: 10 }] },
        book,
      ),
    ).toThrow(/QUOTE_LINE_UNAVAILABLE/);
  });
});
