import * as z from 'zod';
import { implement } from '../http/route.ts';
import { consoleForm, consoleSessionCookie, seeOther } from './console-kit.ts';

/** POST /sign-out: ends this session (the cookie is dropped too) and shows the sign-in page. */
export const handler = implement('console-sign-out', async (input) => {
  consoleForm(input, z.object({}));
  await input.services.partners.signOut(input.consoleUser);
  return seeOther('/sign-in', [consoleSessionCookie('', 0)]);
});
