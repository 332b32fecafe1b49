import { invitePage } from '../../console/pages/invite.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, signInToken } from './console-kit.ts';

/** GET /invite/{secret}: the invited person chooses a password (or learns the link is spent). */
export const handler = implement('console-invite-page', async (input) => {
  const { token, cookie } = signInToken(input.event);
  const ctx = await consolePage(input, token);
  const invite = await input.services.partners.pendingInvite(input.params.secret);
  return consoleAnswer(ctx, invitePage(ctx, invite && { email: invite.email, secret: input.params.secret }), {
    status: invite ? 200 : 400,
    ...(cookie && { cookies: [cookie] }),
  });
});
