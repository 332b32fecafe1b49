import '../../locales/console-translations.ts';
import type { OfferWording, WordingCell, WordingRow } from '../../core/catalog/overrides.ts';
import type { FieldError } from '../../core/errors.ts';
import { alertBox, csrfField, fieldErrorText, notice } from '../components.ts';
import { type ConsoleContext, consoleHref, tenantPath } from '../context.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

/** What the list shows: the search as typed and where the page starts. */
export interface TranslationsQuery {
  q: string;
  staleOnly: boolean;
  cursor?: string;
}

/** A refused form of one offer: its message, its field errors and what was typed. */
export interface WordingProblem {
  offerId: string;
  message: string;
  fields: readonly FieldError[];
  typed: Record<string, string>;
}

/** The form field of one field's wording in one locale: `title.vi`, `attributes.material.ko`. */
export const wordingName = (field: string, locale: string) => `${field}.${locale}`;

/** The list's query as the form's `back` (to come back to after a save): q, stale, cursor only. */
export function backQuery(query: TranslationsQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.staleOnly) params.set('stale', '1');
  if (query.cursor) params.set('cursor', query.cursor);
  return params.toString();
}

/** A refused field's input name: `body.fields.title.vi` (the rules') or `body.title.vi` (the form's). */
function errorsByInput(fields: readonly FieldError[]): Map<string, FieldError> {
  const out = new Map<string, FieldError>();
  for (const f of fields) {
    const name = f.path.replace(/^body\.(fields\.)?/, '');
    if (!out.has(name)) out.set(name, f);
  }
  return out;
}

const domId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

function fieldLabel(ctx: ConsoleContext, row: WordingRow): string {
  return row.attribute
    ? ctx.t(`catalog:spec_${row.attribute}`, { defaultValue: row.attribute })
    : ctx.t('console-translations:fieldTitle');
}

function languageName(ctx: ConsoleContext, locale: string): string {
  return ctx.t(`storefront:languageName_${locale}`, { defaultValue: locale });
}

function cellRow(
  ctx: ConsoleContext,
  offerId: string,
  row: WordingRow,
  cell: WordingCell,
  problem: WordingProblem | undefined,
  errors: Map<string, FieldError>,
): SafeHtml {
  const { t } = ctx;
  const name = wordingName(row.field, cell.locale);
  const id = `w-${domId(offerId)}-${domId(name)}`;
  const error = errors.get(name);
  const value = problem ? (problem.typed[name] ?? '') : (cell.wording ?? '');
  const describedBy = [cell.wordingStale && `${id}-stale`, error && `${id}-error`].filter(Boolean);
  const translation =
    cell.translation !== undefined
      ? html`<span lang="${cell.locale}">${cell.translation}</span>`
      : html`<span class="sc-meta">${t('console-translations:noTranslation')}</span>`;
  const staleMark =
    cell.translationStale && cell.translation !== undefined
      ? html` <strong class="sc-flag">${t('console-translations:staleTranslation')}</strong>`
      : '';
  return html`<tr><th scope="row" lang="${cell.locale}">${languageName(ctx, cell.locale)}</th>
<td>${translation}${staleMark}</td>
<td><div class="sc-field"><label class="sc-visually-hidden" for="${id}">${t('console-translations:wordingLabel', { field: fieldLabel(ctx, row), language: languageName(ctx, cell.locale) })}</label><input id="${id}" name="${name}" lang="${cell.locale}" maxlength="500" value="${value}"${
    describedBy.length ? html` aria-describedby="${describedBy.join(' ')}"` : ''
  }${error ? raw(' aria-invalid="true"') : ''}>${
    cell.wordingStale
      ? html`<p class="sc-flag" id="${id}-stale">${t('console-translations:staleWording')}</p>`
      : ''
  }${error ? html`<p class="sc-field-error" id="${id}-error">${fieldErrorText(t, error)}</p>` : ''}</div></td></tr>`;
}

function offerSection(
  ctx: ConsoleContext,
  tenantId: string,
  offer: OfferWording,
  back: string,
  problem: WordingProblem | undefined,
): SafeHtml {
  const { t } = ctx;
  const errors = errorsByInput(problem?.fields ?? []);
  const headingId = `offer-${domId(offer.offerId)}`;
  const title = offer.rows[0];
  return html`<section class="sc-offer" aria-labelledby="${headingId}">
<h2 id="${headingId}"><span lang="zh-CN">${title?.source ?? ''}</span> <span class="sc-meta">${offer.offerId}</span>${
    offer.stale ? html` <strong class="sc-flag">${t('console-translations:staleOffer')}</strong>` : ''
  }</h2>
${alertBox(problem?.message)}
<form method="post" action="${tenantPath(tenantId, `/translations/${encodeURIComponent(offer.offerId)}`)}" novalidate>
${csrfField(ctx.csrf)}
<input type="hidden" name="back" value="${back}">
${offer.rows.map((row) => {
  const caption = fieldLabel(ctx, row);
  return html`<table><caption>${caption}: <span lang="zh-CN">${row.source}</span></caption>
<thead><tr><th scope="col">${t('console-translations:language')}</th><th scope="col">${t('console-translations:currentTranslation')}</th><th scope="col">${t('console-translations:yourWording')}</th></tr></thead>
<tbody>${row.cells.map((cell) => cellRow(ctx, offer.offerId, row, cell, problem, errors))}</tbody></table>`;
})}
<p class="sc-hint">${t('console-translations:clearHint')}</p>
<div><button class="sc-button" type="submit">${t('console-translations:save')}<span class="sc-visually-hidden"> ${offer.offerId}</span></button></div>
</form>
</section>`;
}

/** Translation overrides side by side: the Chinese source, the current translation, the partner's wording. */
export function translationsPage(
  ctx: ConsoleContext,
  tenantId: string,
  query: TranslationsQuery,
  page: { offers: readonly OfferWording[]; nextCursor?: string },
  state: { saved?: string; problem?: WordingProblem } = {},
): ConsoleView {
  const { t } = ctx;
  const base = tenantPath(tenantId, '/translations');
  const back = backQuery(query);
  const main = html`<h1>${t('console-translations:heading')}</h1>
<p>${t('console-translations:intro')}</p>
${notice(state.saved && t('console-translations:saved', { offerId: state.saved }))}
<form class="sc-form" method="get" action="${base}" role="search">
<div class="sc-field"><label for="f-q">${t('console-translations:searchLabel')}</label><input id="f-q" name="q" type="search" maxlength="200" value="${query.q}" aria-describedby="f-q-hint"><p class="sc-hint" id="f-q-hint">${t('console-translations:searchHint')}</p></div>
<div><label><input type="checkbox" name="stale" value="1"${query.staleOnly ? raw(' checked') : ''}> ${t('console-translations:staleOnly')}</label></div>
<div><button class="sc-button" type="submit">${t('console-translations:search')}</button></div>
</form>
${
  page.offers.length === 0
    ? html`<p>${t(query.staleOnly ? 'console-translations:noStaleOffers' : 'console-translations:noOffers')}</p>`
    : page.offers.map((offer) =>
        offerSection(
          ctx,
          tenantId,
          offer,
          back,
          state.problem?.offerId === offer.offerId ? state.problem : undefined,
        ),
      )
}
${
  page.nextCursor
    ? html`<p><a href="${consoleHref(base, { q: query.q || undefined, stale: query.staleOnly ? '1' : undefined, cursor: page.nextCursor })}">${t('console-translations:nextPage')}</a></p>`
    : ''
}`;
  return { title: t('console-translations:heading'), main };
}
