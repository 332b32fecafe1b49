import { openSearchOffers } from '../../adapters/opensearch/offer-search.ts';
import type { ConsoleContext } from '../../console/context.ts';
import type { ConsoleView } from '../../console/layout.ts';
import {
  type TranslationsQuery,
  translationsPage,
  type WordingProblem,
} from '../../console/pages/translations.ts';
import { type OfferOverrides, offerOverrides, wordingSearch } from '../../core/catalog/overrides.ts';
import type { Principal } from '../../core/tenants/admin-auth.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Services } from '../composition.ts';
import { searchTransport } from '../search-client.ts';

/**
 * The translations page's services, built once per container from the shared offer store and
 * the storefront's search port (core/catalog/overrides.ts: the admin API's rules too).
 */
const built = new WeakMap<
  Services,
  { overrides: OfferOverrides; search: ReturnType<typeof wordingSearch> }
>();

export function wordings(services: Services) {
  let found = built.get(services);
  if (!found) {
    found = {
      overrides: offerOverrides({ offers: services.offers }),
      search: wordingSearch({
        offers: services.offers,
        search: openSearchOffers(searchTransport(), services.config.OFFERS_ALIAS),
      }),
    };
    built.set(services, found);
  }
  return found;
}

/** The list's query from the page's query string. */
export function listQuery(query: { q?: string; stale?: string; cursor?: string }): TranslationsQuery {
  return {
    q: query.q ?? '',
    staleOnly: query.stale === '1',
    ...(query.cursor && { cursor: query.cursor }),
  };
}

/** The page for a query; a refused form's offer is shown first when the page does not hold it. */
export async function translationsView(
  services: Services,
  ctx: ConsoleContext,
  principal: Principal,
  tenant: Tenant,
  query: TranslationsQuery,
  state: { saved?: string; problem?: WordingProblem } = {},
): Promise<ConsoleView> {
  const { search, overrides } = wordings(services);
  const page = await search.list(principal, tenant, ctx.locale, query);
  const problem = state.problem;
  if (problem && !page.offers.some((o) => o.offerId === problem.offerId))
    page.offers.unshift(await overrides.one(principal, tenant, problem.offerId));
  return translationsPage(ctx, tenant.id, query, page, state);
}
