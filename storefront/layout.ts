import { themeTokens } from '../core/tenants/tenant.ts';
import { href, type PageContext, pageUrlIn } from './context.ts';
import { html, jsonForScript, raw, type SafeHtml } from './html.ts';
import { baseStylesheet } from './styles.ts';
import { themeStylesheet } from './theme-stylesheet.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** Open Graph image (absolute or site-relative). */
  image?: string;
  ogType?: 'website' | 'product';
  /** JSON-LD documents for the head. */
  jsonLd?: unknown[];
  /** Error pages and filtered searches: kept out of the index. */
  noindex?: boolean;
  /** Client islands to run on this page (inline scripts with the nonce). */
  scripts?: string[];
  /** Rules only this page needs, after the base stylesheet (the buyer pages' forms). */
  styles?: string;
  /** The shopper's cart line count, on pages that know it (catalog pages are cached for everyone). */
  cartCount?: number;
  /**
   * The header's account link: the buyer's name on pages about them (never stored), a sign-in
   * link for a visitor; absent on cacheable pages, which link to the account without a name.
   */
  account?: { signedIn: false } | { signedIn: true; name: string };
}

const ogLocale: Record<string, string> = { vi: 'vi_VN', ko: 'ko_KR', en: 'en_US', 'zh-CN': 'zh_CN' };

/** The document every page shares: head with SEO and theme, header, landmarks, footer. */
export function layout(ctx: PageContext, meta: PageMeta, main: SafeHtml): string {
  const { tenant, t, nonce } = ctx;
  const theme = themeTokens(tenant.brand);
  const canonical = pageUrlIn(ctx, ctx.locale);
  const image = meta.image && (meta.image.startsWith('/') ? `${ctx.origin}${meta.image}` : meta.image);
  const title = meta.title === tenant.name ? tenant.name : `${meta.title} | ${tenant.name}`;
  const doc = html`<!doctype html>
<html lang="${ctx.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${meta.description}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${canonical}">
${tenant.locales.map((l) => html`<link rel="alternate" hreflang="${l}" href="${pageUrlIn(ctx, l)}">`)}
<link rel="alternate" hreflang="x-default" href="${pageUrlIn(ctx, tenant.defaultLocale)}">
<meta property="og:site_name" content="${tenant.name}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:type" content="${meta.ogType ?? 'website'}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${ogLocale[ctx.locale] ?? ctx.locale}">
${image ? html`<meta property="og:image" content="${image}">` : ''}
<meta name="theme-color" content="${tenant.brand.colours.primary}">
<link rel="icon" href="data:,">
<style nonce="${nonce}">${raw(themeStylesheet(theme.tokens))}${raw(baseStylesheet)}${raw(meta.styles ?? '')}</style>
${(meta.jsonLd ?? []).map((doc) => html`<script type="application/ld+json" nonce="${nonce}">${jsonForScript(doc)}</script>`)}
</head>
<body>
<a class="sf-skip" href="#main">${t('storefront:skipToContent')}</a>
<header class="sf-header">
<a class="sf-brand" href="${pageHome(ctx)}">${
    theme.logoUrl
      ? html`<img src="${logoSource(ctx, theme.logoUrl)}" alt="${tenant.name}" width="120" height="40">`
      : html`<span>${tenant.name}</span>`
  }</a>
<form class="sf-search" role="search" action="/search" method="get">
<label class="sf-visually-hidden" for="sf-q">${t('storefront:searchLabel')}</label>
<input id="sf-q" name="q" type="search" value="${ctx.path === '/search' ? (ctx.query.get('q') ?? '') : ''}" placeholder="${t('storefront:searchPlaceholder')}" autocomplete="off" enterkeyhint="search">
${ctx.locale !== tenant.defaultLocale ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
<button class="sf-button" type="submit">${t('storefront:searchButton')}</button>
</form>
${accountLink(ctx, meta.account)}
${languageSwitcher(ctx)}
${cartLink(ctx, meta.cartCount)}
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="sf-footer">
${tenant.legal.companyName ? html`<p>${tenant.legal.companyName}</p>` : ''}
${contactLine(ctx)}
${termsOf(ctx) ? html`<p>${termsOf(ctx)}</p>` : ''}
</footer>
${(meta.scripts ?? []).map((source) => html`<script nonce="${nonce}">${raw(source)}</script>`)}
</body>
</html>
`;
  return doc.value;
}

function pageHome(ctx: PageContext): string {
  return ctx.locale === ctx.tenant.defaultLocale ? '/' : `/?lang=${encodeURIComponent(ctx.locale)}`;
}

/** The header's cart link; its count where the page knows it (the add-to-cart island fills it in). */
function cartLink(ctx: PageContext, count: number | undefined): SafeHtml {
  return html`<a class="sf-cart-link" href="${href(ctx, '/cart')}">${ctx.t('buyer-pages:header.cart')}<span id="sf-cart-count">${
    count === undefined ? '' : ` (${ctx.t('buyer-pages:header.cartCount', { count })})`
  }</span></a>`;
}

/** The header's account link: the buyer's name, a sign-in link, or (cacheable pages) a plain one. */
function accountLink(ctx: PageContext, account: PageMeta['account']): SafeHtml {
  const link = (path: string, text: string) =>
    html`<a class="sf-account" href="${href(ctx, path)}">${text}</a>`;
  if (!account) return link('/account', ctx.t('account-pages:headerAccount'));
  return account.signedIn
    ? link('/account', ctx.t('account-pages:headerSignedIn', { name: account.name }))
    : link('/account/sign-in', ctx.t('account-pages:headerSignIn'));
}

function termsOf(ctx: PageContext): string | undefined {
  const terms = ctx.tenant.legal.terms as Partial<Record<string, string>>;
  return terms[ctx.locale] ?? terms[ctx.tenant.defaultLocale];
}

/** Links to this page in each of the site's languages, each named in its own language. */
function languageSwitcher(ctx: PageContext): SafeHtml {
  if (ctx.tenant.locales.length < 2) return html``;
  return html`<nav class="sf-langs" aria-label="${ctx.t('storefront:languages')}"><ul>${ctx.tenant.locales.map(
    (l) =>
      html`<li><a href="${pageUrlIn(ctx, l, false)}" hreflang="${l}" lang="${l}"${
        l === ctx.locale ? raw(' aria-current="true"') : ''
      }>${ctx.t(`storefront:languageName_${l}`, { lng: l })}</a></li>`,
  )}</ul></nav>`;
}

function contactLine(ctx: PageContext): SafeHtml {
  const { email, phone } = ctx.tenant.contact;
  if (!email && !phone) return html``;
  return html`<p>${ctx.t('storefront:contact')}: ${email ? html`<a href="mailto:${email}">${email}</a>` : ''}${
    email && phone ? ' · ' : ''
  }${phone ? html`<a href="tel:${phone.replace(/[^+0-9]/g, '')}">${phone}</a>` : ''}</p>`;
}

/**
 * A logo uploaded in the console is in the asset store (`https://asset-store.invalid/<key>`, a
 * name, not a host): served from this site under `/assets/`. Any other logo URL is used as is.
 */
function logoSource(ctx: PageContext, logoUrl: string): string {
  return logoUrl.startsWith('https://asset-store.invalid/') ? (ctx.picture(logoUrl).src ?? logoUrl) : logoUrl;
}
