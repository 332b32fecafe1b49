import { robotsTxt } from '../../storefront/seo.ts';
import { publicFor } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { pageContext } from './page-kit.ts';

/** GET /robots.txt: per site, pointing at its own sitemap. */
export const handler = implement('page-robots', async (input) => ({
  headers: { 'content-type': 'text/plain; charset=utf-8', ...publicFor(3600) },
  text: robotsTxt(pageContext(input).origin),
}));
