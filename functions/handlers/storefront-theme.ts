import { themeTokens } from '../../core/tenants/tenant.ts';
import { themeStylesheet } from '../../storefront/theme-stylesheet.ts';
import { httpRoute } from '../http/route.ts';

/** GET /theme.css: the site's brand as CSS custom properties, cached per Host by CloudFront. */
export const handler = httpRoute({ name: 'storefront-theme', tenant: 'required' }, async ({ tenant }) => ({
  headers: {
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=300',
    vary: 'host',
  },
  text: themeStylesheet(themeTokens(tenant!.brand).tokens),
}));
