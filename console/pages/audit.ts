import type { AuditRecord } from '../../core/tenants/admin-service.ts';
import type { ConsoleContext } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

/** Who changed what and when, newest first. */
export function auditPage(ctx: ConsoleContext, records: readonly AuditRecord[]): ConsoleView {
  const { t } = ctx;
  const main = html`<h1>${t('console:auditHeading')}</h1>
${
  records.length === 0
    ? html`<p>${t('console:auditEmpty')}</p>`
    : html`<table><caption class="sc-visually-hidden">${t('console:auditHeading')}</caption>
<thead><tr><th scope="col">${t('console:when')}</th><th scope="col">${t('console:who')}</th><th scope="col">${t('console:what')}</th><th scope="col">${t('console:details')}</th></tr></thead>
<tbody>${records.map(
        (
          r,
        ) => html`<tr><td>${r.at}</td><td>${r.actor}</td><td>${t(`console:audit_${r.action.replace('.', '_')}`, { defaultValue: r.action })}</td>
<td>${r.version !== undefined ? t('console:configVersionN', { version: r.version }) : ''}${r.keyId ? ` ${r.keyId}` : ''}${r.offerId ? ` ${r.offerId}` : ''}${
          r.changes?.length
            ? html`<ul>${r.changes.slice(0, 20).map((c) => html`<li>${c.path}</li>`)}</ul>`
            : ''
        }</td></tr>`,
      )}</tbody></table>`
}`;
  return { title: t('console:auditHeading'), main };
}
