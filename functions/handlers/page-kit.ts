import type { TFunction } from 'i18next';
import { pictureOf } from '../../adapters/assets/urls.ts';
import { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import type { PageContext } from '../../storefront/context.ts';
import { errorPage } from '../../storefront/pages/error.ts';
import { etagOf, newNonce, securityHeaders } from '../../storefront/security.ts';
import { services } from '../composition.ts';
import { noStore } from '../http/cache.ts';
import { readCookie, siteOrigin } from '../http/request.ts';
import type { RouteOutput } from '../http/route.ts';
import { statusOf } from '../http/status.ts';
import type { HttpEvent, HttpResult } from '../http/types.ts';

/**
 * What the storefront's page handlers share: the page context from the request (site, language,
 * nonce, canonical origin, the asset store's pictures), and the HTML answer with its security
 * headers, cache policy and ETag (a matching If-None-Match answers 304).
 */

/** Catalog pages: CloudFront keeps them a minute per host and locale, then serves stale while it
 * revalidates, so prices follow the FX refresh within minutes. */
export const catalogCache = {
  'cache-control': 'public, max-age=60, stale-while-revalidate=300',
  vary: 'host, cookie',
} as const;
/** Pages about one buyer (cart, checkout, account, orders): never stored anywhere. */
export const privateCache = noStore;

const originOf = (event: HttpEvent) => siteOrigin(event, services().config);

/**
 * A page's language: the one the buyer chose (`?lang=`, or the `lang` cookie) when the site has
 * it, else the site's default — never guessed from Accept-Language, so that each URL has one
 * language (canonical and hreflang hold, and CloudFront's cache needs no Accept-Language key).
 */
export function pageLocale(tenant: Tenant, event: HttpEvent): Locale {
  const chosen = event.queryStringParameters?.lang ?? readCookie(event, 'lang');
  return tenant.locales.find((l) => l === chosen) ?? tenant.defaultLocale;
}

/** The route input with the page's language in place of the negotiated one. */
export function asPage<I extends { tenant: Tenant; locale: Locale; event: HttpEvent }>(input: I): I {
  return { ...input, locale: pageLocale(input.tenant, input.event) };
}

export function pageContext(
  input: { tenant: Tenant; locale: Locale; event: HttpEvent },
  t: TFunction = translatorFor(input.locale),
): PageContext {
  const query = new URLSearchParams(input.event.rawQueryString ?? '');
  query.delete('lang');
  return {
    tenant: input.tenant,
    locale: input.locale,
    t,
    nonce: newNonce(),
    origin: originOf(input.event),
    path: input.event.rawPath || '/',
    query,
    picture: pictureOf,
  };
}

/** An HTML page: security headers (CSP with this response's nonce), cache policy, ETag / 304. */
export function htmlAnswer(
  ctx: PageContext,
  event: HttpEvent,
  body: string,
  options: { status?: number; cache?: Record<string, string> } = {},
): RouteOutput {
  const etag = etagOf(body, ctx.nonce);
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'content-language': ctx.locale,
    ...securityHeaders(ctx.nonce, services().config.STAGE),
    ...(options.cache ?? catalogCache),
    etag,
  };
  const status = options.status ?? 200;
  if (status === 200 && ifNoneMatch(event, etag)) return { status: 304, headers, text: '' };
  return { status, headers, text: body };
}

function ifNoneMatch(event: HttpEvent, etag: string): boolean {
  const header = event.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

const notFoundCodes = new Set([
  'ROUTE_NOT_FOUND',
  'NOT_FOUND',
  'OFFER_NOT_FOUND',
  'ORDER_NOT_FOUND',
  'VALIDATION_FAILED',
]);

/**
 * The storefront function's error pages (functions/http/dispatch.ts `errorPage`): on a site, a
 * missing page is the localized 404 page, a failure the 500 (or 503) page in the site's brand, a
 * buyer page's form refused for its CSRF token the 403 page saying to reload. Under /api/, without a site, or for other 4xx (rate limits) the JSON error stands.
 */
export function storefrontErrorPage(
  error: unknown,
  request: { tenant: Tenant | undefined; locale: Locale; requestId: string; event: HttpEvent },
): HttpResult | undefined {
  const { tenant, event } = request;
  if (!tenant || event.rawPath?.startsWith('/api/')) return undefined;
  const locale = pageLocale(tenant, event);
  const code = error instanceof DomainError ? error.code : 'INTERNAL';
  const status = notFoundCodes.has(code)
    ? 404
    : code === 'FORBIDDEN' && event.requestContext?.http?.method === 'POST'
      ? 403
      : statusOf(code) >= 500
        ? statusOf(code) === 503
          ? 503
          : 500
        : 0;
  if (status === 0) return undefined;
  const ctx = pageContext({ tenant, locale, event });
  const answer = htmlAnswer(ctx, event, errorPage(ctx, status as 403 | 404 | 500 | 503, request.requestId), {
    status,
    cache:
      status === 404
        ? { 'cache-control': 'public, max-age=60', vary: 'host, accept-language, cookie' }
        : privateCache,
  });
  return { statusCode: status, headers: answer.headers, body: answer.text };
}
