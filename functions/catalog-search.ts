import { openSearchOffers } from '../adapters/opensearch/offer-search.ts';
import { catalogSearch } from '../core/catalog/catalog-service.ts';
import { services } from './composition.ts';
import { searchTransport } from './search-client.ts';

let current: ReturnType<typeof catalogSearch> | undefined;

/** Search and typeahead, wired once per container from the shared services and the search transport. */
export function searchCatalog(): ReturnType<typeof catalogSearch> {
  if (!current) {
    const s = services();
    current = catalogSearch(
      {
        priceBooks: s.priceBooks,
        offers: s.offers,
        search: openSearchOffers(searchTransport(), s.config.OFFERS_ALIAS),
      },
      { tenantCacheTtlMs: s.config.TENANT_CACHE_TTL_MS },
    );
  }
  return current;
}
