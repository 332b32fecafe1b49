import { themeTokens } from '../../core/tenants/tenant.ts';
import { themeStylesheet } from '../../storefront/theme-stylesheet.ts';
import { publicFor } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /theme.css: the site's brand as CSS custom properties, cached per Host by CloudFront. */
export const handler = implement('storefront-theme', async ({ tenant }) => ({
  headers: { 'content-type': 'text/css; charset=utf-8', ...publicFor(300) },
  text: themeStylesheet(themeTokens(tenant.brand).tokens),
}));
