import type { FieldError } from '../../core/errors.ts';
import { alertBox, csrfField, errorsByField, field } from '../components.ts';
import { type ConsoleContext, consoleLocales } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

export interface NewTenantValues {
  id?: string;
  name?: string;
  domain?: string;
  defaultLocale?: string;
  locales?: readonly string[];
  currency?: string;
  country?: string;
  contactEmail?: string;
}

/** The operator's form for a new tenant (checked by the admin API's own tenant schema). */
export function newTenantPage(
  ctx: ConsoleContext,
  values: NewTenantValues = {},
  problem?: { fields: readonly FieldError[]; message: string },
): ConsoleView {
  const { t } = ctx;
  const errors = errorsByField(problem?.fields ?? []);
  const chosen = new Set(values.locales ?? []);
  const localeError = errors.get('locales');
  const main = html`<h1>${t('console:newTenantHeading')}</h1>
${alertBox(problem?.message)}
<form class="sc-form" method="post" action="/new-tenant" novalidate>
${csrfField(ctx.csrf)}
${field(t, { name: 'id', label: t('console:tenantId'), value: values.id, required: true, hint: t('console:tenantIdHint') }, errors.get('id'))}
${field(t, { name: 'name', label: t('console:tenantName'), value: values.name, required: true }, errors.get('name'))}
${field(t, { name: 'domain', label: t('console:domain'), value: values.domain, required: true, hint: t('console:domainHint') }, errors.get('domains'))}
${field(
  t,
  {
    name: 'defaultLocale',
    label: t('console:defaultLocale'),
    value: values.defaultLocale ?? 'en',
    options: consoleLocales.map((l) => [l, t(`storefront:languageName_${l}`, { lng: l })] as const),
  },
  errors.get('defaultLocale'),
)}
<fieldset class="sc-field"${localeError ? html` aria-describedby="f-locales-error"` : ''}><legend>${t('console:siteLocales')}</legend>
${consoleLocales.map(
  (l) =>
    html`<label><input type="checkbox" name="locales" value="${l}"${chosen.has(l) || (!values.locales && l === 'en') ? html` checked` : ''}> <span lang="${l}">${t(`storefront:languageName_${l}`, { lng: l })}</span></label>`,
)}
${localeError ? html`<p class="sc-field-error" id="f-locales-error">${t(`validation:${localeError.rule}`, { ...localeError.params, defaultValue: t('validation:invalid') })}</p>` : ''}
</fieldset>
${field(t, { name: 'currency', label: t('console:currency'), value: values.currency, required: true, hint: t('console:currencyHint') }, errors.get('currency'))}
${field(t, { name: 'country', label: t('console:country'), value: values.country, hint: t('console:countryHint') }, errors.get('country'))}
${field(t, { name: 'contactEmail', label: t('console:contactEmail'), type: 'email', value: values.contactEmail }, errors.get('contact'))}
<div><button class="sc-button" type="submit">${t('console:createTenant')}</button></div>
</form>`;
  return { title: t('console:newTenantHeading'), main };
}
