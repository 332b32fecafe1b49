import { describe, expect, it } from 'vitest';
import type { OfferSearchPage } from '../../core/catalog/search.ts';
import { priceBuckets, shapeSearch } from '../../core/catalog/search-results.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { createPriceBook } from '../../core/pricing/book.ts';
import type { Locale } from '../../locales/index.ts';

/**
 * A page of results as the buyer reads it. The taxonomy's names are looked up once per
 * translator and kept (search-results.ts): each locale's page must still carry its own names.
 */
const page: OfferSearchPage = {
  total: 1,
  offers: [
    {
      offerId: 'yw-1',
      title: { 'zh-CN': '女士T恤', vi: 'Áo thun nữ', ko: '여성 티셔츠' },
      staleLocales: [],
      image: '/assets/yw-1.jpg',
      priceMinFen: 1_000,
      priceMaxFen: 2_000,
      moq: 10,
      unit: 'piece',
      badges: ['ship_48h'],
      belt: 'yiwu',
      categoryL1: 'apparel',
      categoryL2: 'womens_wear',
      supplierTier: 'super_factory',
    },
  ],
  facets: {
    categoriesL1: [{ value: 'apparel', count: 1 }],
    categoriesL2: [],
    belts: [{ value: 'yiwu', count: 1 }],
    badges: [{ value: 'ship_48h', count: 1 }],
    priceRanges: {},
  },
};

const shaped = (locale: Locale, t = translatorFor(locale)) => {
  const book = createPriceBook({
    currency: 'VND',
    locale,
    markupBps: 0,
    rounding: { increment: 1, mode: 'up' },
    fx: { rate: '3500', asOf: '2026-11-30T00:00:00Z', source: 'test' },
  });
  return shapeSearch(page, {
    locale,
    book,
    t,
    size: 20,
    sort: 'relevance',
    buckets: priceBuckets(book),
    overrides: new Map(),
  });
};

describe('a shaped page of results', () => {
  it('names units, badges, belts, categories and tiers in each buyer’s language, page after page', () => {
    const vi = translatorFor('vi');
    const ko = translatorFor('ko');
    for (let round = 0; round < 2; round++) {
      for (const [locale, t] of [
        ['vi', vi],
        ['ko', ko],
      ] as const) {
        const { hits, facets } = shaped(locale, t);
        const hit = hits[0]!;
        expect(hit.unit.name).toBe(t('catalog:unit_piece'));
        expect(hit.badges).toEqual([{ id: 'ship_48h', name: t('catalog:badge_ship_48h') }]);
        expect(hit.belt.name).toBe(t('catalog:belt_yiwu'));
        expect(hit.category.parent.name).toBe(t('catalog:category_apparel'));
        expect(hit.supplierTier.name).toBe(t('catalog:tier_super_factory'));
        expect(facets.belts).toEqual([{ id: 'yiwu', name: t('catalog:belt_yiwu'), count: 1 }]);
      }
    }
    expect(shaped('ko').hits[0]!.supplierTier.name).toBe('슈퍼 팩토리');
    expect(shaped('vi').hits[0]!.supplierTier.name).not.toBe('슈퍼 팩토리');
  });

  it('labels the price ranges in the buyer’s language and currency, page after page', () => {
    const book = createPriceBook({
      currency: 'VND',
      locale: 'vi',
      markupBps: 0,
      rounding: { increment: 1, mode: 'up' },
      fx: { rate: '3500', asOf: '2026-11-30T00:00:00Z', source: 'test' },
    });
    // One set of ranges (kept per tenant terms, catalog-service.ts), two translators.
    const buckets = priceBuckets(book);
    const withCounts: OfferSearchPage = {
      ...page,
      facets: { ...page.facets, priceRanges: Object.fromEntries(buckets.map((b) => [b.key, 1])) },
    };
    const labels = (locale: Locale) =>
      shapeSearch(withCounts, {
        locale,
        book,
        t: translatorFor(locale),
        size: 20,
        sort: 'relevance',
        buckets,
        overrides: new Map(),
      }).facets.price.map((p) => p.label);
    const vi = labels('vi');
    expect(vi).toHaveLength(buckets.length);
    const last = buckets.at(-1)!;
    expect(vi.at(-1)).toBe(translatorFor('vi')('catalog:price_over', { min: book.format(last.min!) }));
    expect(vi.at(-1)).toContain('₫');
    expect(labels('en')).not.toEqual(vi);
    expect(labels('vi')).toEqual(vi);
  });
});
