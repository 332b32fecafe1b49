import type { FieldError } from '../../core/errors.ts';
import { alertBox, csrfField, errorsByField, field } from '../components.ts';
import type { ConsoleContext } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

export interface SignInView {
  email?: string;
  next?: string;
  /** A refused attempt's message key (`console:invalidCredentials`). */
  error?: string;
  fields?: readonly FieldError[];
  notice?: string;
}

export function signInPage(ctx: ConsoleContext, view: SignInView = {}): ConsoleView {
  const { t } = ctx;
  const errors = errorsByField(view.fields ?? []);
  const main = html`<h1>${t('console:signInHeading')}</h1>
${view.notice ? html`<div class="sc-notice" role="status">${view.notice}</div>` : ''}
${alertBox(view.error && t(view.error))}
<form class="sc-form" method="post" action="/sign-in" novalidate>
${csrfField(ctx.csrf)}
${view.next ? html`<input type="hidden" name="next" value="${view.next}">` : ''}
${field(t, { name: 'email', label: t('console:email'), type: 'email', value: view.email, required: true, autocomplete: 'username' }, errors.get('email'))}
${field(t, { name: 'password', label: t('console:password'), type: 'password', required: true, autocomplete: 'current-password' }, errors.get('password'))}
<div><button class="sc-button" type="submit">${t('console:signIn')}</button></div>
</form>`;
  return { title: t('console:signInHeading'), main };
}
