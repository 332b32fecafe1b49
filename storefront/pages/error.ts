import { href, type PageContext } from '../context.ts';
import { html } from '../html.ts';
import { layout } from '../layout.ts';

/** The localized 404 and 500 pages, in the site's brand, with a way back and the search box. */
export function errorPage(ctx: PageContext, status: 403 | 404 | 500 | 503, requestId: string): string {
  const { t } = ctx;
  // 403: a buyer page's form without this shopper's token (an old tab, signed in or out since).
  const kind =
    status === 404
      ? 'storefront:notFound'
      : status === 403
        ? 'buyer-pages:formExpired'
        : 'storefront:serverError';
  const main = html`<h1>${t(`${kind}Heading`)}</h1>
<p>${t(`${kind}Body`)}</p>
${status >= 500 ? html`<p class="sf-meta">${t('storefront:requestId', { requestId })}</p>` : ''}
<p><a class="sf-button" href="${href(ctx, '/')}">${t('storefront:backHome')}</a></p>`;
  return layout(ctx, { title: t(`${kind}Heading`), description: t(`${kind}Body`), noindex: true }, main);
}
