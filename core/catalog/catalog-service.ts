import type { TFunction } from 'i18next';
import type { Locale } from '../../locales/index.ts';
import { DomainError } from '../errors.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { PriceBook, PriceBooks } from '../pricing/price-book.ts';
import { withinCuration } from '../tenants/curation.ts';
import { type Tenant, tenantCache } from '../tenants/tenant.ts';
import type { Offer, OfferOverride } from './model.ts';
import { offerView } from './offer-view.ts';
import type { OfferSearch } from './search.ts';
import { type SearchParams, searchCriteria } from './search-query.ts';
import { type PriceBucket, priceBuckets, shapeSearch, typeaheadPhrases } from './search-results.ts';
import { categoriesL1, categoriesL2, categoryTree, parentOf } from './taxonomy.ts';

/** What the catalog's read side needs from the outside. Offer pages need no search index. */
export interface CatalogPorts {
  priceBooks: PriceBooks;
  offers: {
    /** The offer and the tenant's override of it, in one read. */
    getWithOverride(
      tenantId: string,
      offerId: string,
    ): Promise<{ offer: Offer | undefined; override: OfferOverride | undefined }>;
    overridesFor(tenantId: string, offerIds: string[]): Promise<Map<string, OfferOverride>>;
    /** Whether the tenant has ever saved an override (false: a page needs no overrides read). */
    hasOverrides(tenantId: string): Promise<boolean>;
  };
}

export interface CatalogSearchPorts extends CatalogPorts {
  /** The search engine over the offers (core/catalog/search.ts). */
  search: OfferSearch;
}

export interface Reader {
  tenant: Tenant;
  locale: Locale;
}

export interface CatalogSearchOptions {
  /** How long a warm container keeps a tenant's settings (TENANT_CACHE_TTL_MS): the overrides mark too. */
  tenantCacheTtlMs: number;
  now?: () => number;
}

/** Price-facet ranges kept per tenant terms and rate: at most this many sets. */
const MAX_BUCKET_SETS = 256;

/** Search and typeahead over the tenant's curated catalog. */
export function catalogSearch(ports: CatalogSearchPorts, options: CatalogSearchOptions) {
  // Per container: one translator per locale (its names are memoised, search-results.ts), and
  // the price facet's ranges per tenant terms and rate (CNY bounds found by bisection).
  const translators = new Map<Locale, TFunction>();
  const translator = (locale: Locale) => {
    let t = translators.get(locale);
    if (!t) {
      t = translatorFor(locale);
      translators.set(locale, t);
    }
    return t;
  };
  const bucketSets = new Map<string, PriceBucket[]>();
  const bucketsFor = (reader: Reader, book: PriceBook) => {
    const { tenant } = reader;
    const key = JSON.stringify([tenant.id, book.currency, book.locale, book.fx.rate, tenant.pricing]);
    let buckets = bucketSets.get(key);
    if (!buckets) {
      if (bucketSets.size >= MAX_BUCKET_SETS) bucketSets.clear();
      buckets = priceBuckets(book);
      bucketSets.set(key, buckets);
    }
    return buckets;
  };
  // The overrides mark, cached per tenant like every other tenant setting (markup, curation):
  // a partner's first override shows in search within the tenant cache's TTL, as a markup change
  // does; the offer page reads overrides directly and stays exact. A failed read is not cached
  // and counts as "may have overrides", so a page is never shown without them by mistake.
  const marks = tenantCache<boolean>({ ttlMs: () => options.tenantCacheTtlMs, now: options.now });
  const mayHaveOverrides = (tenantId: string): Promise<boolean> =>
    marks(tenantId, (id) => ports.offers.hasOverrides(id)).catch(() => true);
  return {
    async search(reader: Reader, params: SearchParams) {
      const book = await ports.priceBooks.forTenant(reader.tenant, reader.locale);
      const buckets = bucketsFor(reader, book);
      const searched = ports.search.search(
        searchCriteria(params, {
          locale: reader.locale,
          curation: reader.tenant.curation,
          priceFen: book.cnyBounds(params.priceMin, params.priceMax),
          priceRanges: buckets,
        }),
      );
      // Asked once the search is on its way (a cache miss then costs the search nothing).
      const overridden = mayHaveOverrides(reader.tenant.id);
      const page = await searched;
      const ids = page.offers.map((o) => o.offerId);
      const overrides = (await overridden)
        ? await ports.offers.overridesFor(reader.tenant.id, ids)
        : new Map<string, OfferOverride>();
      return shapeSearch(page, {
        locale: reader.locale,
        book,
        t: translator(reader.locale),
        size: params.size,
        sort: params.sort,
        buckets,
        overrides,
      });
    },

    async suggest(reader: Reader, q: string, size: number) {
      const t = translatorFor(reader.locale);
      // Phrases, not whole titles: many offers are asked for, their titles give the phrases.
      const matches = await ports.search.suggest({
        text: q,
        locale: reader.locale,
        curation: reader.tenant.curation,
        size: Math.max(30, size * 5),
      });
      const titles = matches.flatMap((m) =>
        [m.title[reader.locale], m.title['zh-CN']].filter((s) => s !== undefined),
      );
      const queries = typeaheadPhrases(titles, q, reader.locale, size);
      const folded = fold(q);
      const allowed = reader.tenant.curation.categories;
      const categories = [...categoriesL1, ...categoriesL2]
        .filter(
          (id) =>
            allowed.length === 0 ||
            allowed.includes(id) ||
            ((categoriesL2 as readonly string[]).includes(id) &&
              allowed.includes(parentOf[id as (typeof categoriesL2)[number]])),
        )
        .map((id) => ({ id, name: t(`catalog:category_${id}`) }))
        .filter((c) => fold(c.name).includes(folded))
        .slice(0, 5);
      return { queries, categories };
    },
  };
}

/** Offer pages and the category tree: DynamoDB and prices only. */
export function catalogPages(ports: CatalogPorts) {
  return {
    /** The taxonomy as the tenant sells it: level-1 groups with their level-2 categories, localized. */
    categories(reader: Reader) {
      const t = translatorFor(reader.locale);
      const allowed = reader.tenant.curation.categories;
      return {
        categories: categoriesL1
          .map((l1) => ({
            id: l1,
            name: t(`catalog:category_${l1}`),
            children: categoryTree[l1]
              .filter((l2) => allowed.length === 0 || allowed.includes(l1) || allowed.includes(l2))
              .map((l2) => ({ id: l2, name: t(`catalog:category_${l2}`) })),
          }))
          .filter((group) => group.children.length > 0),
      };
    },

    async offer(reader: Reader, offerId: string) {
      const { offer, override } = await ports.offers.getWithOverride(reader.tenant.id, offerId);
      if (!offer || !withinCuration(offer, reader.tenant))
        throw new DomainError('OFFER_NOT_FOUND', { params: { offerId } });
      const book = await ports.priceBooks.forTenant(reader.tenant, reader.locale);
      return offerView(offer, { locale: reader.locale, book, t: translatorFor(reader.locale), override });
    },
  };
}

/** Lowercased, without diacritics (Vietnamese đ included), for matching category names. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
