import * as z from 'zod';
import type { Locale } from '../../locales/index.ts';
import type { Curation } from '../tenants/tenant.ts';
import { badges, belts, categoriesL1, categoriesL2, isCategory } from './taxonomy.ts';

/**
 * Pure builders of the OpenSearch request bodies for search and suggest: no I/O, tested by
 * their output (test/unit/catalog-search-query.test.ts) and again against the real node.
 */

export const sorts = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type Sort = (typeof sorts)[number];

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(10));

/** What a buyer may ask for (query string of GET /api/v1/search). Prices are integer minor
 * units of the tenant's currency (VND đồng, KRW won). */
export const searchParamsSchema = z
  .object({
    q: z.string().trim().max(200).default(''),
    category: z.string().refine(isCategory, 'unknown category').optional(),
    priceMin: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    priceMax: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    moqMax: z.coerce.number().int().min(1).max(10_000_000).optional(),
    badges: csv(z.enum(badges)).optional(),
    belt: z.enum(belts).optional(),
    sort: z.enum(sorts).default('relevance'),
    cursor: z.string().max(500).optional(),
    size: z.coerce.number().int().min(1).max(50).default(20),
  })
  .superRefine((p, ctx) => {
    if (p.priceMin !== undefined && p.priceMax !== undefined && p.priceMin > p.priceMax)
      ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'below priceMin' });
    if (p.cursor !== undefined && decodeCursor(p.cursor, p.sort) === undefined)
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'invalid cursor' });
  });
export type SearchParams = z.infer<typeof searchParamsSchema>;

export const suggestParamsSchema = z.object({
  q: z.string().trim().min(1).max(100),
  size: z.coerce.number().int().min(1).max(10).default(8),
});

/** search_after values, opaque to the client: base64url JSON bound to the sort it came from. */
type SortValue = string | number;
export function encodeCursor(sort: Sort, after: SortValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, a: after })).toString('base64url');
}
export function decodeCursor(cursor: string, sort: Sort): SortValue[] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      s?: unknown;
      a?: unknown;
    };
    if (value.s !== sort || !Array.isArray(value.a) || value.a.length !== sortClauses(sort).length)
      return undefined;
    if (!value.a.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))))
      return undefined;
    return value.a as SortValue[];
  } catch {
    return undefined;
  }
}

/** Every sort ends with the offer id, so pages never repeat or skip an offer. */
export function sortClauses(sort: Sort): Record<string, unknown>[] {
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
export function curationFilters(curation: Curation): Record<string, unknown>[] {
  const filters: Record<string, unknown>[] = [{ term: { listed: true } }];
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

export interface PriceBucket {
  key: string;
  /** Local minor units, inclusive; absent = open. */
  min?: number;
  max?: number;
  /** The same range in CNY fen, as the index stores prices. */
  minFen?: number;
  maxFen?: number;
}

export interface SearchRequest {
  params: SearchParams;
  locale: Locale;
  curation: Curation;
  /** The buyer's local price bounds converted to CNY fen (PriceBook.cnyBounds). */
  priceFen: { minFen?: number; maxFen?: number };
  priceBuckets: PriceBucket[];
}

type Dimension = 'category' | 'belt' | 'badges' | 'price' | 'moq';

function userFilters(request: SearchRequest): Map<Dimension, Record<string, unknown>[]> {
  const { params, priceFen } = request;
  const filters = new Map<Dimension, Record<string, unknown>[]>();
  if (params.category) {
    const field = (categoriesL1 as readonly string[]).includes(params.category) ? 'categoryL1' : 'categoryL2';
    filters.set('category', [{ term: { [field]: params.category } }]);
  }
  if (params.belt) filters.set('belt', [{ term: { belt: params.belt } }]);
  if (params.badges?.length)
    filters.set(
      'badges',
      params.badges.map((b) => ({ term: { badges: b } })),
    );
  if (priceFen.minFen !== undefined || priceFen.maxFen !== undefined) {
    filters.set('price', [
      {
        range: {
          priceMinFen: {
            ...(priceFen.minFen !== undefined && { gte: priceFen.minFen }),
            ...(priceFen.maxFen !== undefined && { lte: priceFen.maxFen }),
          },
        },
      },
    ]);
  }
  if (params.moqMax !== undefined) filters.set('moq', [{ range: { moq: { lte: params.moqMax } } }]);
  return filters;
}

const allExcept = (filters: Map<Dimension, Record<string, unknown>[]>, except?: Dimension) =>
  [...filters.entries()].filter(([d]) => d !== except).flatMap(([, f]) => f);

/**
 * The search body. The text query and the curation filter select the candidates; the buyer's
 * filters go to `post_filter`, and each facet counts under every filter except its own
 * dimension (badges, which combine with AND, count under all of them), so the count shown
 * next to a value is exactly what selecting that value returns.
 */
export function buildSearchBody(request: SearchRequest): Record<string, unknown> {
  const { params, locale, curation } = request;
  const filters = userFilters(request);
  const text = params.q
    ? [
        {
          multi_match: {
            query: params.q,
            fields: matchFields[locale],
            type: 'best_fields',
            minimum_should_match: '2<75%',
          },
        },
      ]
    : [];
  const after = params.cursor ? decodeCursor(params.cursor, params.sort) : undefined;
  const facet = (except: Dimension | undefined, agg: Record<string, unknown>) => ({
    filter: { bool: { filter: allExcept(filters, except) } },
    aggs: { values: agg },
  });
  return {
    size: params.size,
    track_total_hits: true,
    query: { bool: { must: text, filter: curationFilters(curation) } },
    post_filter: { bool: { filter: allExcept(filters) } },
    sort: sortClauses(params.sort),
    ...(after && { search_after: after }),
    _source: [
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
    ],
    aggs: {
      categoryL1: facet('category', { terms: { field: 'categoryL1', size: categoriesL1.length } }),
      categoryL2: facet('category', { terms: { field: 'categoryL2', size: categoriesL2.length } }),
      belt: facet('belt', { terms: { field: 'belt', size: belts.length } }),
      badges: facet(undefined, { terms: { field: 'badges', size: badges.length } }),
      price: facet('price', {
        range: {
          field: 'priceMinFen',
          keyed: true,
          ranges: request.priceBuckets.map((b) => ({
            key: b.key,
            ...(b.minFen !== undefined && { from: b.minFen }),
            ...(b.maxFen !== undefined && { to: b.maxFen + 1 }),
          })),
        },
      }),
    },
  };
}

/** Typeahead: titles in the buyer's language whose words start with what was typed, under
 * the same curation. */
export function buildSuggestBody(q: string, locale: Locale, curation: Curation, size: number) {
  const field = locale === 'vi' ? 'title.vi.folded' : `title.${locale}`;
  return {
    size: size * 3,
    _source: [`title.${locale}`, 'title.zh-CN'],
    query: {
      bool: {
        must: [
          { multi_match: { query: q, type: 'bool_prefix', fields: [field, 'title.zh-CN'], operator: 'and' } },
        ],
        filter: curationFilters(curation),
      },
    },
  };
}
