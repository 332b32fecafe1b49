import type { ConsoleContext } from '../context.ts';
import { html } from '../html.ts';
import { consoleLayout } from '../layout.ts';

/** The console's error pages: 403 (not yours), 404, 400/429 and 500/503, with a way back. */
export function consoleErrorPage(
  ctx: ConsoleContext,
  status: number,
  code: string,
  requestId: string,
): string {
  const { t } = ctx;
  const kind =
    status === 403 ? 'forbidden' : status === 404 ? 'notFound' : status >= 500 ? 'serverError' : 'badRequest';
  const main = html`<h1>${t(`console:${kind}Heading`)}</h1>
<p>${t(`console:${kind}Body`)}</p>
${status >= 500 || kind === 'badRequest' ? html`<p class="sc-meta">${t('console:requestId', { requestId, code })}</p>` : ''}
<p><a class="sc-button" href="/">${t('console:backHome')}</a></p>`;
  return consoleLayout(ctx, { title: t(`console:${kind}Heading`) }, main);
}
