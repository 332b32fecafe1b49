import type { FieldError } from '../../core/errors.ts';
import { alertBox, csrfField, errorsByField, field } from '../components.ts';
import { type ConsoleContext, tenantPath } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

export interface KeyRow {
  keyId: string;
  label: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
}

/** A tenant's API keys (for integrations): create (the key shown this once), list, revoke. */
export function keysPage(
  ctx: ConsoleContext,
  tenantId: string,
  keys: readonly KeyRow[],
  state: {
    created?: { key: string; label: string };
    problem?: { fields: readonly FieldError[]; message: string };
  } = {},
): ConsoleView {
  const { t } = ctx;
  const errors = errorsByField(state.problem?.fields ?? []);
  const main = html`<h1>${t('console:keysHeading')}</h1>
${
  state.created
    ? html`<div class="sc-notice" role="status"><p>${t('console:keyCreated', { label: state.created.label })}</p><p class="sc-secret" id="new-key">${state.created.key}</p><p>${t('console:keyShownOnce')}</p></div>`
    : ''
}
<table><caption class="sc-visually-hidden">${t('console:keysHeading')}</caption>
<thead><tr><th scope="col">${t('console:keyLabel')}</th><th scope="col">${t('console:keyId')}</th><th scope="col">${t('console:createdAt')}</th><th scope="col">${t('console:keyStatus')}</th><th scope="col">${t('console:actions')}</th></tr></thead>
<tbody>${keys.map(
    (
      k,
    ) => html`<tr><td>${k.label}</td><td>${k.keyId}</td><td>${k.createdAt} (${k.createdBy})</td><td>${k.revokedAt ? t('console:keyRevokedAt', { at: k.revokedAt }) : t('console:keyActive')}</td>
<td>${k.revokedAt ? '' : html`<form class="sc-inline" method="post" action="${tenantPath(tenantId, `/keys/${k.keyId}/revoke`)}">${csrfField(ctx.csrf)}<button class="sc-button sc-button-danger" type="submit">${t('console:revoke')}<span class="sc-visually-hidden"> ${k.label}</span></button></form>`}</td></tr>`,
  )}</tbody></table>
<h2>${t('console:newKeyHeading')}</h2>
${alertBox(state.problem?.message)}
<form class="sc-form" method="post" action="${tenantPath(tenantId, '/keys')}" novalidate>
${csrfField(ctx.csrf)}
${field(t, { name: 'label', label: t('console:keyLabel'), required: true, hint: t('console:keyLabelHint') }, errors.get('label'))}
<div><button class="sc-button" type="submit">${t('console:createKey')}</button></div>
</form>`;
  return { title: t('console:keysHeading'), main };
}
