import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import type { PageContext } from '../../storefront/context.ts';
import { homePage } from '../../storefront/pages/catalog.ts';
import { catalog } from '../catalog.ts';
import { searchCatalog } from '../catalog-search.ts';
import { implement } from '../http/route.ts';
import { asPage, htmlAnswer, pageContext } from './page-kit.ts';

const COLLECTION_SIZE = 8;
const browse = { q: '', badges: [], size: COLLECTION_SIZE };

/** The site narrowed to one supplier tier, within its own curation (none when it sells no such tier). */
function withTier(tenant: Tenant, tier: string): Tenant | undefined {
  const allowed = tenant.curation.supplierTiers;
  if (allowed.length > 0 && !allowed.includes(tier)) return undefined;
  return { ...tenant, curation: { ...tenant.curation, supplierTiers: [tier] } };
}

/**
 * The home page's HTML: the site's curated collections — super factories, strict selection, new
 * arrivals (its facets give the origin belts) — searched at once, and the categories it sells.
 */
export async function renderHomePage(
  input: { tenant: Tenant; locale: Locale },
  ctx: PageContext,
): Promise<string> {
  const search = searchCatalog();
  const tiered = async (tier: string) => {
    const tenant = withTier(input.tenant, tier);
    if (!tenant) return { id: tier, hits: [] };
    const page = await search.search({ tenant, locale: input.locale }, { ...browse, sort: 'relevance' });
    return { id: tier, hits: page.hits };
  };
  const [superFactories, strict, newest] = await Promise.all([
    tiered('super_factory'),
    tiered('strict_selection'),
    search.search(input, { ...browse, sort: 'newest' }),
  ]);
  return homePage(ctx, {
    collections: [superFactories, strict, { id: 'new_arrivals', hits: newest.hits }],
    belts: newest.facets.belts,
    categories: catalog().categories({ tenant: input.tenant, locale: input.locale }).categories,
  });
}

/** GET /: the site's curated collections — super factories, strict selection, new arrivals, by origin belt. */
export const handler = implement('page-home', async (request) => {
  const input = asPage(request);
  const ctx = pageContext(input);
  return htmlAnswer(ctx, input.event, await renderHomePage(input, ctx));
});
