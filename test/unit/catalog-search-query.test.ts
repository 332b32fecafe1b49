import { describe, expect, it } from 'vitest';
import {
  buildSearchBody,
  buildSuggestBody,
  decodeCursor,
  encodeCursor,
  searchParamsSchema,
  sortClauses,
} from '../../core/catalog/search-query.ts';
import type { Curation } from '../../core/tenants/tenant.ts';

const open: Curation = { categories: [], supplierTiers: [], requiredBadges: [], belts: [] };
const curated: Curation = {
  categories: ['apparel'],
  supplierTiers: ['super_factory'],
  requiredBadges: ['ship_48h'],
  belts: ['guangzhou'],
};

const body = (query: Record<string, string>, curation = open, locale: 'vi' | 'ko' | 'en' | 'zh-CN' = 'vi') =>
  buildSearchBody({
    params: searchParamsSchema.parse(query),
    locale,
    curation,
    priceFen: {},
    priceBuckets: [
      { key: '-9999', max: 9999, maxFen: 270 },
      { key: '10000-', min: 10000, minFen: 271 },
    ],
    // biome-ignore lint/suspicious/noExplicitAny: assertions walk the nested request body
  }) as Record<string, any>;

describe('buildSearchBody (offline)', () => {
  it('always filters listed offers and the tenant curation, in the query (not the post filter)', () => {
    const filter = body({ q: 'ao thun' }, curated).query.bool.filter;
    expect(filter).toEqual([
      { term: { listed: true } },
      {
        bool: {
          should: [{ terms: { categoryL1: ['apparel'] } }, { terms: { categoryL2: ['apparel'] } }],
          minimum_should_match: 1,
        },
      },
      { terms: { supplierTier: ['super_factory'] } },
      { term: { badges: 'ship_48h' } },
      { terms: { belt: ['guangzhou'] } },
    ]);
  });

  it('matches Vietnamese on the folded field only, with Chinese as the fallback', () => {
    const match = body({ q: 'áo thun nữ' }).query.bool.must[0].multi_match;
    expect(match.fields).toEqual(['title.vi.folded^3', 'title.en', 'title.zh-CN']);
    expect(body({ q: '티셔츠' }, open, 'ko').query.bool.must[0].multi_match.fields).toContain('title.zh-CN');
  });

  it('browses with no text clause when q is empty', () => {
    expect(body({}).query.bool.must).toEqual([]);
  });

  it('puts buyer filters in post_filter and counts each facet without its own dimension', () => {
    const b = body({
      category: 'womens_wear',
      belt: 'guangzhou',
      badges: 'ship_48h,return_7d',
      moqMax: '10',
    });
    expect(b.post_filter.bool.filter).toEqual([
      { term: { categoryL2: 'womens_wear' } },
      { term: { belt: 'guangzhou' } },
      { term: { badges: 'ship_48h' } },
      { term: { badges: 'return_7d' } },
      { range: { moq: { lte: 10 } } },
    ]);
    const categoryFacet = b.aggs.categoryL2.filter.bool.filter;
    expect(categoryFacet).not.toContainEqual({ term: { categoryL2: 'womens_wear' } });
    expect(categoryFacet).toContainEqual({ term: { belt: 'guangzhou' } });
    expect(b.aggs.belt.filter.bool.filter).not.toContainEqual({ term: { belt: 'guangzhou' } });
    expect(b.aggs.badges.filter.bool.filter).toContainEqual({ term: { badges: 'ship_48h' } });
  });

  it('filters a level-1 category on categoryL1', () => {
    expect(body({ category: 'apparel' }).post_filter.bool.filter).toEqual([
      { term: { categoryL1: 'apparel' } },
    ]);
  });

  it('turns the price buckets into CNY ranges whose upper bound is inclusive like the filter', () => {
    expect(body({}).aggs.price.aggs.values.range.ranges).toEqual([
      { key: '-9999', to: 271 },
      { key: '10000-', from: 271 },
    ]);
  });

  it('ends every sort with the offer id and resumes after the cursor', () => {
    for (const sort of ['relevance', 'price_asc', 'price_desc', 'newest'] as const)
      expect(sortClauses(sort).at(-1)).toEqual({ offerId: 'asc' });
    const cursor = encodeCursor('price_asc', [1200, 'tee-1']);
    expect(body({ sort: 'price_asc', cursor }).search_after).toEqual([1200, 'tee-1']);
  });
});

describe('cursors and parameters', () => {
  it('refuses a cursor made for another sort, or not made by us', () => {
    const cursor = encodeCursor('newest', ['2026-01-01T00:00:00.000Z', 'x']);
    expect(decodeCursor(cursor, 'newest')).toEqual(['2026-01-01T00:00:00.000Z', 'x']);
    expect(decodeCursor(cursor, 'price_asc')).toBeUndefined();
    expect(decodeCursor('not-base64-json', 'newest')).toBeUndefined();
    expect(searchParamsSchema.safeParse({ sort: 'price_asc', cursor }).success).toBe(false);
  });

  it('validates categories, badges, belts and price bounds', () => {
    expect(searchParamsSchema.safeParse({ category: 'spaceships' }).success).toBe(false);
    expect(searchParamsSchema.safeParse({ badges: 'ship_48h,bogus' }).success).toBe(false);
    expect(searchParamsSchema.safeParse({ belt: 'atlantis' }).success).toBe(false);
    expect(searchParamsSchema.safeParse({ priceMin: '500', priceMax: '100' }).success).toBe(false);
    expect(searchParamsSchema.safeParse({ priceMin: '1.5' }).success).toBe(false);
    expect(searchParamsSchema.parse({ badges: 'ship_48h, return_7d' }).badges).toEqual([
      'ship_48h',
      'return_7d',
    ]);
  });
});

describe('buildSuggestBody (offline)', () => {
  it('prefix-matches the buyer’s language under the curation', () => {
    // biome-ignore lint/suspicious/noExplicitAny: assertions walk the nested request body
    const b = buildSuggestBody('tai ng', 'vi', curated, 8) as Record<string, any>;
    expect(b.query.bool.must[0].multi_match).toMatchObject({
      type: 'bool_prefix',
      fields: ['title.vi.folded', 'title.zh-CN'],
    });
    expect(b.query.bool.filter).toContainEqual({ term: { badges: 'ship_48h' } });
  });
});
