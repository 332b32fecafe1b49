import '../../locales/console-launch.ts';
import type { TFunction } from 'i18next';
import { badges, belts, categoriesL1, categoryTree, supplierTiers } from '../../core/catalog/taxonomy.ts';
import type { FieldError } from '../../core/errors.ts';
import { exponentOf } from '../../core/money/currencies.ts';
import type { ConfigChange } from '../../core/tenants/config-diff.ts';
import { type DraftStep, draftStepNames, type TenantDraft } from '../../core/tenants/drafts.ts';
import type { PricePreview } from '../../core/tenants/preview.ts';
import {
  contrastRatio,
  laneKinds,
  MIN_CONTRAST,
  paymentMethods,
  type Tenant,
} from '../../core/tenants/tenant.ts';
import { supportedLocales } from '../../locales/index.ts';
import { csrfField } from '../components.ts';
import { type ConsoleContext, tenantPath } from '../context.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import type { ConsoleView } from '../layout.ts';
import { curationIsland, launchStylesheet, priceIsland, themeIsland } from './islands.ts';

/**
 * The launch flow's pages (server-rendered forms that work without JavaScript; islands only
 * make the previews live). Every string comes from the `console-launch` namespace.
 */

/** What a step page shows besides the draft: a refusal's field errors, a notice after saving. */
export interface StepState {
  errors?: readonly FieldError[];
  saved?: boolean;
  /** The values posted when the form was refused (shown back as typed). */
  posted?: Tenant;
  /** The payments step's provider-key form: its refusal, or what was just done. */
  providerKey?: { error?: FieldError; done?: 'set' | 'removed' };
}

/** The provider key as the payments step may show it: never the key, only its last characters. */
export type ProviderKeyView = { ending: string } | { platform: boolean };

export interface CurationCountView {
  total: number;
  sentence: string;
  samples: { offerId: string; title: string; priceFrom: { formatted: string } }[];
}

export interface DomainStatusView {
  domain: string;
  status: string;
  record?: { type: string; name: string; value: string };
}

export const launchPath = (tenantId: string, rest = '') => tenantPath(tenantId, `/launch${rest}`);

const k = (t: TFunction, key: string, options?: Record<string, unknown>) =>
  t(`console-launch:${key}`, options);

/** Field errors by config path (the inputs' names). */
function errorIndex(errors: readonly FieldError[] = []) {
  const byPath = new Map<string, FieldError>();
  for (const e of errors) {
    const path = e.path.replace(/^body\./, '');
    if (!byPath.has(path)) byPath.set(path, e);
  }
  return {
    get(name: string): FieldError | undefined {
      if (byPath.has(name)) return byPath.get(name);
      for (const [path, e] of byPath)
        if (path.startsWith(`${name}.`) || name.startsWith(`${path}.`)) return e;
      return undefined;
    },
    all: [...byPath.entries()],
  };
}
type Errors = ReturnType<typeof errorIndex>;

const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function errorText(t: TFunction, e: FieldError): string {
  return t(`validation:${e.rule}`, { ...e.params, defaultValue: t('validation:invalid') });
}

function errorLine(t: TFunction, name: string, e: FieldError | undefined): SafeHtml {
  return e ? html`<p class="sc-field-error" id="${idOf(name)}-error">${errorText(t, e)}</p>` : html``;
}

function described(name: string, e: FieldError | undefined, hint?: string): SafeHtml {
  const ids = [hint && `${idOf(name)}-hint`, e && `${idOf(name)}-error`].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${e ? html` aria-invalid="true"` : ''}`;
}

interface InputSpec {
  name: string;
  label: string;
  value?: string | number;
  type?: 'text' | 'email' | 'tel' | 'number' | 'color' | 'password';
  hint?: string;
  required?: boolean;
  step?: string;
  min?: string;
  autocomplete?: string;
}

function input(t: TFunction, errors: Errors, spec: InputSpec): SafeHtml {
  const e = errors.get(spec.name);
  const id = idOf(spec.name);
  return html`<div class="sc-field"><label for="${id}">${spec.label}</label><input id="${id}" name="${spec.name}" type="${
    spec.type ?? 'text'
  }" value="${spec.value ?? ''}"${spec.required ? html` required` : ''}${spec.step ? html` step="${spec.step}"` : ''}${
    spec.min ? html` min="${spec.min}"` : ''
  }${spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''}${described(spec.name, e, spec.hint)}>${
    spec.hint ? html`<p class="sc-hint" id="${id}-hint">${spec.hint}</p>` : ''
  }${errorLine(t, spec.name, e)}</div>`;
}

function select(
  t: TFunction,
  errors: Errors,
  spec: { name: string; label: string; value: string; options: readonly (readonly [string, string])[] },
): SafeHtml {
  const e = errors.get(spec.name);
  const id = idOf(spec.name);
  return html`<div class="sc-field"><label for="${id}">${spec.label}</label><select id="${id}" name="${spec.name}"${described(
    spec.name,
    e,
  )}>${spec.options.map(
    ([value, label]) =>
      html`<option value="${value}"${value === spec.value ? html` selected` : ''}>${label}</option>`,
  )}</select>${errorLine(t, spec.name, e)}</div>`;
}

function textarea(
  t: TFunction,
  errors: Errors,
  spec: { name: string; label: string; value?: string; lang?: string },
) {
  const e = errors.get(spec.name);
  const id = idOf(spec.name);
  return html`<div class="sc-field"><label for="${id}">${spec.label}</label><textarea id="${id}" name="${spec.name}" rows="5"${
    spec.lang ? html` lang="${spec.lang}"` : ''
  }${described(spec.name, e)}>${spec.value ?? ''}</textarea>${errorLine(t, spec.name, e)}</div>`;
}

/** A group of checkboxes in a fieldset with its legend (and its error). */
function checkboxes(
  t: TFunction,
  errors: Errors,
  spec: {
    name: string;
    legend: string;
    hint?: string;
    checked: readonly string[];
    options: readonly (readonly [string, string])[];
  },
): SafeHtml {
  const e = errors.get(spec.name);
  return html`<fieldset class="sc-choices"${described(spec.name, e, spec.hint)}><legend>${spec.legend}</legend>${
    spec.hint ? html`<p class="sc-hint" id="${idOf(spec.name)}-hint">${spec.hint}</p>` : ''
  }${spec.options.map(([value, label]) => {
    const id = `${idOf(spec.name)}-${value.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    return html`<div class="sc-check"><input type="checkbox" id="${id}" name="${spec.name}" value="${value}"${
      spec.checked.includes(value) ? html` checked` : ''
    }><label for="${id}">${label}</label></div>`;
  })}${errorLine(t, spec.name, e)}</fieldset>`;
}

/** The steps as an ordered list of links, the current one marked. */
function stepNav(ctx: ConsoleContext, tenantId: string, current: DraftStep | 'publish'): SafeHtml {
  const { t } = ctx;
  const steps = [...draftStepNames, 'publish' as const];
  return html`<nav class="sc-steps" aria-label="${k(t, 'stepsLabel')}"><ol>${steps.map(
    (s) =>
      html`<li><a href="${launchPath(tenantId, `/${s}`)}"${s === current ? raw(' aria-current="step"') : ''}>${k(
        t,
        `step_${s}`,
      )}</a></li>`,
  )}</ol></nav>`;
}

function draftStatus(ctx: ConsoleContext, draft: TenantDraft, stored: boolean, outdated: boolean): SafeHtml {
  const { t } = ctx;
  if (outdated)
    return html`<div class="sc-alert" role="alert">${k(t, 'draftOutdated', { baseVersion: draft.baseVersion })} <a href="${launchPath(
      draft.tenantId,
      '/publish',
    )}">${k(t, 'reviewAndUpdate')}</a></div>`;
  return html`<p class="sc-meta">${
    stored
      ? k(t, 'draftStatus', {
          baseVersion: draft.baseVersion,
          updatedAt: draft.updatedAt.slice(0, 16).replace('T', ' '),
        })
      : k(t, 'draftNew', { baseVersion: draft.baseVersion })
  }</p>`;
}

function refusal(ctx: ConsoleContext, errors: Errors): SafeHtml {
  if (errors.all.length === 0) return html``;
  const { t } = ctx;
  return html`<div class="sc-alert" role="alert" tabindex="-1" id="form-errors"><p>${k(t, 'notSaved')}</p><ul>${errors.all.map(
    ([path, e]) => html`<li><a href="#${idOf(path)}">${errorText(t, e)}</a></li>`,
  )}</ul></div>`;
}

interface StepPage {
  ctx: ConsoleContext;
  draft: TenantDraft;
  stored: boolean;
  outdated: boolean;
  state: StepState;
}

function frame(
  page: StepPage,
  step: DraftStep,
  body: SafeHtml,
  options: { after?: SafeHtml; scripts?: string[]; enctype?: string } = {},
): ConsoleView {
  const { ctx, draft } = page;
  const { t } = ctx;
  const errors = errorIndex(page.state.errors);
  const title = k(t, `step_${step}`);
  const main = html`<style nonce="${ctx.nonce}">${raw(launchStylesheet)}</style>
<h1>${k(t, 'heading', { step: title })}</h1>
${stepNav(ctx, draft.tenantId, step)}
${draftStatus(ctx, draft, page.stored, page.outdated)}
${page.state.saved ? html`<div class="sc-notice" role="status">${k(t, 'saved')}</div>` : ''}
${refusal(ctx, errors)}
<p>${k(t, `intro_${step}`)}</p>
<form class="sc-form" method="post" action="${launchPath(draft.tenantId, `/${step}`)}" novalidate>
${csrfField(ctx.csrf)}
${body}
<div><button class="sc-button" type="submit">${k(t, 'saveDraft')}</button></div>
</form>
${options.after ?? ''}`;
  return { title: `${title} · ${k(t, 'title')}`, main, scripts: [...(options.scripts ?? [])] };
}

const shown = (page: StepPage): Tenant => page.state.posted ?? page.draft.config;

export const fontStacks = [
  'system-ui, sans-serif',
  "'Noto Sans Thai', 'Noto Sans', system-ui, sans-serif",
  "Georgia, 'Times New Roman', serif",
  "'Be Vietnam Pro', system-ui, sans-serif",
  "'Noto Sans KR', system-ui, sans-serif",
] as const;

/** The brand step: name, logo, colours (contrast checked as they change), font, with a themed preview. */
export function brandStep(page: StepPage): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const config = shown(page);
  const c = config.brand.colours;
  const colour = (name: keyof typeof c) =>
    input(t, errors, {
      name: `brand.colours.${name}`,
      label: k(t, `colour_${name}`),
      value: c[name],
      type: 'color',
      ...(name === 'text' || name === 'primary' ? { hint: k(t, `colourHint_${name}`) } : {}),
    });
  const fonts = [...new Set([config.brand.font, ...fontStacks])];
  const ratio = (a: string) => {
    try {
      return contrastRatio(a, c.background).toFixed(2);
    } catch {
      return '–';
    }
  };
  const body = html`${input(t, errors, { name: 'name', label: k(t, 'siteName'), value: config.name, required: true })}
<fieldset class="sc-choices"><legend>${k(t, 'colours')}</legend>
${colour('primary')}${colour('accent')}${colour('background')}${colour('text')}
<p id="contrast-report" class="sc-meta" aria-live="polite">${k(t, 'contrastReport', {
    text: ratio(c.text),
    primary: ratio(c.primary),
    minimum: MIN_CONTRAST,
  })}</p>
</fieldset>
${select(t, errors, { name: 'brand.font', label: k(t, 'font'), value: config.brand.font, options: fonts.map((f) => [f, f] as const) })}
${
  config.brand.logoUrl
    ? html`<div class="sc-check"><input type="checkbox" id="f-removeLogo" name="brand.removeLogo" value="1"><label for="f-removeLogo">${k(
        t,
        'removeLogo',
      )}</label></div>`
    : ''
}`;
  const preview = brandPreview(page);
  const logo = html`<h2 id="logo-heading">${k(t, 'logo')}</h2>
${config.brand.logoUrl ? html`<p>${k(t, 'logoCurrent')}</p>` : html`<p>${k(t, 'logoNone')}</p>`}
<form class="sc-form" method="post" action="${launchPath(page.draft.tenantId, '/brand/logo')}" enctype="multipart/form-data" aria-labelledby="logo-heading">
${csrfField(page.ctx.csrf)}
<div class="sc-field"><label for="f-logo">${k(t, 'logoFile')}</label><input id="f-logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="f-logo-hint"${
    errors.get('logo') ? html` aria-invalid="true"` : ''
  }><p class="sc-hint" id="f-logo-hint">${k(t, 'logoHint')}</p>${errorLine(t, 'logo', errors.get('logo'))}</div>
<div><button class="sc-button sc-button-secondary" type="submit">${k(t, 'uploadLogo')}</button></div>
</form>`;
  return frame(page, 'brand', body, {
    after: html`${logo}${preview}`,
    scripts: [themeIsland(k(t, 'contrastReport'), MIN_CONTRAST)],
  });
}

const hex = /^#[0-9a-fA-F]{6}$/;

/** The preview's custom properties; a value that is no colour (or no safe font stack) falls back. */
function themeVariables(c: Tenant['brand']['colours'], font: string): string {
  const colour = (v: string, fallback: string) => (hex.test(v) ? v : fallback);
  const safeFont = /^[\w\s,'"-]{1,120}$/.test(font) ? font : 'system-ui, sans-serif';
  return `.sc-theme-preview{--p:${colour(c.primary, '#1f6feb')};--a:${colour(c.accent, '#f08c00')};--b:${colour(
    c.background,
    '#ffffff',
  )};--x:${colour(c.text, '#1b1f24')};--f:${safeFont}}`;
}

/** A miniature of the storefront in the draft's theme (colours follow the inputs with JS), and links to full previews. */
function brandPreview(page: StepPage): SafeHtml {
  const { t } = page.ctx;
  // The saved draft's theme (a refused one would render unreadable); the island follows the inputs.
  const config = page.draft.config;
  const c = config.brand.colours;
  const tenantId = page.draft.tenantId;
  return html`<h2 id="preview-heading">${k(t, 'previewHeading')}</h2>
<style nonce="${page.ctx.nonce}">${raw(themeVariables(c, config.brand.font))}</style>
<section class="sc-theme-preview" aria-labelledby="preview-heading" data-preview>
<div class="sc-tp-header">${config.name}</div>
<p>${k(t, 'previewText')} <a href="${launchPath(tenantId, '/preview/offer')}">${k(t, 'previewLink')}</a></p>
<p><span class="sc-tp-button">${k(t, 'previewButton')}</span> <span class="sc-tp-badge">${k(t, 'previewBadge')}</span></p>
</section>
<ul><li><a href="${launchPath(tenantId, '/preview/home')}">${k(t, 'previewHome')}</a></li><li><a href="${launchPath(
    tenantId,
    '/preview/offer',
  )}">${k(t, 'previewOffer')}</a></li></ul>`;
}

/** The domains step: the draft's domains, one to add, and each live domain's verification record and status. */
export function domainsStep(page: StepPage, statuses: readonly DomainStatusView[]): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const config = page.draft.config;
  const status = new Map(statuses.map((s) => [s.domain, s]));
  const body = html`<table><caption class="sc-visually-hidden">${k(t, 'domainsCaption')}</caption><thead><tr><th scope="col">${k(
    t,
    'domain',
  )}</th><th scope="col">${k(t, 'domainStatus')}</th><th scope="col">${k(t, 'domainRecord')}</th><th scope="col">${k(
    t,
    'remove',
  )}</th></tr></thead><tbody>${config.domains.map((d, i) => {
    const s = status.get(d);
    return html`<tr><td>${d}</td><td>${s ? s.status : k(t, 'domainNotPublished')}</td><td>${
      s?.record ? html`<code>${s.record.type} ${s.record.name} "${s.record.value}"</code>` : '–'
    }</td><td><input type="checkbox" id="f-remove-${i}" name="remove" value="${d}"><label class="sc-visually-hidden" for="f-remove-${i}">${k(
      t,
      'removeDomain',
      { domain: d },
    )}</label></td></tr>`;
  })}</tbody></table>
${input(t, errors, { name: 'add', label: k(t, 'addDomain'), hint: k(t, 'addDomainHint') })}
${errorLine(t, 'domains', errors.get('domains'))}`;
  return frame(page, 'domains', body);
}

export const currencyChoices = [
  'THB',
  'VND',
  'KRW',
  'MYR',
  'IDR',
  'PHP',
  'SGD',
  'JPY',
  'USD',
  'EUR',
  'CNY',
] as const;

/** Languages (default among them), currency, country and time zone. */
export function localesStep(page: StepPage): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const config = shown(page);
  const languages = supportedLocales.map((l) => [l, t(`storefront:languageName_${l}`, { lng: l })] as const);
  const currencies = [...new Set([config.currency, ...currencyChoices])];
  const body = html`${checkboxes(t, errors, { name: 'locales', legend: k(t, 'languages'), checked: config.locales, options: languages })}
${select(t, errors, { name: 'defaultLocale', label: k(t, 'defaultLocale'), value: config.defaultLocale, options: languages })}
${select(t, errors, {
  name: 'currency',
  label: k(t, 'currency'),
  value: config.currency,
  options: currencies.map((c) => [c, c] as const),
})}
${input(t, errors, { name: 'country', label: k(t, 'country'), value: config.country ?? '', hint: k(t, 'countryHint') })}
${input(t, errors, { name: 'timeZone', label: k(t, 'timeZone'), value: config.timeZone, hint: k(t, 'timeZoneHint') })}`;
  return frame(page, 'locales', body);
}

function pricePreviewList(t: TFunction, preview: PricePreview | undefined, problem?: string): SafeHtml {
  if (problem) return html`<p>${problem}</p>`;
  if (!preview || preview.offers.length === 0) return html`<p>${k(t, 'noOffersToPrice')}</p>`;
  return html`<ul>${preview.offers.map((o) => html`<li><strong>${o.title}</strong>: ${o.sentence}</li>`)}</ul>
<p class="sc-meta">${k(t, 'fxUsed', { rate: preview.fx.rate, currency: preview.currency, asOf: preview.fx.asOf.slice(0, 10) })}</p>`;
}

/** Markup and rounding, with the price preview of real offers (live as the values change, with JS). */
export function pricingStep(
  page: StepPage,
  preview: PricePreview | undefined,
  problem?: string,
): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const config = shown(page);
  const exponent = exponentOf(config.currency);
  const body = html`${input(t, errors, {
    name: 'pricing.markupBps',
    label: k(t, 'markup'),
    value: config.pricing.markupBps / 100,
    type: 'number',
    step: '0.01',
    min: '0',
    hint: k(t, 'markupHint'),
  })}
${input(t, errors, {
  name: 'pricing.rounding.increment',
  label: k(t, 'roundingIncrement', { currency: config.currency }),
  value: config.pricing.rounding.increment / 10 ** exponent,
  type: 'number',
  step: exponent > 0 ? String(10 ** -exponent) : '1',
  min: exponent > 0 ? String(10 ** -exponent) : '1',
  hint: k(t, 'roundingHint'),
})}
${select(t, errors, {
  name: 'pricing.rounding.mode',
  label: k(t, 'roundingMode'),
  value: config.pricing.rounding.mode,
  options: (['up', 'nearest', 'down'] as const).map((m) => [m, k(t, `rounding_${m}`)] as const),
})}`;
  const after = html`<section aria-labelledby="price-preview-heading" data-price-preview="${launchPath(
    page.draft.tenantId,
    '/preview/prices',
  )}" data-currency="${config.currency}" data-exponent="${exponent}">
<h2 id="price-preview-heading">${k(t, 'pricePreview')}</h2>
<div id="price-preview" aria-live="polite">${pricePreviewList(t, preview, problem)}</div>
</section>`;
  return frame(page, 'pricing', body, { after, scripts: [priceIsland(k(t, 'previewFailed'))] });
}

function countView(t: TFunction, count: CurationCountView | undefined, problem?: string): SafeHtml {
  if (problem || !count) return html`<p>${problem ?? ''}</p>`;
  return html`<p class="sc-count"><strong>${count.sentence}</strong></p>${
    count.samples.length > 0
      ? html`<p>${k(t, 'samples')}</p><ul>${count.samples.map(
          (s) => html`<li>${s.title} — ${k(t, 'priceFrom', { price: s.priceFrom.formatted })}</li>`,
        )}</ul>`
      : ''
  }`;
}

/** Categories, supplier tiers, required badges and belts, with the live count of offers the site will sell. */
export function curationStep(
  page: StepPage,
  count: CurationCountView | undefined,
  problem?: string,
): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const curation = shown(page).curation;
  const groups = categoriesL1.map((l1) =>
    checkboxes(t, errors, {
      name: 'curation.categories',
      legend: t(`catalog:category_${l1}`),
      checked: curation.categories,
      options: [
        [l1, k(t, 'wholeGroup', { group: t(`catalog:category_${l1}`) })] as const,
        ...categoryTree[l1].map((l2) => [l2, t(`catalog:category_${l2}`)] as const),
      ],
    }),
  );
  const body = html`<fieldset class="sc-choices"><legend>${k(t, 'categories')}</legend><p class="sc-hint">${k(t, 'emptyMeansAll')}</p>
<div class="sc-columns">${groups}</div></fieldset>
${checkboxes(t, errors, {
  name: 'curation.supplierTiers',
  legend: k(t, 'supplierTiers'),
  checked: curation.supplierTiers,
  options: supplierTiers.map((s) => [s, t(`catalog:tier_${s}`)] as const),
})}
${checkboxes(t, errors, {
  name: 'curation.requiredBadges',
  legend: k(t, 'requiredBadges'),
  checked: curation.requiredBadges,
  options: badges.map((b) => [b, t(`catalog:badge_${b}`)] as const),
})}
${checkboxes(t, errors, {
  name: 'curation.belts',
  legend: k(t, 'belts'),
  checked: curation.belts,
  options: belts.map((b) => [b, t(`catalog:belt_${b}`)] as const),
})}`;
  const after = html`<section aria-labelledby="count-heading" data-curation-count="${launchPath(page.draft.tenantId, '/preview/curation')}">
<h2 id="count-heading">${k(t, 'liveCount')}</h2>
<div id="curation-count" aria-live="polite">${countView(t, count, problem)}</div>
</section>`;
  return frame(page, 'curation', body, { after, scripts: [curationIsland(k(t, 'previewFailed'))] });
}

/** Shipping lanes: the draft's, one to remove or add. */
export function lanesStep(page: StepPage): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const lanes = page.draft.config.shippingLanes;
  const body = html`${
    lanes.length > 0
      ? html`<table><caption class="sc-visually-hidden">${k(t, 'lanesCaption')}</caption><thead><tr><th scope="col">${k(t, 'laneId')}</th><th scope="col">${k(
          t,
          'laneKind',
        )}</th><th scope="col">${k(t, 'laneTransit')}</th><th scope="col">${k(t, 'remove')}</th></tr></thead><tbody>${lanes.map(
          (l, i) =>
            html`<tr><td>${l.id}</td><td>${k(t, `lane_${l.kind}`)}</td><td>${k(t, 'days', {
              min: l.transitDays.min,
              max: l.transitDays.max,
            })}</td><td><input type="checkbox" id="f-lane-remove-${i}" name="remove" value="${l.id}"><label class="sc-visually-hidden" for="f-lane-remove-${i}">${k(
              t,
              'removeLane',
              { lane: l.id },
            )}</label></td></tr>`,
        )}</tbody></table>`
      : html`<p>${k(t, 'noLanes')}</p>`
  }
<fieldset class="sc-choices"><legend>${k(t, 'addLane')}</legend>
${input(t, errors, { name: 'lane.id', label: k(t, 'laneId'), hint: k(t, 'laneIdHint') })}
${select(t, errors, { name: 'lane.kind', label: k(t, 'laneKind'), value: 'air_express', options: laneKinds.map((l) => [l, k(t, `lane_${l}`)] as const) })}
${input(t, errors, { name: 'lane.transitMin', label: k(t, 'transitMin'), type: 'number', min: '1' })}
${input(t, errors, { name: 'lane.transitMax', label: k(t, 'transitMax'), type: 'number', min: '1' })}
${input(t, errors, { name: 'lane.base', label: k(t, 'laneBase'), type: 'number', step: '0.01', min: '0' })}
${input(t, errors, { name: 'lane.per100g', label: k(t, 'lanePer100g'), type: 'number', step: '0.01', min: '0' })}
${input(t, errors, { name: 'lane.volumetricDivisor', label: k(t, 'laneDivisor'), type: 'number', value: 6000, min: '100' })}
${errorLine(t, 'shippingLanes', errors.get('shippingLanes'))}
</fieldset>`;
  return frame(page, 'lanes', body);
}

/**
 * Payment methods, the bank account for transfers (VietQR), the virtual-account provider; the
 * partner's own provider secret key in a form of its own, never shown back (its last four
 * characters only), replaced or removed.
 */
export function paymentsStep(page: StepPage, key: ProviderKeyView): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const config = shown(page);
  const bank = config.payments.bankAccount;
  const body = html`${checkboxes(t, errors, {
    name: 'paymentMethods',
    legend: k(t, 'paymentMethods'),
    checked: config.paymentMethods,
    options: paymentMethods.map((m) => [m, k(t, `method_${m}`)] as const),
  })}
<fieldset class="sc-choices" id="f-payments-bankAccount"><legend>${k(t, 'bankAccount')}</legend>
${input(t, errors, { name: 'payments.bankAccount.bankName', label: k(t, 'bankName'), value: bank?.bankName ?? '' })}
${input(t, errors, { name: 'payments.bankAccount.bankBin', label: k(t, 'bankBin'), value: bank?.bankBin ?? '', hint: k(t, 'bankBinHint') })}
${input(t, errors, { name: 'payments.bankAccount.accountNumber', label: k(t, 'accountNumber'), value: bank?.accountNumber ?? '' })}
${input(t, errors, { name: 'payments.bankAccount.accountName', label: k(t, 'accountName'), value: bank?.accountName ?? '' })}
</fieldset>
<fieldset class="sc-choices" id="f-payments-virtualAccount"><legend>${k(t, 'virtualAccount')}</legend>
${input(t, errors, {
  name: 'payments.virtualAccount.bankCode',
  label: k(t, 'vaBankCode'),
  value: config.payments.virtualAccount?.bankCode ?? '',
})}
</fieldset>
${input(t, errors, { name: 'payments.deadlineHours', label: k(t, 'deadlineHours'), value: config.payments.deadlineHours, type: 'number', min: '1' })}`;
  return frame(page, 'payments', body, { after: providerKeySection(page, key) });
}

function providerKeySection(page: StepPage, key: ProviderKeyView): SafeHtml {
  const { t, csrf } = page.ctx;
  const action = launchPath(page.draft.tenantId, '/payments/provider-key');
  const { error, done } = page.state.providerKey ?? {};
  const keyErrors = errorIndex(error ? [error] : []);
  const own = 'ending' in key;
  const status = own
    ? k(t, 'providerKeySet', { ending: key.ending })
    : key.platform
      ? k(t, 'providerKeyPlatform')
      : k(t, 'providerKeyNone');
  return html`<section aria-labelledby="provider-key-heading">
<h2 id="provider-key-heading">${k(t, 'providerKeyHeading')}</h2>
${done ? html`<div class="sc-notice" role="status">${k(t, done === 'set' ? 'providerKeySaved' : 'providerKeyRemoved')}</div>` : ''}
<p id="provider-key-status">${status}</p>
<form class="sc-form" method="post" action="${action}" novalidate aria-labelledby="provider-key-heading">
${csrfField(csrf)}
<input type="hidden" name="action" value="set">
${input(t, keyErrors, {
  name: 'secretKey',
  label: own ? k(t, 'providerKeyNew') : k(t, 'providerKeyLabel'),
  type: 'password',
  hint: k(t, 'providerKeyHint'),
  autocomplete: 'off',
})}
<div><button class="sc-button sc-button-secondary" type="submit">${own ? k(t, 'providerKeyReplace') : k(t, 'providerKeySave')}</button></div>
</form>
${
  own
    ? html`<form class="sc-inline" method="post" action="${action}">
${csrfField(csrf)}<input type="hidden" name="action" value="remove">
<button class="sc-button sc-button-danger" type="submit">${k(t, 'providerKeyRemove')}</button>
</form>`
    : ''
}
</section>`;
}

/** Contact details and legal text, per language of the site. */
export function contactStep(page: StepPage): ConsoleView {
  const { t } = page.ctx;
  const errors = errorIndex(page.state.errors);
  const config = shown(page);
  const body = html`${input(t, errors, { name: 'contact.email', label: k(t, 'contactEmail'), value: config.contact.email ?? '', type: 'email', autocomplete: 'email' })}
${input(t, errors, { name: 'contact.phone', label: k(t, 'contactPhone'), value: config.contact.phone ?? '', type: 'tel', autocomplete: 'tel' })}
${input(t, errors, { name: 'contact.address', label: k(t, 'contactAddress'), value: config.contact.address ?? '' })}
${input(t, errors, { name: 'legal.companyName', label: k(t, 'companyName'), value: config.legal.companyName ?? '' })}
${input(t, errors, { name: 'legal.registrationNumber', label: k(t, 'registrationNumber'), value: config.legal.registrationNumber ?? '' })}
${config.locales.map(
  (l) => html`<fieldset class="sc-choices"><legend>${t(`storefront:languageName_${l}`, { lng: l })}</legend>
${textarea(t, errors, { name: `legal.terms.${l}`, label: k(t, 'terms'), value: config.legal.terms[l] ?? '', lang: l })}
${textarea(t, errors, { name: `legal.privacy.${l}`, label: k(t, 'privacy'), value: config.legal.privacy[l] ?? '', lang: l })}
</fieldset>`,
)}`;
  return frame(page, 'contact', body);
}

const showValue = (value: unknown): string =>
  value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value);

/** The diff against the live version and the one-click publish (or, when outdated, the update). */
export function publishPage(
  ctx: ConsoleContext,
  data: {
    draft: TenantDraft;
    stored: boolean;
    outdated: boolean;
    changes: readonly ConfigChange[];
    liveVersion: number;
    published?: number;
    overlapping?: readonly string[];
    error?: string;
  },
): ConsoleView {
  const { t } = ctx;
  const { draft } = data;
  const action = (path: string, label: string, cls = 'sc-button') =>
    html`<form method="post" action="${launchPath(draft.tenantId, path)}" class="sc-inline">${csrfField(ctx.csrf)}<input type="hidden" name="revision" value="${draft.revision}"><button class="${cls}" type="submit">${label}</button></form>`;
  const main = html`<style nonce="${ctx.nonce}">${raw(launchStylesheet)}</style>
<h1>${k(t, 'heading', { step: k(t, 'step_publish') })}</h1>
${stepNav(ctx, draft.tenantId, 'publish')}
${data.published ? html`<div class="sc-notice" role="status">${k(t, 'published', { version: data.published })}</div>` : ''}
${data.error ? html`<div class="sc-alert" role="alert">${data.error}</div>` : ''}
${
  data.overlapping && data.overlapping.length > 0
    ? html`<div class="sc-alert" role="alert">${k(t, 'overlapping', { paths: data.overlapping.join(', ') })}</div>`
    : ''
}
<p>${k(t, 'liveVersion', { version: data.liveVersion })}</p>
${
  data.changes.length === 0
    ? html`<p>${k(t, 'noChanges')}</p>`
    : html`<table><caption>${k(t, 'diffCaption', { count: data.changes.length })}</caption><thead><tr><th scope="col">${k(
        t,
        'diffField',
      )}</th><th scope="col">${k(t, 'diffLive')}</th><th scope="col">${k(t, 'diffDraft')}</th></tr></thead><tbody>${data.changes.map(
        (c) =>
          html`<tr><th scope="row"><code>${c.path}</code></th><td>${showValue(c.from)}</td><td>${showValue(c.to)}</td></tr>`,
      )}</tbody></table>`
}
${
  data.outdated
    ? html`<p>${k(t, 'draftOutdated', { baseVersion: draft.baseVersion })}</p>${action('/rebase', k(t, 'rebase'))}`
    : data.stored && data.changes.length > 0
      ? action('/publish', k(t, 'publish'))
      : ''
}
${data.stored ? html` ${action('/discard', k(t, 'discard'), 'sc-button sc-button-danger')}` : ''}`;
  return { title: `${k(t, 'step_publish')} · ${k(t, 'title')}`, main };
}

/** The console stylesheet's additions for these pages (inlined in a style element with the nonce). */
export { launchStylesheet };
