import { sitemapXml } from '../../storefront/seo.ts';
import { catalog } from '../catalog.ts';
import { searchCatalog } from '../catalog-search.ts';
import { publicFor } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { pageContext } from './page-kit.ts';

/** GET /sitemap.xml: home, the categories the site sells and its newest offers, in every locale. */
export const handler = implement('page-sitemap', async (input) => {
  const categories = catalog().categories(input).categories;
  const newest = await searchCatalog().search(input, { q: '', badges: [], sort: 'newest', size: 50 });
  const paths = [
    '/',
    ...categories.flatMap((c) => [`/c/${c.id}`, ...c.children.map((k) => `/c/${k.id}`)]),
    ...newest.hits.map((h) => `/offers/${encodeURIComponent(h.offerId)}`),
  ];
  return {
    headers: { 'content-type': 'application/xml; charset=utf-8', ...publicFor(3600) },
    text: sitemapXml(pageContext(input).origin, input.tenant, paths),
  };
});
