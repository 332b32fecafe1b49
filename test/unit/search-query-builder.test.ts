import { describe, expect, it } from 'vitest';
import {
  buildSearchBody,
  buildSuggestBody,
  curationFilters,
  matchFields,
  searchBodies,
  sortClauses,
  sourceFields,
} from '../../adapters/opensearch/offer-query.ts';
import type { OfferSearchCriteria } from '../../core/catalog/search.ts';
import { decodeCursor, encodeCursor } from '../../core/catalog/search-query.ts';
import { badges, belts, categoriesL2 } from '../../core/catalog/taxonomy.ts';
import type { Curation } from '../../core/tenants/tenant.ts';

/**
 * The OpenSearch body each search asks, tested by its output: what the buyer gets is decided
 * here (which offers may appear, in which order, with which counts beside the filters).
 */
const open: Curation = { categories: [], supplierTiers: [], requiredBadges: [], belts: [] };
const criteria = (over: Partial<OfferSearchCriteria> = {}): OfferSearchCriteria => ({
  text: '',
  locale: 'vi',
  curation: open,
  filters: { badges: [], priceFen: {} },
  priceRanges: [],
  sort: 'relevance',
  size: 20,
  ...over,
});
const body = (over: Partial<OfferSearchCriteria> = {}) =>
  // biome-ignore lint/suspicious/noExplicitAny: assertions walk the nested request body
  buildSearchBody(criteria(over)) as Record<string, any>;

describe('the search body', () => {
  it('sorts each order by its key, then newest for ties in relevance, then the offer id', () => {
    expect(sortClauses('price_asc')).toEqual([{ priceMinFen: 'asc' }, { offerId: 'asc' }]);
    expect(sortClauses('price_desc')).toEqual([{ priceMinFen: 'desc' }, { offerId: 'asc' }]);
    expect(sortClauses('newest')).toEqual([{ createdAt: 'desc' }, { offerId: 'asc' }]);
    expect(sortClauses('relevance')).toEqual([{ _score: 'desc' }, { createdAt: 'desc' }, { offerId: 'asc' }]);
    expect(body({ sort: 'price_desc' }).sort).toEqual(sortClauses('price_desc'));
  });

  it('shows only listed offers to an uncurated storefront, and only the curated ones otherwise', () => {
    expect(curationFilters(open)).toEqual([{ term: { listed: true } }]);
    expect(curationFilters({ ...open, requiredBadges: ['ship_48h', 'return_7d'] })).toEqual([
      { term: { listed: true } },
      { term: { badges: 'ship_48h' } },
      { term: { badges: 'return_7d' } },
    ]);
    expect(curationFilters({ ...open, supplierTiers: ['super_factory'] })).toEqual([
      { term: { listed: true } },
      { terms: { supplierTier: ['super_factory'] } },
    ]);
    expect(curationFilters({ ...open, belts: ['yiwu'] })).toEqual([
      { term: { listed: true } },
      { terms: { belt: ['yiwu'] } },
    ]);
  });

  it('admits partial matches, ranks full, phrase and exact-mark matches above them, and counts every hit', () => {
    const b = body({ text: 'ao thun nu', locale: 'vi' });
    const { must, should } = b.query.function_score.query.bool;
    expect(must[0].bool.minimum_should_match).toBe(1);
    expect(must[0].bool.should[0]).toEqual({
      multi_match: {
        query: 'ao thun nu',
        fields: matchFields.vi,
        type: 'best_fields',
        tie_breaker: 0.3,
        minimum_should_match: '1<-1 4<60%',
      },
    });
    // typo tolerance on the folded Vietnamese title and keywords, without synonyms
    expect(must[0].bool.should).toContainEqual(
      expect.objectContaining({
        multi_match: expect.objectContaining({ fuzziness: 'AUTO:4,7', analyzer: 'vi_folded_plain' }),
      }),
    );
    expect(should).toEqual([
      { multi_match: { query: 'ao thun nu', fields: ['title.vi.folded'], operator: 'and', boost: 2 } },
      { match_phrase: { 'title.vi.folded': { query: 'ao thun nu', slop: 2, boost: 1 } } },
      {
        multi_match: {
          query: 'ao thun nu',
          type: 'cross_fields',
          fields: ['title.vi.folded', 'keywords.vi.folded'],
          operator: 'and',
          boost: 1,
        },
      },
    ]);
    // typed marks add the exact field
    expect(body({ text: 'áo thun nữ', locale: 'vi' }).query.function_score.query.bool.should).toContainEqual({
      match: { 'title.vi': { query: 'áo thun nữ', boost: 2 } },
    });
    expect(b.track_total_hits).toBe(true);
    expect(b.size).toBe(20);
    expect(
      body({ text: 'tee', locale: 'en' }).query.function_score.query.bool.must[0].bool.should[0].multi_match
        .fields,
    ).toEqual(matchFields.en);
    // Korean and Chinese get the single-character field for one-syllable words, no fuzziness
    const ko = body({ text: '컵', locale: 'ko' }).query.function_score.query.bool.must[0].bool.should;
    expect(ko).toContainEqual({
      match: { 'title.ko.uni': { query: '컵', minimum_should_match: '1<-1 3<50%', boost: 0.3 } },
    });
    expect(JSON.stringify(ko)).not.toContain('fuzziness');
  });

  it('asks full matches as typed first, then partial ones with typo tolerance, and a long text once', () => {
    const fuzzy = (b: Record<string, unknown>) => JSON.stringify(b).includes('fuzziness');
    const [full, partial, ...more] = searchBodies(criteria({ text: 'giay the thao', locale: 'vi' }));
    expect(more).toEqual([]);
    expect(full).toEqual(buildSearchBody(criteria({ text: 'giay the thao', locale: 'vi' }), { full: true }));
    expect(partial).toEqual(buildSearchBody(criteria({ text: 'giay the thao', locale: 'vi' })));
    expect(fuzzy(full!)).toBe(false);
    expect(fuzzy(partial!)).toBe(true);
    expect(JSON.stringify(full)).toContain('"minimum_should_match":"100%"');
    // browsing without text, and a pasted title, are asked once
    expect(searchBodies(criteria())).toHaveLength(1);
    expect(searchBodies(criteria({ text: 'x'.repeat(41) }))).toHaveLength(1);
  });

  it('scales the text score by trust signals by at most 15 %', () => {
    const fs = body({ text: 'tee', locale: 'en' }).query.function_score;
    expect(fs).toMatchObject({ score_mode: 'sum', boost_mode: 'multiply' });
    // The document's stored signals (at most 1.13, rankSignal) plus recency (at most 0.02).
    expect(fs.functions).toEqual([
      { field_value_factor: { field: 'rankSignal', missing: 1 } },
      { gauss: { createdAt: { origin: 'now', scale: '180d', decay: 0.5 } }, weight: 0.02 },
    ]);
  });

  it('reads the fields a result card shows, in the buyer’s language and the Chinese original', () => {
    const fields = [
      'offerId',
      'title.ko',
      'title.zh-CN',
      'image',
      'priceMinFen',
      'priceMaxFen',
      'moq',
      'unit',
      'badges',
      'belt',
      'categoryL1',
      'categoryL2',
      'supplierTier',
      'staleLocales',
    ];
    expect(sourceFields('ko')).toEqual(fields);
    expect(body({ locale: 'ko' })._source).toEqual(fields);
  });

  it('filters the CNY price on either side or both, inclusive', () => {
    const price = (priceFen: { minFen?: number; maxFen?: number }) =>
      body({ text: 'ao thun', filters: { badges: [], priceFen } }).post_filter.bool.filter;
    expect(price({ minFen: 100, maxFen: 500 })).toEqual([{ range: { priceMinFen: { gte: 100, lte: 500 } } }]);
    expect(price({ minFen: 0 })).toEqual([{ range: { priceMinFen: { gte: 0 } } }]);
    expect(price({ maxFen: 500 })).toEqual([{ range: { priceMinFen: { lte: 500 } } }]);
    expect(price({})).toEqual([]);
  });

  it('counts each facet over every value of its dimension, and prices in keyed CNY ranges', () => {
    // With a text query (browsing without one: test/unit/catalog-search-query.test.ts).
    const b = body({
      text: 'ao thun',
      filters: { badges: [], priceFen: { minFen: 100 }, moqMax: 50 },
      priceRanges: [
        { key: 'a', maxFen: 99 },
        { key: 'b', minFen: 100, maxFen: 199 },
        { key: 'c', minFen: 200 },
      ],
    });
    const moq = { range: { moq: { lte: 50 } } };
    const price = { range: { priceMinFen: { gte: 100 } } };
    // Level-1 counts are summed from level-2 ones (offer-results.ts): no aggregation of their own.
    expect(b.aggs).toEqual({
      categoryL2: {
        filter: { bool: { filter: [price, moq] } },
        aggs: { values: { terms: { field: 'categoryL2', size: categoriesL2.length } } },
      },
      belt: {
        filter: { bool: { filter: [price, moq] } },
        aggs: { values: { terms: { field: 'belt', size: belts.length } } },
      },
      badges: {
        filter: { bool: { filter: [price, moq] } },
        aggs: { values: { terms: { field: 'badges', size: badges.length } } },
      },
      price: {
        filter: { bool: { filter: [moq] } },
        aggs: {
          values: {
            range: {
              field: 'priceMinFen',
              keyed: true,
              ranges: [
                { key: 'a', to: 100 },
                { key: 'b', from: 100, to: 200 },
                { key: 'c', from: 200 },
              ],
            },
          },
        },
      },
    });
  });

  it('starts from the first page unless a position is given', () => {
    expect(body()).not.toHaveProperty('search_after');
    expect(body({ sort: 'newest', after: [1_780_000_000_000, 'tee-1'] }).search_after).toEqual([
      1_780_000_000_000,
      'tee-1',
    ]);
  });
});

describe('the suggest body', () => {
  it('prefix-matches all typed words in the buyer’s language or Chinese, returning titles only', () => {
    expect(buildSuggestBody({ text: '티셔', locale: 'ko', curation: open, size: 5 })).toEqual({
      size: 5,
      _source: ['offerId', 'title.ko', 'title.zh-CN'],
      query: {
        bool: {
          must: [
            {
              multi_match: {
                query: '티셔',
                type: 'bool_prefix',
                fields: ['title.ko', 'title.zh-CN'],
                operator: 'and',
              },
            },
          ],
          filter: [{ term: { listed: true } }],
        },
      },
    });
  });
});

describe('cursors a client sends back', () => {
  it('are refused with anything around the characters we hand out', () => {
    const cursor = encodeCursor('newest', [1_780_000_000_000, 'tee-1']);
    expect(decodeCursor(cursor, 'newest')).toEqual([1_780_000_000_000, 'tee-1']);
    expect(decodeCursor(`${cursor}!`, 'newest')).toBeUndefined();
    expect(decodeCursor(`!${cursor}`, 'newest')).toBeUndefined();
    expect(decodeCursor(`${cursor}==`, 'newest')).toBeUndefined();
    expect(decodeCursor(Buffer.from('null').toString('base64url'), 'newest')).toBeUndefined();
    expect(decodeCursor(Buffer.from('"newest"').toString('base64url'), 'newest')).toBeUndefined();
  });
});
