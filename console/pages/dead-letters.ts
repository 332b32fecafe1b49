import { csrfField, notice } from '../components.ts';
import type { ConsoleContext } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

export interface DeadLetterRow {
  tenantId: string;
  orderId: string;
  poId: string;
  supplierId: string;
  attempts: number;
  lastError?: string;
  parkedAt?: string;
}

/** The operator's dead letters (POs parked after their last attempt) and replay. */
export function deadLettersPage(
  ctx: ConsoleContext,
  rows: readonly DeadLetterRow[],
  replayed?: readonly { poId: string; state: string }[],
): ConsoleView {
  const { t } = ctx;
  const main = html`<h1>${t('console:deadLettersHeading')}</h1>
${notice(replayed && t('console:replayed', { count: replayed.length, states: replayed.map((r) => `${r.poId}: ${r.state}`).join(', ') }))}
${
  rows.length === 0
    ? html`<p>${t('console:noDeadLetters')}</p>`
    : html`<form method="post" action="/dead-letters/replay">
${csrfField(ctx.csrf)}
<table><caption class="sc-visually-hidden">${t('console:deadLettersHeading')}</caption>
<thead><tr><th scope="col">${t('console:select')}</th><th scope="col">${t('console:poId')}</th><th scope="col">${t('console:tenantId')}</th><th scope="col">${t('console:supplier')}</th><th scope="col">${t('console:attempts')}</th><th scope="col">${t('console:lastError')}</th></tr></thead>
<tbody>${rows.map(
        (r) =>
          html`<tr><td><input type="checkbox" id="po-${r.poId}" name="poIds" value="${r.poId}" checked><label class="sc-visually-hidden" for="po-${r.poId}">${r.poId}</label></td><td>${r.poId}</td><td>${r.tenantId}</td><td>${r.supplierId}</td><td>${r.attempts}</td><td>${r.lastError ?? ''}</td></tr>`,
      )}</tbody></table>
<button class="sc-button" type="submit">${t('console:replay')}</button>
</form>`
}`;
  return { title: t('console:deadLettersHeading'), main };
}
