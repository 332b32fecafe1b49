import { homePage } from '../../storefront/pages/catalog.ts';
import { catalog } from '../catalog.ts';
import { searchCatalog } from '../catalog-search.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { principalOf } from './console-kit.ts';
import { launchDrafts } from './console-launch-kit.ts';
import { htmlAnswer, pageContext } from './page-kit.ts';

/**
 * GET /tenants/{tenantId}/launch/preview/home: the storefront's home page as the draft would
 * render it (brand, language, currency, curation), through the storefront's own page code.
 */
export const handler = implement('console-launch-preview-home', async (input) => {
  const { draft } = await launchDrafts(input.services).get(principalOf(input), input.params.tenantId);
  const tenant = draft.config;
  const reader = { tenant, locale: tenant.defaultLocale, event: input.event };
  const page = await searchCatalog().search(reader, { q: '', badges: [], size: 8, sort: 'newest' });
  const ctx = pageContext(reader);
  const body = homePage(ctx, {
    collections: [{ id: 'new_arrivals', hits: page.hits }],
    belts: page.facets.belts,
    categories: catalog().categories(reader).categories,
  });
  return htmlAnswer(ctx, input.event, body, { cache: noStore });
});
