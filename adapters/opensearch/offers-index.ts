import { fold } from '../../core/catalog/catalog-service.ts';
import { brandSynonyms } from './synonyms/brands.ts';
import { enSynonyms } from './synonyms/en.ts';
import { koSynonyms } from './synonyms/ko.ts';
import { viSynonyms } from './synonyms/vi.ts';
import { zhSynonyms } from './synonyms/zh-CN.ts';

/**
 * The offers index of a region, defined once: the local platform, the tests, the catalog
 * import and the deployed domain's bootstrap all create it from this. Queries and bulk
 * writes always go through the alias, so a full reindex builds a new index and swaps the
 * alias with no downtime.
 *
 * Analysers come from the stock distribution (analysis-common), which both the local node and
 * Amazon OpenSearch Service run; no plugin (nori, smartcn, ICU) is needed:
 * - every language: the standard tokenizer, lowercase, and at index time a word delimiter
 *   that splits letters from digits but keeps the original ("iPhone16Pro" is indexed as
 *   iphone16pro, iphone, 16, pro), so model numbers match written together or apart;
 * - vi: the exact field keeps the diacritics (bát ≠ bạt), the `folded` sub-field holds only
 *   the unaccented form, so a buyer who types no marks still finds everything;
 * - ko, zh-CN, ja: cjk_bigram over width-normalised text, plus a `uni` sub-field of single
 *   characters so a one-syllable word (컵, 碗) matches inside a longer one (머그컵);
 * - en: the English analyser (possessives, stop words, stemming);
 * - search time only: synonym_graph filters per language plus brand names across scripts
 *   (adapters/opensearch/synonyms/), `updateable`, so changing them needs no reindex.
 * `keywords.<locale>` holds the offer's attribute values (brand, material, model, voltage …)
 * and its category names, searched below the titles.
 */
export const OFFERS_INDEX_SCHEMA_VERSION = 5;

/** The offers alias, defined once: every region's stack, the local platform and the import use it. */
export const OFFERS_ALIAS = 'offers';

export const textAnalyzerByLocale = {
  'zh-CN': 'cjk_index',
  vi: 'vi_index',
  ko: 'cjk_index',
  ja: 'cjk_index',
  en: 'en_index',
} as const;

/** The search analyser with synonyms of each locale's field. */
export const searchAnalyzerByLocale = {
  'zh-CN': 'zh_search',
  vi: 'vi_search',
  ko: 'ko_search',
  ja: 'ja_search',
  en: 'en_search',
} as const;

/** Search analysers without synonyms but with the word delimiter, for model numbers typed together. */
export const splitAnalyzerByLocale = {
  'zh-CN': 'cjk_split',
  vi: 'vi_split',
  ko: 'cjk_split',
  ja: 'cjk_split',
  en: 'en_split',
} as const;

function localizedField(locale: keyof typeof textAnalyzerByLocale) {
  const base = {
    type: 'text',
    analyzer: textAnalyzerByLocale[locale],
    search_analyzer: searchAnalyzerByLocale[locale],
  };
  if (locale === 'vi')
    return {
      ...base,
      fields: { folded: { type: 'text', analyzer: 'vi_folded_index', search_analyzer: 'vi_folded_search' } },
    };
  if (locale === 'en') return { ...base, fields: { plain: { type: 'text', analyzer: 'latin_plain' } } };
  return {
    ...base,
    fields: { uni: { type: 'text', analyzer: 'cjk_uni_index', search_analyzer: 'cjk_uni_search' } },
  };
}

const localizedText = Object.fromEntries(
  (Object.keys(textAnalyzerByLocale) as (keyof typeof textAnalyzerByLocale)[]).map((locale) => [
    locale,
    localizedField(locale),
  ]),
);

const synonymFilter = (groups: string[]) => ({
  type: 'synonym_graph',
  synonyms: [...groups, ...brandSynonyms],
  updateable: true,
});

/** The synonym filters, inline (Amazon OpenSearch Service reads files only from packages). */
export function synonymFilters() {
  return {
    vi_synonyms: synonymFilter(viSynonyms),
    vi_synonyms_folded: synonymFilter(viSynonyms.map(fold)),
    en_synonyms: synonymFilter(enSynonyms),
    ko_synonyms: synonymFilter(koSynonyms),
    zh_synonyms: synonymFilter(zhSynonyms),
    ja_synonyms: synonymFilter([]),
  };
}

const split = {
  type: 'word_delimiter_graph',
  split_on_case_change: false,
  split_on_numerics: true,
  preserve_original: true,
  stem_english_possessive: false,
};
const indexSplit = ['split', 'flatten_graph'];

export const offersIndexBody = {
  settings: {
    index: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s', max_result_window: 10_000 },
    analysis: {
      filter: {
        split,
        vi_folding_only: { type: 'asciifolding', preserve_original: false },
        cjk_bigrams: { type: 'cjk_bigram', output_unigrams: false },
        cjk_unigrams: { type: 'cjk_bigram', output_unigrams: true },
        en_stemmer: { type: 'stemmer', language: 'english' },
        en_possessive: { type: 'stemmer', language: 'possessive_english' },
        en_stop: { type: 'stop', stopwords: '_english_' },
        ...synonymFilters(),
      },
      analyzer: {
        vi_index: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', ...indexSplit] },
        vi_search: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'vi_synonyms'] },
        vi_split: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'split'] },
        vi_folded_index: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['lowercase', ...indexSplit, 'vi_folding_only'],
        },
        vi_folded_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['lowercase', 'vi_folding_only', 'vi_synonyms_folded'],
        },
        vi_folded_plain: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'vi_folding_only'] },
        cjk_index: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', ...indexSplit, 'cjk_bigrams'],
        },
        ko_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', 'cjk_bigrams', 'ko_synonyms'],
        },
        zh_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', 'cjk_bigrams', 'zh_synonyms'],
        },
        ja_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', 'cjk_bigrams', 'ja_synonyms'],
        },
        cjk_split: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', 'split', 'cjk_bigrams'],
        },
        cjk_uni_index: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', 'cjk_unigrams'],
        },
        cjk_uni_search: { type: 'custom', tokenizer: 'standard', filter: ['cjk_width', 'lowercase'] },
        en_index: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['en_possessive', 'lowercase', ...indexSplit, 'en_stop', 'en_stemmer'],
        },
        en_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['en_possessive', 'lowercase', 'en_stop', 'en_synonyms', 'en_stemmer'],
        },
        latin_plain: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
        en_plain: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['en_possessive', 'lowercase', 'en_stop', 'en_stemmer'],
        },
        en_split: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['en_possessive', 'lowercase', 'split', 'en_stop', 'en_stemmer'],
        },
      },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      offerId: { type: 'keyword' },
      version: { type: 'long' },
      title: { properties: localizedText },
      /** Attribute values and category names per locale, searched below the titles. */
      keywords: { properties: localizedText },
      supplierId: { type: 'keyword' },
      supplierTier: { type: 'keyword' },
      /** Share of inquiries the supplier answers within 24h, in whole percent. */
      /** Tier, stock, response rate and badges as one ranking multiplier (offer-document.ts). */
      rankSignal: { type: 'float' },
      badges: { type: 'keyword' },
      belt: { type: 'keyword' },
      categoryL1: { type: 'keyword' },
      categoryL2: { type: 'keyword' },
      /** Prices in CNY fen (minor units); a tenant's price filter is converted to CNY bounds. */
      priceMinFen: { type: 'long' },
      priceMaxFen: { type: 'long' },
      moq: { type: 'integer' },
      unit: { type: 'keyword', index: false },
      image: { type: 'keyword', index: false },
      listed: { type: 'boolean' },
      createdAt: { type: 'date' },
      updatedAt: { type: 'date' },
      /** Locales whose title translation was made from an older Chinese source. */
      staleLocales: { type: 'keyword' },
    },
  },
} as const;
