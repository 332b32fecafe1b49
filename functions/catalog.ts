import { offerSearcher } from '../adapters/opensearch/offer-search.ts';
import { catalogService } from '../core/catalog/catalog-service.ts';
import { services } from './composition.ts';
import { searchTransport } from './search-client.ts';

let current: ReturnType<typeof catalogService> | undefined;

/** The catalog's read side, wired once per container from the shared services. */
export function catalog(): ReturnType<typeof catalogService> {
  if (!current) {
    const s = services();
    current = catalogService({
      priceBooks: s.priceBooks,
      searchIndex: offerSearcher(searchTransport(), s.config.OFFERS_ALIAS),
      offers: s.offers,
    });
  }
  return current;
}
