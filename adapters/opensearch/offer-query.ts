import { fold } from '../../core/catalog/catalog-service.ts';
import type {
  CurationCountCriteria,
  OfferSearchCriteria,
  SuggestCriteria,
} from '../../core/catalog/search.ts';
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

/** Whether the buyer typed Vietnamese diacritics (then exact-mark matches rank first). */
export function hasMarks(text: string): boolean {
  return fold(text) !== text.toLowerCase();
}

/**
 * Fields a query in each language is matched against, with their weights: the buyer's own
 * language first, the offer's attributes and categories (`keywords`) below it, and the other
 * languages' titles lower still, so a brand or model that only the Chinese or Korean title
 * names is found. Vietnamese matches on the folded field (marks or not); when the buyer typed
 * marks, the exact field is added on top (matchFieldsFor).
 */
export const matchFields: Record<Locale, string[]> = {
  vi: ['title.vi.folded^3', 'keywords.vi.folded^1.2', 'title.en^0.5', 'title.zh-CN^0.5', 'title.ko^0.3'],
  ko: ['title.ko^3', 'keywords.ko^1.2', 'title.en^0.5', 'title.zh-CN^0.5', 'title.vi.folded^0.3'],
  en: ['title.en^3', 'keywords.en^1.2', 'title.vi.folded^0.3', 'title.zh-CN^0.5', 'title.ko^0.5'],
  'zh-CN': ['title.zh-CN^3', 'keywords.zh-CN^1.2', 'title.en^0.5', 'title.ko^0.3', 'title.vi.folded^0.3'],
};

export function matchFieldsFor(locale: Locale, text: string): string[] {
  const fields = matchFields[locale];
  return locale === 'vi' && hasMarks(text) ? ['title.vi^4', 'keywords.vi^1.5', ...fields] : fields;
}

/** The buyer's own title field and its analysers. */
const primary: Record<
  Locale,
  { field: string; keywords: string; split: string; fuzzy?: string[]; uni?: string }
> = {
  vi: {
    field: 'title.vi.folded',
    keywords: 'keywords.vi.folded',
    split: 'vi_split',
    fuzzy: ['title.vi.folded', 'keywords.vi.folded'],
  },
  en: { field: 'title.en', keywords: 'keywords.en', split: 'en_split', fuzzy: ['title.en', 'keywords.en'] },
  ko: { field: 'title.ko', keywords: 'keywords.ko', split: 'cjk_split', uni: 'title.ko.uni' },
  'zh-CN': { field: 'title.zh-CN', keywords: 'keywords.zh-CN', split: 'cjk_split', uni: 'title.zh-CN.uni' },
};

/** Below 2 terms all are needed; up to 4 all but one; beyond, 60 %: partial matches admitted.
 * Korean and Chinese count bigrams (four for a four-character word), so half of them do. */
const PARTIAL = '1<-1 4<60%';
const PARTIAL_CJK = '1<-1 3<50%';
/** Characters beyond which a text is matched by the lean query (textQuery). */
export const LONG_QUERY = 40;

/**
 * How much of the text a candidate must match: by default enough words (PARTIAL); `full`
 * every word; `relaxed` any one word, with more typos.
 */
export interface MatchOptions {
  full?: boolean;
  relaxed?: boolean;
}

/**
 * Full matches enough to answer with them alone. Scoring every partial match is what makes a
 * short query slow on a large catalog ("giay the thao" partially matches a third of 100k offers,
 * ~4× the time of its 4k full matches), and past this many full matches the partial ones rank
 * below them anyway: they are admitted only where full matches are few (offer-search.ts).
 */
export const FULL_MATCHES_ENOUGH = 50;

/** Whether a text gets the full-match query first (a long, pasted text gets the lean one only). */
export const asksFullMatchFirst = (text: string | undefined): text is string =>
  text !== undefined && text !== '' && [...text].length <= LONG_QUERY;

/**
 * The text query. Candidates match enough of the words in some field (synonyms applied at
 * search time), or match with a typo on a Latin-script field, or match a model number written
 * together; full matches, phrase matches and (when the buyer typed them) exact diacritics add
 * on top, so partial matches rank below full ones.
 */
export function textQuery(
  locale: Locale,
  text: string,
  options: MatchOptions = {},
): { recall: Clause; rank: Clause[] } {
  const p = primary[locale];
  // A long text (a pasted title: up to 200 CJK characters analyse to ~200 bigrams) is matched
  // on the buyer's own title and keywords only, so the query stays under the engine's clause
  // limit (1,024); buyers' own queries are short and get every clause.
  if ([...text].length > LONG_QUERY)
    return {
      recall: {
        multi_match: { query: text, fields: [`${p.field}^3`, p.keywords], minimum_should_match: PARTIAL },
      },
      rank: [{ match_phrase: { [p.field]: { query: text, slop: 2 } } }],
    };
  const fields = matchFieldsFor(locale, text);
  // The full-match query needs every word as typed; the relaxed one (asked only when
  // nothing matched) any one word, with more typos.
  const enough = options.full ? '100%' : options.relaxed ? '1' : p.uni ? PARTIAL_CJK : PARTIAL;
  const recall: Clause[] = [
    {
      multi_match: {
        query: text,
        fields,
        type: 'best_fields',
        tie_breaker: 0.3,
        minimum_should_match: enough,
      },
    },
    { match: { [p.field]: { query: text, analyzer: p.split, minimum_should_match: enough } } },
  ];
  // Typos only where full matches are few: the full-match query (asked first) matches the words
  // as typed, and a misspelt query, matching few offers fully, gets the partial query with typo
  // tolerance next. Fuzzy Vietnamese syllables were ~12 % of OpenSearch's time for the mix.
  if (p.fuzzy && !options.full)
    recall.push({
      multi_match: {
        query: text,
        fields: options.relaxed ? [...p.fuzzy, 'title.en', 'keywords.en'] : p.fuzzy,
        analyzer: locale === 'vi' ? 'vi_folded_plain' : 'en_plain',
        fuzziness: options.relaxed ? 'AUTO' : 'AUTO:4,7',
        prefix_length: options.relaxed ? 0 : 1,
        minimum_should_match: enough,
        boost: 0.4,
      },
    });
  if (p.uni)
    recall.push({
      match: {
        [p.uni]: { query: text, minimum_should_match: options.full ? '100%' : PARTIAL_CJK, boost: 0.3 },
      },
    });
  const rank: Clause[] = [
    {
      multi_match: {
        query: text,
        fields: [p.field, ...(locale === 'vi' && hasMarks(text) ? ['title.vi'] : [])],
        operator: 'and',
        boost: 2,
      },
    },
    { match_phrase: { [p.field]: { query: text, slop: 2, boost: 1 } } },
    // every word somewhere in the title or the attributes ("tai nghe" + brand Huawei)
    {
      multi_match: {
        query: text,
        type: 'cross_fields',
        fields: [p.field, p.keywords],
        operator: 'and',
        boost: 1,
      },
    },
  ];
  if (locale === 'vi' && hasMarks(text)) rank.push({ match: { 'title.vi': { query: text, boost: 2 } } });
  return { recall: { bool: { should: recall, minimum_should_match: 1 } }, rank };
}

/**
 * Ranking signals a B2B buyer trusts, as small multipliers of the text score (together at
 * most ×1.15), so they order offers that match alike and never lift a partial match over a
 * full one: supplier tier, service badges, response rate and stock, combined into the
 * document's `rankSignal` when it is built (offer-document.ts), plus recency (up to 0.02),
 * which moves with the clock. Two functions per matching document, not one per signal.
 */
export const rankingSignals: Clause[] = [
  { field_value_factor: { field: 'rankSignal', missing: 1 } },
  { gauss: { createdAt: { origin: 'now', scale: '180d', decay: 0.5 } }, weight: 0.02 },
];

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
 * next to a value is exactly what selecting that value returns. A facet with no filter to
 * count under is a plain aggregation (no `filter` wrapper around it); level-1 categories are
 * not aggregated at all: every offer's level-1 category is its level-2 category's parent, so
 * their counts are the sums of the level-2 counts (offer-results.ts).
 */
export function buildSearchBody(criteria: OfferSearchCriteria, options: MatchOptions = {}): Clause {
  const { locale, curation } = criteria;
  const filters = buyerFilters(criteria);
  const text = criteria.text ? textQuery(locale, criteria.text, options) : undefined;
  // Browsing (no text): the buyer's filters go into the query, so hits and every facet that
  // counts under all of them are collected over the filtered offers only, and a facet whose own
  // dimension is filtered counts over the whole index (`global`) under the curation and the
  // other filters — filters alone, cheap without a text query to run twice. Collecting a whole
  // category (a third of the catalog) into four aggregations was most of a browse's time.
  const browse = text === undefined;
  const facet = (except: Dimension | undefined, agg: Clause) => {
    if (browse) {
      if (except === undefined || !filters.has(except)) return agg;
      const under = [...curationFilters(curation), ...allExcept(filters, except)];
      return { global: {}, aggs: { values: { filter: { bool: { filter: under } }, aggs: { values: agg } } } };
    }
    const under = allExcept(filters, except);
    return under.length === 0 ? agg : { filter: { bool: { filter: under } }, aggs: { values: agg } };
  };
  return {
    size: criteria.size,
    track_total_hits: true,
    query: {
      function_score: {
        query: {
          bool: {
            must: text ? [text.recall] : [],
            should: text?.rank ?? [],
            filter: browse
              ? [...curationFilters(curation), ...allExcept(filters)]
              : curationFilters(curation),
          },
        },
        functions: rankingSignals,
        score_mode: 'sum',
        boost_mode: 'multiply',
      },
    },
    ...(!browse && { post_filter: { bool: { filter: allExcept(filters) } } }),
    sort: sortClauses(criteria.sort),
    ...(criteria.after && { search_after: criteria.after }),
    _source: sourceFields(locale),
    aggs: {
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

/**
 * The bodies the search port sends for a criteria, in order: full matches first where the text
 * is short enough (asksFullMatchFirst), then the default (partial) match. The port answers with
 * the first whose total reaches FULL_MATCHES_ENOUGH, else with the last; bench/search.ts sends
 * the same bodies straight to OpenSearch, so its raw side always asks what the port asks.
 */
export function searchBodies(criteria: OfferSearchCriteria): Clause[] {
  return asksFullMatchFirst(criteria.text)
    ? [buildSearchBody(criteria, { full: true }), buildSearchBody(criteria)]
    : [buildSearchBody(criteria)];
}

/** Where a "did you mean" comes from: the buyer's own title words, unstemmed. */
const spellingField: Partial<Record<Locale, string>> = { vi: 'title.vi', en: 'title.en.plain' };

/**
 * A spelling suggestion for a query that found nothing: each word replaced by the closest
 * word of the titles in the buyer's language (Latin-script languages only; null otherwise).
 */
export function buildDidYouMeanBody(
  criteria: Pick<OfferSearchCriteria, 'text' | 'locale'>,
): Clause | undefined {
  const field = spellingField[criteria.locale];
  if (!field) return undefined;
  return {
    size: 0,
    suggest: {
      text: criteria.text,
      words: { term: { field, suggest_mode: 'missing', min_word_length: 3, prefix_length: 0, max_edits: 2 } },
    },
  };
}

/**
 * The console's curation count: how many listed offers a curation selects (exact, not capped
 * at 10,000) and the best-ranked few of them as samples. No text, no facets, no sort beyond rank.
 */
export function buildCountBody(criteria: CurationCountCriteria): Clause {
  return {
    size: criteria.size,
    track_total_hits: true,
    query: {
      function_score: {
        query: { bool: { filter: curationFilters(criteria.curation) } },
        functions: rankingSignals,
        score_mode: 'sum',
        boost_mode: 'replace',
      },
    },
    _source: sourceFields(criteria.locale),
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
