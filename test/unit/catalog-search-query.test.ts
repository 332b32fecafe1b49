import { describe, expect, it } from 'vitest';
import { rankSignal } from '../../adapters/opensearch/offer-document.ts';
import {
  buildSearchBody,
  buildSuggestBody,
  matchFields,
  sortClauses,
} from '../../adapters/opensearch/offer-query.ts';
import { parseSearchResponse } from '../../adapters/opensearch/offer-results.ts';
import {
  decodeCursor,
  encodeCursor,
  searchCriteria,
  searchParamsSchema,
} from '../../core/catalog/search-query.ts';
import type { Curation } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';

const open: Curation = { categories: [], supplierTiers: [], requiredBadges: [], belts: [] };
const curated: Curation = {
  categories: ['apparel'],
  supplierTiers: ['super_factory'],
  requiredBadges: ['ship_48h'],
  belts: ['guangzhou'],
};

const body = (query: Record<string, string>, curation = open, locale: 'vi' | 'ko' | 'en' | 'zh-CN' = 'vi') =>
  buildSearchBody(
    searchCriteria(searchParamsSchema.parse(query), {
      locale,
      curation,
      priceFen: {},
      priceRanges: [
        { key: '-9999', maxFen: 270 },
        { key: '10000-', minFen: 271 },
      ],
    }),
    // biome-ignore lint/suspicious/noExplicitAny: assertions walk the nested request body
  ) as Record<string, any>;

describe('buildSearchBody (offline)', () => {
  it('always filters listed offers and the tenant curation, in the query (not the post filter)', () => {
    const filter = body({ q: 'ao thun' }, curated).query.function_score.query.bool.filter;
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

  it('matches Vietnamese on the folded field, and on the exact field first when the buyer typed marks', () => {
    const recall = (q: string, locale: Locale = 'vi') =>
      body({ q }, open, locale).query.function_score.query.bool.must[0].bool.should[0].multi_match;
    expect(recall('ao thun nu').fields).toEqual(matchFields.vi);
    expect(recall('ao thun nu').fields).not.toContain('title.vi^4');
    expect(recall('áo thun nữ').fields.slice(0, 2)).toEqual(['title.vi^4', 'keywords.vi^1.5']);
    expect(recall('áo thun nữ').fields).toContain('title.vi.folded^3');
    expect(recall('티셔츠', 'ko').fields).toContain('title.zh-CN^0.5');
  });

  it('browses with no text clause when q is empty', () => {
    expect(body({}).query.function_score.query.bool.must).toEqual([]);
    expect(body({}).query.function_score.query.bool.should).toEqual([]);
  });

  it('puts buyer filters in post_filter and counts each facet without its own dimension', () => {
    const b = body({
      q: 'ao thun',
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

  it('browsing, filters the query itself and counts a filtered dimension over the whole curation', () => {
    const b = body({ category: 'womens_wear', belt: 'guangzhou', badges: 'ship_48h', moqMax: '10' }, curated);
    const buyer = [
      { term: { categoryL2: 'womens_wear' } },
      { term: { belt: 'guangzhou' } },
      { term: { badges: 'ship_48h' } },
      { range: { moq: { lte: 10 } } },
    ];
    const curation = body({}, curated).query.function_score.query.bool.filter;
    expect(b.post_filter).toBeUndefined();
    expect(b.query.function_score.query.bool.filter).toEqual([...curation, ...buyer]);
    // Badges (AND) and price (not filtered) count under every filter: plain aggregations.
    expect(b.aggs.badges).toEqual({ terms: { field: 'badges', size: expect.any(Number) } });
    expect(b.aggs.price.range).toBeDefined();
    // A filtered dimension counts under the curation and the other filters, not its own.
    const categories = b.aggs.categoryL2;
    expect(categories.global).toEqual({});
    expect(categories.aggs.values.filter.bool.filter).toEqual([
      ...curation,
      ...buyer.filter((f) => !('categoryL2' in (f.term ?? {}))),
    ]);
    expect(categories.aggs.values.aggs.values.terms.field).toBe('categoryL2');
    expect(b.aggs.belt.aggs.values.filter.bool.filter).not.toContainEqual({ term: { belt: 'guangzhou' } });
  });

  it('filters a level-1 category on categoryL1', () => {
    expect(body({ q: 'ao', category: 'apparel' }).post_filter.bool.filter).toEqual([
      { term: { categoryL1: 'apparel' } },
    ]);
    expect(body({ category: 'apparel' }).query.function_score.query.bool.filter).toContainEqual({
      term: { categoryL1: 'apparel' },
    });
  });

  it('turns the price buckets into CNY ranges whose upper bound is inclusive like the filter', () => {
    expect(body({}).aggs.price.range.ranges).toEqual([
      { key: '-9999', to: 271 },
      { key: '10000-', from: 271 },
    ]);
  });

  it('counts a facet under a filter only when one applies, and level-1 categories not at all', () => {
    const plain = body({ q: 'ao thun' });
    expect(Object.keys(plain.aggs).sort()).toEqual(['badges', 'belt', 'categoryL2', 'price']);
    expect(plain.aggs.belt).toEqual({ terms: { field: 'belt', size: expect.any(Number) } });
    const filtered = body({ q: 'ao thun', belt: 'guangzhou' });
    // The belt facet counts without its own filter; the others under it.
    expect(filtered.aggs.belt).toEqual({ terms: { field: 'belt', size: expect.any(Number) } });
    expect(filtered.aggs.categoryL2.filter.bool.filter).toEqual([{ term: { belt: 'guangzhou' } }]);
    expect(filtered.aggs.price.aggs.values.range.ranges).toHaveLength(2);
  });

  it('ends every sort with the offer id and resumes after the cursor', () => {
    for (const sort of ['relevance', 'price_asc', 'price_desc', 'newest'] as const)
      expect(sortClauses(sort).at(-1)).toEqual({ offerId: 'asc' });
    const cursor = encodeCursor('price_asc', [1200, 'tee-1']);
    expect(body({ sort: 'price_asc', cursor }).search_after).toEqual([1200, 'tee-1']);
  });
});

describe('rankSignal (offline)', () => {
  const ranked = (supplier: Record<string, unknown>, stock = 5) =>
    rankSignal({
      supplier: { tier: 'standard', responseRatePct: 80, badges: [], ...supplier },
      skus: [{ stock: 0 }, { stock }],
    } as never);

  it('is 1 for an ordinary supplier out of stock, and each signal lifts it a little', () => {
    expect(ranked({}, 0)).toBe(1);
    expect(ranked({})).toBeCloseTo(1.04);
    expect(ranked({ tier: 'super_factory' }, 0)).toBeCloseTo(1.05);
    expect(ranked({ tier: 'strict_selection' }, 0)).toBeCloseTo(1.025);
    expect(ranked({ responseRatePct: 95 }, 0)).toBeCloseTo(1.02);
    expect(ranked({ badges: ['ship_48h', 'return_7d'] }, 0)).toBeCloseTo(1.01);
  });

  it('stays small beside the text score: at most 1.13 with every signal', () => {
    expect(
      ranked({
        tier: 'super_factory',
        responseRatePct: 100,
        badges: ['ship_48h', 'return_7d', 'free_domestic_shipping', 'fast_response'],
      }),
    ).toBeCloseTo(1.13);
  });
});

describe('parseSearchResponse (offline)', () => {
  const response = {
    hits: {
      total: { value: 7 },
      hits: [
        {
          _id: 'tee-1',
          _source: {
            offerId: 'tee-1',
            title: { 'zh-CN': '女士T恤', vi: 'Áo thun nữ' },
            image: 'https://img.example/tee-1.jpg',
            priceMinFen: 1200,
            priceMaxFen: 1500,
            moq: 10,
            unit: 'piece',
            badges: ['ship_48h'],
            belt: 'guangzhou',
            categoryL1: 'apparel',
            categoryL2: 'womens_wear',
            supplierTier: 'standard',
            staleLocales: ['vi'],
          },
          sort: [1200, 'tee-1'],
        },
      ],
    },
    aggregations: {
      // Plain facets and facets counted under a filter (`values` inside) read alike.
      categoryL2: {
        buckets: [
          { key: 'womens_wear', doc_count: 5 },
          { key: 'audio', doc_count: 4 },
          { key: 'mens_wear', doc_count: 2 },
        ],
      },
      belt: { values: { buckets: [{ key: 'guangzhou', doc_count: 4 }] } },
      badges: { buckets: [{ key: 'ship_48h', doc_count: 3 }] },
      price: { values: { buckets: { '-9999': { doc_count: 6 }, '10000-': { doc_count: 1 } } } },
    },
  };

  it('gives offer summaries, facet counts and the last offer’s position in the sort', () => {
    const page = parseSearchResponse(response, 'price_asc');
    expect(page.total).toBe(7);
    expect(page.offers).toEqual([
      expect.objectContaining({ offerId: 'tee-1', priceMinFen: 1200, staleLocales: ['vi'] }),
    ]);
    expect(page.last).toEqual([1200, 'tee-1']);
    expect(page.facets).toEqual({
      // Level-1 counts are the sums of their level-2 categories'.
      categoriesL1: [
        { value: 'apparel', count: 7 },
        { value: 'electronics', count: 4 },
      ],
      categoriesL2: [
        { value: 'womens_wear', count: 5 },
        { value: 'audio', count: 4 },
        { value: 'mens_wear', count: 2 },
      ],
      belts: [{ value: 'guangzhou', count: 4 }],
      badges: [{ value: 'ship_48h', count: 3 }],
      priceRanges: { '-9999': 6, '10000-': 1 },
    });
    const empty = parseSearchResponse({ hits: { total: 0, hits: [] } }, 'newest');
    expect(empty).toMatchObject({ total: 0, offers: [], facets: { belts: [], priceRanges: {} } });
    expect(empty.last).toBeUndefined();
  });
});

describe('cursors and parameters', () => {
  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const cursorError = (query: Record<string, string>) =>
    searchParamsSchema.safeParse(query).error?.issues.map((i) => i.path.join('.'));

  it('refuses a cursor made for another sort, or not made by us', () => {
    const cursor = encodeCursor('newest', [1_780_000_000_000, 'tee-1']);
    expect(decodeCursor(cursor, 'newest')).toEqual([1_780_000_000_000, 'tee-1']);
    expect(decodeCursor(cursor, 'price_asc')).toBeUndefined();
    expect(decodeCursor('not-base64-json', 'newest')).toBeUndefined();
    expect(cursorError({ sort: 'price_asc', cursor })).toEqual(['cursor']);
  });

  it('refuses well-formed cursors whose position does not fit the sort, naming the cursor', () => {
    for (const [sort, a] of [
      ['price_asc', ['abc', 'tee-1']], // a price that is not a number
      ['price_asc', [12.5, 'tee-1']], // fen are integers
      ['price_desc', [-1, 'tee-1']],
      ['newest', ['2026-01-01', 'tee-1']], // dates travel as epoch milliseconds
      ['newest', [1e300, 'tee-1']],
      ['relevance', ['abc', 1_780_000_000_000, 'tee-1']],
      ['relevance', [1.5, 1_780_000_000_000]], // too short
      ['relevance', [1.5, 1_780_000_000_000, 'tee-1', 'extra']], // too long
      ['price_asc', [100, 'x'.repeat(65)]], // not an offer id
      ['price_asc', [100, { $gt: '' }]],
    ] as const)
      expect(cursorError({ sort, cursor: forged({ s: sort, a }) }), `${sort} ${JSON.stringify(a)}`).toEqual([
        'cursor',
      ]);
    expect(cursorError({ cursor: Buffer.from('garbage, not JSON').toString('base64url') })).toEqual([
      'cursor',
    ]);
    expect(cursorError({ cursor: forged(['relevance']) })).toEqual(['cursor']);
    expect(cursorError({ cursor: 'A'.repeat(257) })).toEqual(['cursor']);
    expect(
      cursorError({ sort: 'price_asc', cursor: forged({ s: 'price_asc', a: [100, 'tee-1'] }) }),
    ).toBeUndefined();
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
    const criteria = { text: 'tai ng', locale: 'vi', curation: curated, size: 24 } as const;
    // biome-ignore lint/suspicious/noExplicitAny: assertions walk the nested request body
    const b = buildSuggestBody(criteria) as Record<string, any>;
    expect(b.size).toBe(24);
    expect(b.query.bool.must[0].multi_match).toMatchObject({
      type: 'bool_prefix',
      fields: ['title.vi.folded', 'title.zh-CN'],
    });
    expect(b.query.bool.filter).toContainEqual({ term: { badges: 'ship_48h' } });
  });
});
