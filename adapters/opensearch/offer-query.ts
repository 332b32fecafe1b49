import type { OfferSearchCriteria, SuggestCriteria } from '../../core/catalog/search.ts';
import type { Sort } from '../../core/catalog/search-query.ts';
import { badges, belts, categoriesL1, categoriesL2 } from '../../core/catalog/taxonomy.ts';
import type { Curation } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';

/**
 * Pure builders of the OpenSearch request bodies for the search port's criteria: no I/O,
 * tested by their output (test/unit/catalog-search-query.test.ts) and again against the
 * real node (test/integration/catalog-search.test.ts). Field names are the offers index's
 * (offers-index.ts, offer-document.ts).
 */

type Clause = Record<string, unknown>;

/**
 * The sort clauses of each sort order, in the order of the position's keys
 * (core/catalog/search-query.ts `positionSchemas`): the sort values of a hit are its position.
 */
export function sortClauses(sort: Sort): Clause[] {
  const tie = { offerId: 'asc' };
  switch (sort) {
    case 'price_asc':
      return [{ priceMinFen: 'asc' }, tie];
    case 'price_desc':
      return [{ priceMinFen: 'desc' }, tie];
    case 'newest':
      return [{ createdAt: 'desc' }, tie];
    default:
      return [{ _score: 'desc' }, { createdAt: 'desc' }, tie];
  }
}

/** Fields a query in each language is matched against, best first; the Chinese original is
 * always there as the fallback (and matches a buyer who types Chinese). Vietnamese matches on
 * the folded field only, so "ao thun nu" and "áo thun nữ" rank identically. */
export const matchFields: Record<Locale, string[]> = {
  vi: ['title.vi.folded^3', 'title.en', 'title.zh-CN'],
  ko: ['title.ko^3', 'title.en', 'title.zh-CN'],
  en: ['title.en^3', 'title.zh-CN'],
  'zh-CN': ['title.zh-CN^3', 'title.en'],
};

/** The tenant's curation as filters: applied to every query, whatever the request says. */
export function curationFilters(curation: Curation): Clause[] {
  const filters: Clause[] = [{ term: { listed: true } }];
  if (curation.categories.length > 0) {
    filters.push({
      bool: {
        should: [
          { terms: { categoryL1: curation.categories } },
          { terms: { categoryL2: curation.categories } },
        ],
        minimum_should_match: 1,
      },
    });
  }
  if (curation.supplierTiers.length > 0) filters.push({ terms: { supplierTier: curation.supplierTiers } });
  for (const badge of curation.requiredBadges) filters.push({ term: { badges: badge } });
  if (curation.belts.length > 0) filters.push({ terms: { belt: curation.belts } });
  return filters;
}

type Dimension = 'category' | 'belt' | 'badges' | 'price' | 'moq';

function buyerFilters({ filters }: OfferSearchCriteria): Map<Dimension, Clause[]> {
  const clauses = new Map<Dimension, Clause[]>();
  if (filters.category) {
    const field = (categoriesL1 as readonly string[]).includes(filters.category)
      ? 'categoryL1'
      : 'categoryL2';
    clauses.set('category', [{ term: { [field]: filters.category } }]);
  }
  if (filters.belt) clauses.set('belt', [{ term: { belt: filters.belt } }]);
  if (filters.badges.length > 0)
    clauses.set(
      'badges',
      filters.badges.map((b) => ({ term: { badges: b } })),
    );
  const { minFen, maxFen } = filters.priceFen;
  if (minFen !== undefined || maxFen !== undefined) {
    clauses.set('price', [
      {
        range: {
          priceMinFen: {
            ...(minFen !== undefined && { gte: minFen }),
            ...(maxFen !== undefined && { lte: maxFen }),
          },
        },
      },
    ]);
  }
  if (filters.moqMax !== undefined) clauses.set('moq', [{ range: { moq: { lte: filters.moqMax } } }]);
  return clauses;
}

const allExcept = (filters: Map<Dimension, Clause[]>, except?: Dimension) =>
  [...filters.entries()].filter(([d]) => d !== except).flatMap(([, f]) => f);

/** What a result card reads from the index. */
export function sourceFields(locale: Locale): string[] {
  return [
    'offerId',
    `title.${locale}`,
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
}

/**
 * The search body. The text query and the curation filter select the candidates; the buyer's
 * filters go to `post_filter`, and each facet counts under every filter except its own
 * dimension (badges, which combine with AND, count under all of them), so the count shown
 * next to a value is exactly what selecting that value returns.
 */
export function buildSearchBody(criteria: OfferSearchCriteria): Clause {
  const { locale, curation } = criteria;
  const filters = buyerFilters(criteria);
  const text = criteria.text
    ? [
        {
          multi_match: {
            query: criteria.text,
            fields: matchFields[locale],
            type: 'best_fields',
            minimum_should_match: '2<75%',
          },
        },
      ]
    : [];
  const facet = (except: Dimension | undefined, agg: Clause) => ({
    filter: { bool: { filter: allExcept(filters, except) } },
    aggs: { values: agg },
  });
  return {
    size: criteria.size,
    track_total_hits: true,
    query: { bool: { must: text, filter: curationFilters(curation) } },
    post_filter: { bool: { filter: allExcept(filters) } },
    sort: sortClauses(criteria.sort),
    ...(criteria.after && { search_after: criteria.after }),
    _source: sourceFields(locale),
    aggs: {
      categoryL1: facet('category', { terms: { field: 'categoryL1', size: categoriesL1.length } }),
      categoryL2: facet('category', { terms: { field: 'categoryL2', size: categoriesL2.length } }),
      belt: facet('belt', { terms: { field: 'belt', size: belts.length } }),
      badges: facet(undefined, { terms: { field: 'badges', size: badges.length } }),
      price: facet('price', {
        range: {
          field: 'priceMinFen',
          keyed: true,
          ranges: criteria.priceRanges.map((r) => ({
            key: r.key,
            ...(r.minFen !== undefined && { from: r.minFen }),
            // `to` is exclusive in OpenSearch; the domain's bounds are inclusive.
            ...(r.maxFen !== undefined && { to: r.maxFen + 1 }),
          })),
        },
      }),
    },
  };
}

/** Typeahead: titles in the buyer's language whose words start with what was typed, under
 * the same curation. */
export function buildSuggestBody(criteria: SuggestCriteria): Clause {
  const { locale } = criteria;
  const field = locale === 'vi' ? 'title.vi.folded' : `title.${locale}`;
  return {
    size: criteria.size,
    _source: ['offerId', `title.${locale}`, 'title.zh-CN'],
    query: {
      bool: {
        must: [
          {
            multi_match: {
              query: criteria.text,
              type: 'bool_prefix',
              fields: [field, 'title.zh-CN'],
              operator: 'and',
            },
          },
        ],
        filter: curationFilters(criteria.curation),
      },
    },
  };
}
