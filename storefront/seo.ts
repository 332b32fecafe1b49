import type { Tenant } from '../core/tenants/tenant.ts';
import type { Locale } from '../locales/index.ts';
import { escapeHtml } from './html.ts';

/** robots.txt of one site: everything but the API and the buyer's own pages, and its sitemap
 * (filtered search pages say noindex themselves). */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /api/',
    'Disallow: /cart',
    'Disallow: /checkout',
    'Disallow: /account',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}

function urlIn(origin: string, path: string, locale: Locale, tenant: Tenant): string {
  return `${origin}${path}${locale === tenant.defaultLocale ? '' : `?lang=${locale}`}`;
}

/**
 * The site's sitemap: home, its category pages and the given offers, each with its alternates in
 * every locale of the site (xhtml:link hreflang), as search engines read them.
 */
export function sitemapXml(origin: string, tenant: Tenant, paths: readonly string[]): string {
  const entries = paths.flatMap((path) =>
    tenant.locales.map((locale) => {
      const alternates = tenant.locales
        .map(
          (l) =>
            `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeHtml(urlIn(origin, path, l, tenant))}"/>`,
        )
        .join('');
      return `<url><loc>${escapeHtml(urlIn(origin, path, locale, tenant))}</loc>${alternates}</url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
}
