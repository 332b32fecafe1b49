import type { FieldError } from '../../core/errors.ts';
import { alertBox, csrfField, errorsByField, field } from '../components.ts';
import type { ConsoleContext } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

/** The invitation link's page: choose a password (or: the link no longer works). */
export function invitePage(
  ctx: ConsoleContext,
  invite: { email: string; secret: string } | undefined,
  problem?: { fields: readonly FieldError[]; message: string },
): ConsoleView {
  const { t } = ctx;
  if (!invite) {
    const main = html`<h1>${t('console:inviteInvalidHeading')}</h1>
${alertBox(problem?.message ?? t('errors:INVITE_INVALID'))}
<p><a href="/sign-in">${t('console:signIn')}</a></p>`;
    return { title: t('console:inviteInvalidHeading'), main };
  }
  const errors = errorsByField(problem?.fields ?? []);
  const main = html`<h1>${t('console:acceptHeading')}</h1>
<p>${t('console:acceptBody', { email: invite.email })}</p>
${alertBox(problem?.message)}
<form class="sc-form" method="post" action="/invite/${invite.secret}" novalidate>
${csrfField(ctx.csrf)}
<input type="hidden" name="username" value="${invite.email}" autocomplete="username">
${field(t, { name: 'password', label: t('console:newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t('console:passwordHint') }, errors.get('password'))}
<div><button class="sc-button" type="submit">${t('console:acceptInvite')}</button></div>
</form>`;
  return { title: t('console:acceptHeading'), main };
}
