import type {
  FacetCount,
  OfferSearchPage,
  OfferSummary,
  OfferTitleMatch,
} from '../../core/catalog/search.ts';
import { positionSchemas, type SearchPosition, type Sort } from '../../core/catalog/search-query.ts';
import { isCategoryL2, parentOf } from '../../core/catalog/taxonomy.ts';
import type { Locale } from '../../locales/index.ts';

/**
 * Pure parsers of OpenSearch search responses into the search port's results: no I/O, tested
 * by their output (test/unit/catalog-search-query.test.ts) and against the real node.
 */

interface Hit {
  _id: string;
  _source: {
    offerId: string;
    title: Partial<Record<Locale, string>>;
    image: string;
    priceMinFen: number;
    priceMaxFen: number;
    moq: number;
    unit: string;
    badges: string[];
    belt: string;
    categoryL1: string;
    categoryL2: string;
    supplierTier: string;
    staleLocales?: string[];
  };
  sort?: unknown[];
}

interface Bucket {
  key: string;
  doc_count: number;
}

type Buckets = Bucket[] | Record<string, { doc_count: number }>;

/** The part of a search response body the parsers read. A facet is a plain aggregation, or
 * (when it counts under filters) a `filter` aggregation around one named `values`, or (browsing
 * with its own dimension filtered) a `global` one around such a filter. */
export interface SearchResponseBody {
  hits: { total: { value: number } | number; hits: Hit[] };
  aggregations?: Record<
    string,
    { buckets?: Buckets; values?: { buckets?: Buckets; values?: { buckets: Buckets } } }
  >;
}

/** Level-1 category counts: the sums of their level-2 categories' counts, the largest first
 * (ties by id, as a terms aggregation orders them). */
function parentCounts(l2: FacetCount[]): FacetCount[] {
  const sums = new Map<string, number>();
  for (const f of l2) {
    const parent = isCategoryL2(f.value) ? parentOf[f.value] : undefined;
    if (parent) sums.set(parent, (sums.get(parent) ?? 0) + f.count);
  }
  return [...sums.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

function summary(hit: Hit): OfferSummary {
  const s = hit._source;
  return {
    offerId: s.offerId,
    title: s.title,
    staleLocales: s.staleLocales ?? [],
    image: s.image,
    priceMinFen: s.priceMinFen,
    priceMaxFen: s.priceMaxFen,
    moq: s.moq,
    unit: s.unit,
    badges: s.badges,
    belt: s.belt,
    categoryL1: s.categoryL1,
    categoryL2: s.categoryL2,
    supplierTier: s.supplierTier,
  };
}

/** A hit's sort values are its position in the sort order (offer-query.ts `sortClauses`). */
function positionOf(hit: Hit | undefined, sort: Sort): SearchPosition | undefined {
  if (!hit?.sort) return undefined;
  const position = positionSchemas[sort].safeParse(hit.sort);
  if (!position.success) throw new Error(`unexpected sort values for ${sort}: ${JSON.stringify(hit.sort)}`);
  return position.data;
}

export function parseSearchResponse(body: SearchResponseBody, sort: Sort): OfferSearchPage {
  const hits = body.hits.hits;
  const total = typeof body.hits.total === 'number' ? body.hits.total : body.hits.total.value;
  const bucketsOf = (name: string) => {
    const agg = body.aggregations?.[name];
    return agg?.values?.values?.buckets ?? agg?.values?.buckets ?? agg?.buckets;
  };
  const terms = (name: string): FacetCount[] => {
    const buckets = bucketsOf(name);
    return Array.isArray(buckets) ? buckets.map((b) => ({ value: b.key, count: b.doc_count })) : [];
  };
  const ranges = bucketsOf('price');
  const categoriesL2 = terms('categoryL2');
  const last = positionOf(hits[hits.length - 1], sort);
  return {
    total,
    offers: hits.map(summary),
    ...(last && { last }),
    facets: {
      categoriesL1: parentCounts(categoriesL2),
      categoriesL2,
      belts: terms('belt'),
      badges: terms('badges'),
      priceRanges:
        ranges && !Array.isArray(ranges)
          ? Object.fromEntries(Object.entries(ranges).map(([key, b]) => [key, b.doc_count]))
          : {},
    },
  };
}

export function parseSuggestResponse(body: {
  hits: { hits: { _source: { offerId: string; title: Partial<Record<Locale, string>> } }[] };
}): OfferTitleMatch[] {
  return body.hits.hits.map((h) => ({ offerId: h._source.offerId, title: h._source.title }));
}

/** The query with each word the engine did not know replaced by its best suggestion; undefined
 * when nothing changed. */
export function parseDidYouMean(
  text: string,
  body: {
    suggest?: { words?: { text: string; offset: number; length: number; options: { text: string }[] }[] };
  },
): string | undefined {
  const words = body.suggest?.words ?? [];
  let out = '';
  let at = 0;
  let changed = false;
  for (const w of words) {
    const best = w.options[0]?.text;
    out += text.slice(at, w.offset) + (best ?? text.slice(w.offset, w.offset + w.length));
    at = w.offset + w.length;
    if (best) changed = true;
  }
  out += text.slice(at);
  return changed ? out : undefined;
}
