import type { Locale } from '../../locales/index.ts';
import type { Curation } from '../tenants/tenant.ts';
import type { SearchPosition, Sort } from './search-query.ts';
import type { Badge, Belt } from './taxonomy.ts';

/**
 * The search port: what the catalog asks of a search engine, in the catalog's own words.
 * Criteria go in (text, locale, the tenant's curation, the buyer's filters with prices as
 * CNY fen bounds, sort, the position to resume after, page size); offer summaries, facet
 * counts and the position of the page's last offer come back. Which engine answers, and
 * how it is asked, is the adapter's business (adapters/opensearch/offer-search.ts); the
 * storefront pages and the API share this port.
 */
export interface OfferSearch {
  search(criteria: OfferSearchCriteria): Promise<OfferSearchPage>;
  /** Offers whose title words start with the text typed, best first, under the curation. */
  suggest(criteria: SuggestCriteria): Promise<OfferTitleMatch[]>;
  /**
   * How many listed offers a curation selects, with the first `size` of them (best ranked): a
   * count query, for the console's live curation count.
   */
  count(criteria: CurationCountCriteria): Promise<CurationCount>;
}

export interface CurationCountCriteria {
  locale: Locale;
  curation: Curation;
  /** How many sample offers to return with the count. */
  size: number;
}

export interface CurationCount {
  total: number;
  offers: OfferSummary[];
}

/** A price range of the price facet: inclusive CNY fen bounds (absent = open), under a key. */
export interface PriceRangeFen {
  key: string;
  minFen?: number;
  maxFen?: number;
}

/** What the buyer narrowed the results to (the curation is applied besides, always). */
export interface SearchFilters {
  /** A level-1 or level-2 category id. */
  category?: string;
  belt?: Belt;
  /** All of them (AND). */
  badges: Badge[];
  moqMax?: number;
  /** The buyer's local price bounds converted to CNY fen, inclusive; on the offer's lowest price. */
  priceFen: { minFen?: number; maxFen?: number };
}

export interface OfferSearchCriteria {
  /** Free text in the buyer's language (or Chinese); '' browses. */
  text: string;
  locale: Locale;
  curation: Curation;
  filters: SearchFilters;
  /** The ranges the price facet counts. */
  priceRanges: PriceRangeFen[];
  sort: Sort;
  /** Resume after this position (from the previous page's last offer). */
  after?: SearchPosition;
  size: number;
}

export interface SuggestCriteria {
  text: string;
  locale: Locale;
  curation: Curation;
  /** How many offers to return. */
  size: number;
}

/** What a result card needs of an offer; the full offer stays in the offer store. */
export interface OfferSummary {
  offerId: string;
  /** The Chinese original and the translations the offer has. */
  title: Partial<Record<Locale, string>>;
  /** Locales whose title translation was made from an older Chinese source. */
  staleLocales: string[];
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
}

export interface FacetCount {
  value: string;
  count: number;
}

/**
 * One page of results. Each facet counts under every buyer filter except its own dimension
 * (badges, which combine with AND, under all of them), so a count is what selecting it returns.
 */
export interface OfferSearchPage {
  total: number;
  offers: OfferSummary[];
  /** Where the last offer of this page stands in the sort order (absent on an empty page). */
  last?: SearchPosition;
  /** The text matched nothing as typed: these offers answer a looser query. */
  relaxed?: boolean;
  /** A spelling the catalog knows, when the text as typed matched nothing. */
  didYouMean?: string;
  facets: {
    categoriesL1: FacetCount[];
    categoriesL2: FacetCount[];
    belts: FacetCount[];
    badges: FacetCount[];
    /** Count per price range key. */
    priceRanges: Record<string, number>;
  };
}

export interface OfferTitleMatch {
  offerId: string;
  title: Partial<Record<Locale, string>>;
}
