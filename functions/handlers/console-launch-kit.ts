import { DynamoDraftStore } from '../../adapters/dynamodb/tenant-draft-store.ts';
import { openSearchOffers } from '../../adapters/opensearch/offer-search.ts';
import { type DraftService, draftService } from '../../core/tenants/drafts.ts';
import { type LaunchPreviews, launchPreviews } from '../../core/tenants/preview.ts';
import type { Services } from '../composition.ts';
import { searchTransport } from '../search-client.ts';

/**
 * The launch flow's services, built once per container from the shared services (the tenant
 * store, the price books, the offer store) and, for the curation count, the search transport.
 */
const built = new WeakMap<Services, { drafts: DraftService; previews: LaunchPreviews }>();

function launch(services: Services) {
  let found = built.get(services);
  if (!found) {
    found = {
      drafts: draftService({
        tenants: services.tenantRepository,
        drafts: new DynamoDraftStore(services.db, services.config.TABLE_NAME),
      }),
      previews: launchPreviews({
        priceBooks: services.priceBooks,
        offers: services.offers,
        search: openSearchOffers(searchTransport(), services.config.OFFERS_ALIAS),
      }),
    };
    built.set(services, found);
  }
  return found;
}

/** Drafts, publish and rebase of a tenant's config. */
export const launchDrafts = (services: Services): DraftService => launch(services).drafts;
/** The live price preview and curation count. */
export const previewsOf = (services: Services): LaunchPreviews => launch(services).previews;
