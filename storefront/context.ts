import type { TFunction } from 'i18next';
import type { Tenant } from '../core/tenants/tenant.ts';
import type { Locale } from '../locales/index.ts';

/** One picture in the responsive variants the asset store holds (square, width-based srcset). */
export interface Picture {
  /** The fallback `src` (JPEG), or undefined when the image is not in the asset store yet. */
  src?: string;
  /** `type` → `srcset` (image/avif, image/webp, image/jpeg). */
  sources: { type: string; srcset: string }[];
  width: number;
  height: number;
}

/** What every page renders from: the site, the buyer's language, this response's nonce. */
export interface PageContext {
  tenant: Tenant;
  locale: Locale;
  t: TFunction;
  nonce: string;
  /** `https://host` (or `http://vn.localhost:3000` locally): canonical and alternate URLs. */
  origin: string;
  /** The path of this page, without the query. */
  path: string;
  /** The page's own query (without `lang`), kept in alternates and the language switcher. */
  query: URLSearchParams;
  /** Image URL → the asset store's variants (injected: the storefront never imports adapters). */
  picture: (src: string) => Picture;
}

/** A link within the site in the page's language: `lang` only when it is not the site's default. */
export function href(
  ctx: PageContext,
  path: string,
  params: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (ctx.locale !== ctx.tenant.defaultLocale) query.set('lang', ctx.locale);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The URL of this page in one of the site's locales (canonical, hreflang, the switcher). */
export function pageUrlIn(ctx: PageContext, locale: Locale, absolute = true): string {
  const query = new URLSearchParams(ctx.query);
  query.delete('lang');
  if (locale !== ctx.tenant.defaultLocale) query.set('lang', locale);
  const qs = query.toString();
  return `${absolute ? ctx.origin : ''}${ctx.path}${qs ? `?${qs}` : ''}`;
}
