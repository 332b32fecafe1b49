import type { TFunction } from 'i18next';
import type { Locale } from '../../locales/index.ts';
import type { LocalPrice, PriceBook } from '../pricing/price-book.ts';
import type { OfferOverride } from './model.ts';
import type { FacetCount, OfferSearchPage, OfferSummary, PriceRangeFen } from './search.ts';
import { encodeCursor, type Sort } from './search-query.ts';
import { categoriesL1 } from './taxonomy.ts';

/** A range of the price facet in the tenant's currency (local minor units, inclusive; absent =
 * open), with the same range in CNY fen as the search port takes it. */
export interface PriceBucket extends PriceRangeFen {
  min?: number;
  max?: number;
}

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
function hitTitle(offer: OfferSummary, locale: Locale, override?: OfferOverride): SearchHitView['title'] {
  const own = override?.fields.title?.[locale];
  if (own) return { text: own, lang: locale, stale: false, overridden: true };
  const translated = offer.title[locale];
  if (translated)
    return { text: translated, lang: locale, stale: offer.staleLocales.includes(locale), overridden: false };
  return { text: offer.title['zh-CN'] ?? '', lang: 'zh-CN', stale: false, overridden: false };
}

/**
 * The localized names of taxonomy ids (units, badges, belts, categories, tiers) by translator:
 * the same few dozen keys recur on every page of results, and a lookup through i18next costs
 * more than the rest of a hit's shaping (a CPU profile of the search API: 15 % of its time).
 * The catalog namespace is bundled and never changes at run time, so a name, once looked up,
 * stays. Keyed by the translator, so a translator made for one request is collected with it.
 */
const nameCache = new WeakMap<TFunction, Map<string, string>>();

function taxonomyNames(t: TFunction): (prefix: string, id: string) => string {
  let names = nameCache.get(t);
  if (!names) {
    names = new Map();
    nameCache.set(t, names);
  }
  const cache = names;
  return (prefix, id) => {
    const key = `catalog:${prefix}_${id}`;
    let name = cache.get(key);
    if (name === undefined) {
      name = t(key);
      cache.set(key, name);
    }
    return name;
  };
}

export function shapeHit(s: OfferSummary, ctx: ShapeContext): SearchHitView {
  const nameOf = taxonomyNames(ctx.t);
  const named = (prefix: string, id: string) => ({ id, name: nameOf(prefix, id) });
  return {
    offerId: s.offerId,
    title: hitTitle(s, ctx.locale, ctx.overrides.get(s.offerId)),
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

/** The price facet's labels per range set (kept per tenant terms, catalog-service.ts) and
 * translator: formatting them on every search was most of the shaping's time. */
const labelCache = new WeakMap<readonly PriceBucket[], WeakMap<TFunction, Map<PriceBucket, string>>>();

function priceLabels(ctx: ShapeContext): Map<PriceBucket, string> {
  let byT = labelCache.get(ctx.buckets);
  if (!byT) {
    byT = new WeakMap();
    labelCache.set(ctx.buckets, byT);
  }
  let labels = byT.get(ctx.t);
  if (!labels) {
    const { t, book } = ctx;
    labels = new Map(
      ctx.buckets.map((b) => [
        b,
        b.min === undefined
          ? t('catalog:price_under', { max: book.format((b.max ?? 0) + 1) })
          : b.max === undefined
            ? t('catalog:price_over', { min: book.format(b.min) })
            : t('catalog:price_between', { min: book.format(b.min), max: book.format(b.max) }),
      ]),
    );
    byT.set(ctx.t, labels);
  }
  return labels;
}

/** A page of the search port's results as the buyer sees it: localized names, prices in the
 * tenant's currency, the tenant's own titles, and an opaque cursor to the next page. */
export function shapeSearch(page: OfferSearchPage, ctx: ShapeContext) {
  const nameOf = taxonomyNames(ctx.t);
  const named = (prefix: string) => (f: FacetCount) => ({
    id: f.value,
    name: nameOf(prefix, f.value),
    count: f.count,
  });
  const labels = priceLabels(ctx);
  return {
    total: page.total,
    currency: ctx.book.currency,
    hits: page.offers.map((o) => shapeHit(o, ctx)),
    nextCursor: page.last && page.offers.length === ctx.size ? encodeCursor(ctx.sort, page.last) : null,
    relaxed: page.relaxed ?? false,
    didYouMean: page.didYouMean ?? null,
    facets: {
      categories: [
        ...page.facets.categoriesL1
          .filter((f) => (categoriesL1 as readonly string[]).includes(f.value))
          .map((f) => ({ ...named('category')(f), level: 1 })),
        ...page.facets.categoriesL2.map((f) => ({ ...named('category')(f), level: 2 })),
      ],
      belts: page.facets.belts.map(named('belt')),
      badges: page.facets.badges.map(named('badge')),
      price: ctx.buckets
        .map((b) => ({
          ...(b.min !== undefined && { min: b.min }),
          ...(b.max !== undefined && { max: b.max }),
          label: labels.get(b)!,
          count: page.facets.priceRanges[b.key] ?? 0,
        }))
        .filter((b) => b.count > 0),
    },
  };
}

/** Lowercased, without diacritics (Vietnamese đ included), for comparing what was typed. */
const foldWord = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');

/** Words of a title and where a phrase must stop (after a comma, before a dash or slash). */
function titleWords(title: string): { word: string; stop: boolean }[] {
  const out: { word: string; stop: boolean }[] = [];
  for (const raw of title.split(/\s+/)) {
    if (/^[-–—/|·,]+$/.test(raw)) {
      if (out.length > 0) out[out.length - 1]!.stop = true;
      continue;
    }
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+.]+$/gu, '');
    if (word) out.push({ word, stop: /[,;:]$/.test(raw) });
  }
  return out;
}

/**
 * The phrase a title offers for what the buyer is typing: the words typed (the last one as a
 * prefix) found in the title, carried on by the next word of the same keyword group —
 * "tai ng" in "Tai nghe bluetooth không dây chống ồn" gives "tai nghe bluetooth".
 * Chinese titles are stacked keyword groups without spaces: the group holding the text.
 */
export function typeaheadPhrase(title: string, typed: string, locale: Locale): string | undefined {
  const q = typed.trim();
  if (!q) return undefined;
  if (locale === 'zh-CN' || /^[\p{Script=Han}]/u.test(q)) {
    const group = title.split(/\s+/).find((g) => g.toLowerCase().includes(q.toLowerCase()));
    if (!group) return undefined;
    return group.slice(group.toLowerCase().indexOf(q.toLowerCase())).slice(0, 12);
  }
  const words = titleWords(title);
  const want = q.split(/\s+/).map(foldWord);
  const folded = words.map((w) => foldWord(w.word));
  for (let i = 0; i + want.length <= words.length; i++) {
    const fits = want.every((w, k) =>
      k === want.length - 1 ? folded[i + k]!.startsWith(w) : folded[i + k] === w && !words[i + k]!.stop,
    );
    if (!fits) continue;
    let end = i + want.length - 1;
    if (!words[end]!.stop && end + 1 < words.length) end++;
    return words
      .slice(i, end + 1)
      .map((w) => w.word)
      .join(' ')
      .toLocaleLowerCase(locale);
  }
  return undefined;
}

/** Typeahead phrases from the titles of matching offers, the most common first. */
export function typeaheadPhrases(titles: string[], typed: string, locale: Locale, size: number): string[] {
  const counts = new Map<string, number>();
  for (const title of titles) {
    const phrase = typeaheadPhrase(title, typed, locale);
    if (phrase) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
    .slice(0, size)
    .map(([phrase]) => phrase);
}
