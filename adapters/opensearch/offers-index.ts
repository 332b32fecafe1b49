/**
 * The offers index of a region, defined once: the local platform, the tests, the catalog
 * import and the deployed domain's bootstrap all create it from this. Queries and bulk
 * writes always go through the alias, so a full reindex builds a new index and swaps the
 * alias with no downtime.
 *
 * Analysers come from the stock distribution (analysis-common):
 * - vi: standard tokens, lowercased, asciifolding that keeps the original too, so
 *   "ao thun nu" and "áo thun nữ" both match "Áo thun nữ";
 * - ko, zh-CN, ja: cjk_bigram over width-normalised text;
 * - en: the English analyser (stemming, possessives, stop words).
 */
export const OFFERS_INDEX_SCHEMA_VERSION = 3;

/** The offers alias, defined once: every region's stack, the local platform and the import use it. */
export const OFFERS_ALIAS = 'offers';

export const textAnalyzerByLocale = {
  'zh-CN': 'cjk_text',
  vi: 'vi_text',
  ko: 'cjk_text',
  ja: 'cjk_text',
  en: 'en_text',
} as const;

/** Vietnamese also gets a `folded` sub-field holding only the unaccented form, so a query
 * with or without diacritics analyses to the same terms and ranks the same. */
const localizedText = Object.fromEntries(
  Object.entries(textAnalyzerByLocale).map(([locale, analyzer]) => [
    locale,
    locale === 'vi'
      ? { type: 'text', analyzer, fields: { folded: { type: 'text', analyzer: 'vi_folded' } } }
      : { type: 'text', analyzer },
  ]),
);

export const offersIndexBody = {
  settings: {
    index: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s', max_result_window: 10_000 },
    analysis: {
      filter: {
        vi_folding: { type: 'asciifolding', preserve_original: true },
        vi_folding_only: { type: 'asciifolding', preserve_original: false },
        cjk_bigrams: { type: 'cjk_bigram', output_unigrams: false },
        en_stemmer: { type: 'stemmer', language: 'english' },
        en_possessive: { type: 'stemmer', language: 'possessive_english' },
        en_stop: { type: 'stop', stopwords: '_english_' },
      },
      analyzer: {
        vi_text: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'vi_folding'] },
        vi_folded: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'vi_folding_only'] },
        cjk_text: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['cjk_width', 'lowercase', 'cjk_bigrams'],
        },
        en_text: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['en_possessive', 'lowercase', 'en_stop', 'en_stemmer'],
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
      supplierId: { type: 'keyword' },
      supplierTier: { type: 'keyword' },
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
