import { signInPage } from '../../console/pages/sign-in.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, safeNext, signInToken } from './console-kit.ts';

/** GET /sign-in on the console host: the email and password form (its CSRF token in a cookie). */
export const handler = implement('console-sign-in-page', async (input) => {
  const { token, cookie } = signInToken(input.event);
  const ctx = await consolePage(input, token);
  const next = safeNext(input.query.next);
  return consoleAnswer(ctx, signInPage(ctx, { ...(next && { next }) }), {
    ...(cookie && { cookies: [cookie] }),
  });
});
