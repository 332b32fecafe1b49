import { PASSWORD_MIN_LENGTH } from '../../core/buyers/passwords.ts';
import { taxIdExample } from '../../core/buyers/tax-ids.ts';
import { href, type PageContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout, type PageMeta } from '../layout.ts';

/**
 * The buyer's account pages: sign-in, register, password reset (request a code, then the code
 * and a new password), the profile with the sign-out forms, and the order list. Every form posts
 * (JavaScript off works), carries its CSRF token, labels each control, marks a failing field
 * (`aria-invalid`, its message in `aria-describedby`) and lists every problem in a summary at the
 * top whose links move focus to the field. Passwords are never written back into a page.
 */

/** Who the header's account link names: the buyer on pages about them, else a sign-in link. */
export type AccountHeader = NonNullable<PageMeta['account']>;

/** A refusal of a form, localized: per field, and one message for the whole form. */
export interface FormFailure {
  status: number;
  fields: { field: string; message: string }[];
  message?: string;
}

/** A form as rendered: its token, what the buyer typed, what went wrong. */
export interface FormView {
  csrf: string;
  values: Record<string, string>;
  errors: { field: string; message: string }[];
  /** A problem of the whole form (wrong password, throttled, expired form). */
  message?: string;
  /** Good news shown above the form (a code was mailed, the profile was saved). */
  notice?: string;
}

interface FieldSpec {
  name: string;
  type: 'text' | 'email' | 'password' | 'tel';
  autocomplete: string;
  required?: boolean;
  hint?: string;
  inputmode?: 'numeric';
  /** Never written back (passwords). */
  secret?: boolean;
  maxlength?: number;
}

const fieldId = (name: string) => `f-${name}`;

function messageFor(form: FormView, name: string): string | undefined {
  return form.errors.find((e) => e.field === name)?.message;
}

function field(ctx: PageContext, form: FormView, spec: FieldSpec): SafeHtml {
  const id = fieldId(spec.name);
  const error = messageFor(form, spec.name);
  const described = [spec.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const value = spec.secret ? '' : (form.values[spec.name] ?? '');
  return html`<div class="sf-field${error ? ' sf-field-invalid' : ''}">
<label for="${id}">${ctx.t(`account-pages:field.${spec.name}`)}${spec.required ? '' : html` <span class="sf-meta">${ctx.t('account-pages:optional')}</span>`}</label>
${spec.hint ? html`<p class="sf-hint" id="${id}-hint">${spec.hint}</p>` : ''}
${error ? html`<p class="sf-field-error" id="${id}-error">${error}</p>` : ''}
<input id="${id}" name="${spec.name}" type="${spec.type}" autocomplete="${spec.autocomplete}" value="${value}"${
    spec.required ? html` required` : ''
  }${spec.inputmode ? html` inputmode="${spec.inputmode}"` : ''}${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

/**
 * The problems of a posted form, first thing in it: announced (role=alert), focused on load
 * (autofocus) and each linked to its field, so a keyboard or screen-reader user lands on them.
 */
function errorSummary(ctx: PageContext, form: FormView): SafeHtml {
  if (!form.message && form.errors.length === 0) return html``;
  return html`<div class="sf-error-summary" role="alert" tabindex="-1" autofocus id="form-errors" aria-labelledby="form-errors-title">
<h2 id="form-errors-title">${ctx.t('account-pages:problemHeading')}</h2>
${form.message ? html`<p id="form-message">${form.message}</p>` : ''}
${
  form.errors.length > 0
    ? html`<ul>${form.errors.map(
        (e) =>
          html`<li><a href="#${fieldId(e.field)}">${ctx.t(`account-pages:field.${e.field}`, { defaultValue: e.field })}: ${e.message}</a></li>`,
      )}</ul>`
    : ''
}
</div>`;
}

function notice(form: FormView): SafeHtml {
  return form.notice ? html`<p class="sf-notice" role="status">${form.notice}</p>` : html``;
}

function postForm(
  ctx: PageContext,
  form: FormView,
  action: string,
  body: SafeHtml,
  submit: string,
  hidden: Record<string, string | undefined> = {},
): SafeHtml {
  return html`<form class="sf-form" method="post" action="${href(ctx, action)}" novalidate>
${errorSummary(ctx, form)}
<input type="hidden" name="csrf" value="${form.csrf}">
${Object.entries(hidden).map(([name, value]) => (value ? html`<input type="hidden" name="${name}" value="${value}">` : ''))}
${body}
<button class="sf-button sf-primary" type="submit">${submit}</button>
</form>`;
}

function page(
  ctx: PageContext,
  header: AccountHeader,
  title: string,
  main: SafeHtml,
  description = title,
): string {
  return layout(ctx, { title, description, noindex: true, account: header }, main);
}

const passwordHint = (ctx: PageContext) =>
  ctx.t('account-pages:passwordHint', { minimum: PASSWORD_MIN_LENGTH });

export function signInPage(ctx: PageContext, header: AccountHeader, form: FormView, next?: string): string {
  const { t } = ctx;
  const main = html`<h1>${t('account-pages:signInHeading')}</h1>
${notice(form)}
${postForm(
  ctx,
  form,
  '/account/sign-in',
  html`${field(ctx, form, { name: 'email', type: 'email', autocomplete: 'username', required: true })}
${field(ctx, form, { name: 'password', type: 'password', autocomplete: 'current-password', required: true, secret: true })}`,
  t('account-pages:signInButton'),
  { next },
)}
<p><a href="${href(ctx, '/account/reset')}">${t('account-pages:forgotPassword')}</a></p>
<p>${t('account-pages:noAccount')} <a href="${href(ctx, '/account/register', { next })}">${t('account-pages:registerLink')}</a></p>`;
  return page(ctx, header, t('account-pages:signInHeading'), main);
}

export function registerPage(ctx: PageContext, header: AccountHeader, form: FormView, next?: string): string {
  const { t } = ctx;
  const country = ctx.tenant.country ?? '';
  const main = html`<h1>${t('account-pages:registerHeading')}</h1>
<p>${t('account-pages:registerIntro', { site: ctx.tenant.name })}</p>
${postForm(
  ctx,
  form,
  '/account/register',
  html`${field(ctx, form, { name: 'companyName', type: 'text', autocomplete: 'organization', required: true, maxlength: 160 })}
${field(ctx, form, {
  name: 'taxId',
  type: 'text',
  autocomplete: 'off',
  hint: t('account-pages:taxIdHint', { example: taxIdExample(country) }),
  maxlength: 40,
})}
${field(ctx, form, { name: 'contactName', type: 'text', autocomplete: 'name', required: true, maxlength: 120 })}
${field(ctx, form, { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: 254 })}
${field(ctx, form, { name: 'phone', type: 'tel', autocomplete: 'tel', required: true, maxlength: 20 })}
${field(ctx, form, {
  name: 'password',
  type: 'password',
  autocomplete: 'new-password',
  required: true,
  secret: true,
  hint: passwordHint(ctx),
})}`,
  t('account-pages:registerButton'),
  { next },
)}
<p>${t('account-pages:haveAccount')} <a href="${href(ctx, '/account/sign-in', { next })}">${t('account-pages:signInLink')}</a></p>`;
  return page(ctx, header, t('account-pages:registerHeading'), main);
}

export function resetRequestPage(ctx: PageContext, header: AccountHeader, form: FormView): string {
  const { t } = ctx;
  const main = html`<h1>${t('account-pages:resetHeading')}</h1>
<p>${t('account-pages:resetIntro')}</p>
${postForm(
  ctx,
  form,
  '/account/reset',
  field(ctx, form, { name: 'email', type: 'email', autocomplete: 'email', required: true }),
  t('account-pages:resetButton'),
)}
<p><a href="${href(ctx, '/account/reset/confirm')}">${t('account-pages:haveCode')}</a></p>`;
  return page(ctx, header, t('account-pages:resetHeading'), main);
}

export function resetConfirmPage(ctx: PageContext, header: AccountHeader, form: FormView): string {
  const { t } = ctx;
  const main = html`<h1>${t('account-pages:resetConfirmHeading')}</h1>
${notice(form)}
${postForm(
  ctx,
  form,
  '/account/reset/confirm',
  html`${field(ctx, form, { name: 'email', type: 'email', autocomplete: 'username', required: true })}
${field(ctx, form, {
  name: 'code',
  type: 'text',
  autocomplete: 'one-time-code',
  inputmode: 'numeric',
  required: true,
  maxlength: 6,
  hint: t('account-pages:codeHint'),
})}
${field(ctx, form, {
  name: 'password',
  type: 'password',
  autocomplete: 'new-password',
  required: true,
  secret: true,
  hint: passwordHint(ctx),
})}`,
  t('account-pages:resetConfirmButton'),
)}
<p><a href="${href(ctx, '/account/reset')}">${t('account-pages:newCode')}</a></p>`;
  return page(ctx, header, t('account-pages:resetConfirmHeading'), main);
}

/** What the profile page shows of the account (core's presentBuyer). */
export interface ProfileView {
  email: string;
  companyName: string;
  contactName: string;
  phone: string;
  taxId?: string;
}

function accountNav(ctx: PageContext, current: 'profile' | 'orders'): SafeHtml {
  const link = (path: string, key: string, here: boolean) =>
    html`<li><a href="${href(ctx, path)}"${here ? html` aria-current="page"` : ''}>${ctx.t(`account-pages:${key}`)}</a></li>`;
  return html`<nav class="sf-account-nav" aria-label="${ctx.t('account-pages:accountNav')}"><ul>${link(
    '/account',
    'profileLink',
    current === 'profile',
  )}${link('/account/orders', 'ordersLink', current === 'orders')}</ul></nav>`;
}

export function accountPage(
  ctx: PageContext,
  header: AccountHeader,
  profile: ProfileView,
  form: FormView,
): string {
  const { t } = ctx;
  const country = ctx.tenant.country ?? '';
  const main = html`<h1>${t('account-pages:accountHeading')}</h1>
${accountNav(ctx, 'profile')}
${notice(form)}
<h2>${t('account-pages:profileHeading')}</h2>
<p>${t('account-pages:field.email')}: <strong>${profile.email}</strong></p>
${postForm(
  ctx,
  form,
  '/account',
  html`${field(ctx, form, { name: 'companyName', type: 'text', autocomplete: 'organization', required: true, maxlength: 160 })}
${field(ctx, form, {
  name: 'taxId',
  type: 'text',
  autocomplete: 'off',
  hint: t('account-pages:taxIdHint', { example: taxIdExample(country) }),
  maxlength: 40,
})}
${field(ctx, form, { name: 'contactName', type: 'text', autocomplete: 'name', required: true, maxlength: 120 })}
${field(ctx, form, { name: 'phone', type: 'tel', autocomplete: 'tel', required: true, maxlength: 20 })}`,
  t('account-pages:saveButton'),
)}
<h2>${t('account-pages:signOutHeading')}</h2>
<form class="sf-inline-form" method="post" action="${href(ctx, '/account/sign-out')}">
<input type="hidden" name="csrf" value="${form.csrf}">
<button class="sf-button" type="submit">${t('account-pages:signOutButton')}</button>
</form>
<form class="sf-inline-form" method="post" action="${href(ctx, '/account/sign-out-everywhere')}">
<input type="hidden" name="csrf" value="${form.csrf}">
<button class="sf-button" type="submit" aria-describedby="everywhere-hint">${t('account-pages:signOutEverywhereButton')}</button>
<p class="sf-hint" id="everywhere-hint">${t('account-pages:signOutEverywhereHint')}</p>
</form>`;
  return page(ctx, header, t('account-pages:accountHeading'), main);
}

/** One row of the order list (core's presentOrderSummary). */
export interface OrderRow {
  orderId: string;
  reference: string;
  statusLabel: string;
  placedAt: { at: string; local: string };
  total: { formatted: string };
  lineCount: number;
}

export function ordersPage(
  ctx: PageContext,
  header: AccountHeader,
  orders: OrderRow[],
  nextCursor: string | undefined,
  laterPage: boolean,
): string {
  const { t } = ctx;
  const list =
    orders.length === 0
      ? html`<p>${t('account-pages:noOrders')} <a href="${href(ctx, '/')}">${t('account-pages:startShopping')}</a></p>`
      : html`<table class="sf-orders">
<caption class="sf-visually-hidden">${t('account-pages:ordersHeading')}</caption>
<thead><tr><th scope="col">${t('account-pages:orderReference')}</th><th scope="col">${t('account-pages:orderPlaced')}</th><th scope="col">${t('account-pages:orderStatus')}</th><th scope="col">${t('account-pages:orderTotal')}</th></tr></thead>
<tbody>${orders.map(
          (o) => html`<tr>
<th scope="row"><a href="${href(ctx, `/orders/${encodeURIComponent(o.orderId)}`)}">${o.reference}</a><br><span class="sf-meta">${t('account-pages:lineCount', { count: o.lineCount })}</span></th>
<td><time datetime="${o.placedAt.at}">${o.placedAt.local}</time></td>
<td>${o.statusLabel}</td>
<td>${o.total.formatted}</td>
</tr>`,
        )}</tbody>
</table>`;
  const main = html`<h1>${t('account-pages:ordersHeading')}</h1>
${accountNav(ctx, 'orders')}
${list}
${
  nextCursor || laterPage
    ? html`<nav class="sf-pager" aria-label="${t('storefront:pagination')}"><ul class="sf-chips">${
        laterPage
          ? html`<li><a href="${href(ctx, '/account/orders')}">${t('account-pages:newestOrders')}</a></li>`
          : ''
      }${
        nextCursor
          ? html`<li><a rel="next" href="${href(ctx, '/account/orders', { cursor: nextCursor })}">${t('account-pages:olderOrders')}</a></li>`
          : ''
      }</ul></nav>`
    : ''
}`;
  return page(ctx, header, t('account-pages:ordersHeading'), main);
}
