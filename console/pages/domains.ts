import type { DomainView } from '../../core/tenants/domains.ts';
import { csrfField, notice } from '../components.ts';
import { type ConsoleContext, tenantPath } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

/** A tenant's domains: status, the records that prove them, and (operator) approve or revoke. */
export function domainsPage(
  ctx: ConsoleContext,
  tenantId: string,
  domains: readonly DomainView[],
  options: { mayDecide: boolean; decided?: string },
): ConsoleView {
  const { t } = ctx;
  const main = html`<h1>${t('console:domainsHeading')}</h1>
${notice(options.decided && t('console:domainDecided', { domain: options.decided }))}
<table><caption class="sc-visually-hidden">${t('console:domainsHeading')}</caption>
<thead><tr><th scope="col">${t('console:domain')}</th><th scope="col">${t('console:domainStatus')}</th><th scope="col">${t('console:verification')}</th>${options.mayDecide ? html`<th scope="col">${t('console:actions')}</th>` : ''}</tr></thead>
<tbody>${domains.map(
    (
      d,
    ) => html`<tr><td>${d.domain}</td><td>${t(`console:domainStatus_${d.status}`, { defaultValue: d.status })}${d.routes ? html` · ${t('console:routes')}` : ''}</td>
<td>${d.verification ? html`<span class="sc-secret">TXT ${d.verification.txt.name} = ${d.verification.txt.value}</span>` : '—'}</td>
${
  options.mayDecide
    ? html`<td>${(['approve', 'revoke'] as const).map(
        (action) =>
          html`<form class="sc-inline" method="post" action="${tenantPath(tenantId, `/domains/${encodeURIComponent(d.domain)}/approval`)}">${csrfField(ctx.csrf)}<input type="hidden" name="approved" value="${action === 'approve' ? 'true' : 'false'}"><button class="sc-button${action === 'revoke' ? ' sc-button-secondary' : ''}" type="submit">${t(`console:domain_${action}`)}<span class="sc-visually-hidden"> ${d.domain}</span></button></form> `,
      )}</td>`
    : ''
}</tr>`,
  )}</tbody></table>`;
  return { title: t('console:domainsHeading'), main };
}
