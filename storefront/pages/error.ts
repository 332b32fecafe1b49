import { href, type PageContext } from '../context.ts';
import { html } from '../html.ts';
import { layout } from '../layout.ts';

/** The localized 404 and 500 pages, in the site's brand, with a way back and the search box. */
export function errorPage(ctx: PageContext, status: 404 | 500 | 503, requestId: string): string {
  const { t } = ctx;
  const kind = status === 404 ? 'notFound' : 'serverError';
  const main = html`<h1>${t(`storefront:${kind}Heading`)}</h1>
<p>${t(`storefront:${kind}Body`)}</p>
${status !== 404 ? html`<p class="sf-meta">${t('storefront:requestId', { requestId })}</p>` : ''}
<p><a class="sf-button" href="${href(ctx, '/')}">${t('storefront:backHome')}</a></p>`;
  return layout(
    ctx,
    { title: t(`storefront:${kind}Heading`), description: t(`storefront:${kind}Body`), noindex: true },
    main,
  );
}
