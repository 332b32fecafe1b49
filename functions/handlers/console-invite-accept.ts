import * as z from 'zod';
import { invitePage } from '../../console/pages/invite.ts';
import { consoleSessionPolicy } from '../../core/partners/users.ts';
import { implement } from '../http/route.ts';
import {
  consoleForm,
  consolePage,
  consoleSessionCookie,
  orFormAgain,
  seeOther,
  signInToken,
} from './console-kit.ts';

const acceptForm = z.object({ password: z.string().max(200), username: z.string().optional() });

/** POST /invite/{secret}: sets the password (once, before the link expires) and signs in. */
export const handler = implement('console-invite-accept', async (input) => {
  const { token } = signInToken(input.event);
  const ctx = await consolePage(input, token);
  const secret = input.params.secret;
  const invite = await input.services.partners.pendingInvite(secret);
  return orFormAgain(
    ctx,
    async () => {
      const { value } = consoleForm(input, acceptForm);
      const signedIn = await input.services.partners.acceptInvite(secret, value.password);
      const home = signedIn.user.tenantId ? `/tenants/${signedIn.user.tenantId}` : '/';
      return seeOther(home, [consoleSessionCookie(signedIn.token, consoleSessionPolicy.absoluteSeconds)]);
    },
    (problem) => invitePage(ctx, invite && { email: invite.email, secret }, problem),
  );
});
