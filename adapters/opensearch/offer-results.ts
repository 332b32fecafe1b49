import type {
  FacetCount,
  OfferSearchPage,
  OfferSummary,
  OfferTitleMatch,
} from '../../core/catalog/search.ts';
import { positionSchemas, type SearchPosition, type Sort } from '../../core/catalog/search-query.ts';
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

/** The part of a search response body the parsers read. */
export interface SearchResponseBody {
  hits: { total: { value: number } | number; hits: Hit[] };
  aggregations?: Record<string, { values: { buckets: Bucket[] | Record<string, { doc_count: number }> } }>;
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
  const terms = (name: string): FacetCount[] => {
    const buckets = body.aggregations?.[name]?.values.buckets;
    return Array.isArray(buckets) ? buckets.map((b) => ({ value: b.key, count: b.doc_count })) : [];
  };
  const ranges = body.aggregations?.price?.values.buckets;
  const last = positionOf(hits[hits.length - 1], sort);
  return {
    total,
    offers: hits.map(summary),
    ...(last && { last }),
    facets: {
      categoriesL1: terms('categoryL1'),
      categoriesL2: terms('categoryL2'),
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
