/** Storefront pages and their assets, rendered per tenant. */

import { handler as pageCategory } from '../handlers/page-category.ts';
import { handler as pageHome } from '../handlers/page-home.ts';
import { storefrontErrorPage } from '../handlers/page-kit.ts';
import { handler as pageNotFound } from '../handlers/page-not-found.ts';
import { handler as pageOffer } from '../handlers/page-offer.ts';
import { handler as pageRobots } from '../handlers/page-robots.ts';
import { handler as pageSearch } from '../handlers/page-search.ts';
import { handler as pageSitemap } from '../handlers/page-sitemap.ts';
import { handler as theme } from '../handlers/storefront-theme.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler(
  'storefront',
  {
    'storefront-theme': theme,
    'page-home': pageHome,
    'page-search': pageSearch,
    'page-category': pageCategory,
    'page-offer': pageOffer,
    'page-sitemap': pageSitemap,
    'page-robots': pageRobots,
    'page-not-found': pageNotFound,
  },
  { errorPage: storefrontErrorPage },
);
