import type { FieldError } from '../../core/errors.ts';
import type { ConsoleRole, PartnerUser } from '../../core/partners/users.ts';
import { alertBox, csrfField, errorsByField, field, notice } from '../components.ts';
import { type ConsoleContext, tenantPath } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

/** A tenant's console users and the invite form (the role the signed-in user may invite). */
export function usersPage(
  ctx: ConsoleContext,
  tenantId: string,
  users: readonly PartnerUser[],
  invitable: readonly ConsoleRole[],
  state: {
    invited?: string;
    email?: string;
    problem?: { fields: readonly FieldError[]; message: string };
  } = {},
): ConsoleView {
  const { t } = ctx;
  const errors = errorsByField(state.problem?.fields ?? []);
  const main = html`<h1>${t('console:usersHeading')}</h1>
${notice(state.invited && t('console:invited', { email: state.invited }))}
<table><caption class="sc-visually-hidden">${t('console:usersHeading')}</caption>
<thead><tr><th scope="col">${t('console:email')}</th><th scope="col">${t('console:role')}</th><th scope="col">${t('console:userStatus')}</th></tr></thead>
<tbody>${users.map(
    (u) =>
      html`<tr><td>${u.email}</td><td>${t(`console:role_${u.role}`)}</td><td>${u.passwordHash ? t('console:userActive') : t('console:userInvited')}</td></tr>`,
  )}</tbody></table>
${
  invitable.length > 0
    ? html`<h2>${t('console:inviteHeading')}</h2>
${alertBox(state.problem?.message)}
<form class="sc-form" method="post" action="${tenantPath(tenantId, '/users')}" novalidate>
${csrfField(ctx.csrf)}
${field(t, { name: 'email', label: t('console:email'), type: 'email', value: state.email, required: true, autocomplete: 'off' }, errors.get('email'))}
${field(t, { name: 'role', label: t('console:role'), options: invitable.map((r) => [r, t(`console:role_${r}`)] as const) }, errors.get('role'))}
<div><button class="sc-button" type="submit">${t('console:sendInvite')}</button></div>
</form>`
    : ''
}`;
  return { title: t('console:usersHeading'), main };
}
