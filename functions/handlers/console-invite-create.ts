import * as z from 'zod';
import { tenantPath } from '../../console/context.ts';
import { usersPage } from '../../console/pages/users.ts';
import { consoleRoles } from '../../core/partners/users.ts';
import { implement } from '../http/route.ts';
import {
  consoleForm,
  consoleOrigin,
  consolePage,
  formValue,
  invitableRoles,
  orFormAgain,
  principalOf,
  seeOther,
} from './console-kit.ts';

const inviteForm = z.object({ email: z.email().max(320), role: z.enum(consoleRoles) });

/**
 * POST /tenants/{tenantId}/users: invites a colleague by email (the operator: the owner; an
 * owner: staff). The rules are core/partners' (`mayInvite`); the link is mailed.
 */
export const handler = implement('console-invite-create', async (input) => {
  const ctx = await consolePage(input);
  const tenantId = input.params.tenantId;
  const roles = invitableRoles(input.consoleUser.role);
  const users = await input.services.partners.users(tenantId);
  const email = formValue(input.event, 'email');
  return orFormAgain(
    ctx,
    async () => {
      const { value: request } = consoleForm(input, inviteForm);
      await input.services.partners.invite(
        principalOf(input),
        { email: request.email, role: request.role, tenantId },
        { consoleOrigin: consoleOrigin(input.event), locale: ctx.locale, site: ctx.tenant?.name ?? tenantId },
      );
      return seeOther(
        `${tenantPath(tenantId, '/users')}?done=${encodeURIComponent(request.email.toLowerCase())}`,
      );
    },
    (problem) => usersPage(ctx, tenantId, users, roles, { problem, ...(email && { email }) }),
  );
});
