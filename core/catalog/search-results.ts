import type { TFunction } from 'i18next';
import type { Locale } from '../../locales/index.ts';
import type { LocalPrice, PriceBook } from '../pricing/price-book.ts';
import type { OfferOverride } from './model.ts';
import { encodeCursor, type PriceBucket, type Sort } from './search-query.ts';
import { categoriesL1 } from './taxonomy.ts';

/** Price boundaries of the price facet, in CNY fen (10, 50, 200, 1,000 yuan), shown in the
 * tenant's currency rounded to one significant digit. */
const BUCKET_EDGES_FEN = [1_000, 5_000, 20_000, 100_000];

function roundOneSignificant(n: number): number {
  if (n <= 0) return 0;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  return Math.max(1, Math.round(n / magnitude)) * magnitude;
}

/** The price facet's ranges in the tenant's currency, each also in CNY fen for the index. */
export function priceBuckets(book: PriceBook): PriceBucket[] {
  const edges = [
    ...new Set(BUCKET_EDGES_FEN.map((fen) => roundOneSignificant(book.convert(fen).amountMinor))),
  ]
    .filter((e) => e > 0)
    .sort((a, b) => a - b);
  const ranges: { min?: number; max?: number }[] = edges.map((edge, i) => ({
    ...(i > 0 && { min: edges[i - 1] }),
    max: edge - 1,
  }));
  if (edges.length > 0) ranges.push({ min: edges[edges.length - 1] });
  return ranges.map((r) => {
    const fen = book.cnyBounds(r.min, r.max);
    return { key: `${r.min ?? ''}-${r.max ?? ''}`, ...r, ...fen };
  });
}

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
  sort?: (string | number)[];
}

interface Bucket {
  key: string;
  doc_count: number;
}
interface SearchResponseBody {
  hits: { total: { value: number } | number; hits: Hit[] };
  aggregations?: Record<string, { values: { buckets: Bucket[] | Record<string, { doc_count: number }> } }>;
}

export interface SearchHitView {
  offerId: string;
  title: { text: string; lang: Locale; stale: boolean; overridden: boolean };
  image: string;
  price: { from: LocalPrice; to: LocalPrice };
  moq: number;
  unit: { id: string; name: string };
  badges: { id: string; name: string }[];
  belt: { id: string; name: string };
  category: { id: string; name: string; parent: { id: string; name: string } };
  supplierTier: { id: string; name: string };
}

export interface ShapeContext {
  locale: Locale;
  book: PriceBook;
  t: TFunction;
  size: number;
  sort: Sort;
  buckets: PriceBucket[];
  overrides: Map<string, OfferOverride>;
}

/** The title a buyer sees on a result: the tenant's own wording, else the translation in
 * their language (flagged when made from an older Chinese source), else the Chinese. */
function hitTitle(hit: Hit, locale: Locale, override?: OfferOverride): SearchHitView['title'] {
  const own = override?.fields.title?.[locale];
  if (own) return { text: own, lang: locale, stale: false, overridden: true };
  const translated = hit._source.title[locale];
  if (translated)
    return {
      text: translated,
      lang: locale,
      stale: hit._source.staleLocales?.includes(locale) ?? false,
      overridden: false,
    };
  return { text: hit._source.title['zh-CN'] ?? '', lang: 'zh-CN', stale: false, overridden: false };
}

export function shapeHit(hit: Hit, ctx: ShapeContext): SearchHitView {
  const s = hit._source;
  const named = (prefix: string, id: string) => ({ id, name: ctx.t(`catalog:${prefix}_${id}`) });
  return {
    offerId: s.offerId,
    title: hitTitle(hit, ctx.locale, ctx.overrides.get(s.offerId)),
    image: s.image,
    price: { from: ctx.book.convert(s.priceMinFen), to: ctx.book.convert(s.priceMaxFen) },
    moq: s.moq,
    unit: named('unit', s.unit),
    badges: s.badges.map((b) => named('badge', b)),
    belt: named('belt', s.belt),
    category: { ...named('category', s.categoryL2), parent: named('category', s.categoryL1) },
    supplierTier: named('tier', s.supplierTier),
  };
}

export function shapeSearch(body: SearchResponseBody, ctx: ShapeContext) {
  const hits = body.hits.hits;
  const total = typeof body.hits.total === 'number' ? body.hits.total : body.hits.total.value;
  const last = hits[hits.length - 1];
  const terms = (name: string) => {
    const buckets = body.aggregations?.[name]?.values.buckets;
    return Array.isArray(buckets) ? buckets : [];
  };
  const named = (prefix: string) => (b: Bucket) => ({
    id: b.key,
    name: ctx.t(`catalog:${prefix}_${b.key}`),
    count: b.doc_count,
  });
  const priceCounts = body.aggregations?.price?.values.buckets as
    | Record<string, { doc_count: number }>
    | undefined;
  const label = (b: PriceBucket) =>
    b.min === undefined
      ? ctx.t('catalog:price_under', { max: ctx.book.format((b.max ?? 0) + 1) })
      : b.max === undefined
        ? ctx.t('catalog:price_over', { min: ctx.book.format(b.min) })
        : ctx.t('catalog:price_between', { min: ctx.book.format(b.min), max: ctx.book.format(b.max) });
  return {
    total,
    currency: ctx.book.currency,
    hits: hits.map((h) => shapeHit(h, ctx)),
    nextCursor: last?.sort && hits.length === ctx.size ? encodeCursor(ctx.sort, last.sort) : null,
    facets: {
      categories: [
        ...terms('categoryL1')
          .filter((b) => (categoriesL1 as readonly string[]).includes(b.key))
          .map((b) => ({ ...named('category')(b), level: 1 })),
        ...terms('categoryL2').map((b) => ({ ...named('category')(b), level: 2 })),
      ],
      belts: terms('belt').map(named('belt')),
      badges: terms('badges').map(named('badge')),
      price: ctx.buckets
        .map((b) => ({
          ...(b.min !== undefined && { min: b.min }),
          ...(b.max !== undefined && { max: b.max }),
          label: label(b),
          count: priceCounts?.[b.key]?.doc_count ?? 0,
        }))
        .filter((b) => b.count > 0),
    },
  };
}
