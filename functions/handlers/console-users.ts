import { usersPage } from '../../console/pages/users.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, invitableRoles } from './console-kit.ts';

/** GET /tenants/{tenantId}/users: the tenant's console users, and the invite form. */
export const handler = implement('console-users', async (input) => {
  const ctx = await consolePage(input);
  const users = await input.services.partners.users(input.params.tenantId);
  return consoleAnswer(
    ctx,
    usersPage(ctx, input.params.tenantId, users, invitableRoles(input.consoleUser.role), {
      ...(input.query.done && { invited: input.query.done }),
    }),
  );
});
