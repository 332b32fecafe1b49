import { resetRequestPage } from '../../storefront/pages/account.ts';
import { implement } from '../http/route.ts';
import { accountAnswer, accountContext, freshForm } from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

/** GET /account/reset: asks for the email a reset code is mailed to. */
export const handler = implement('page-account-reset', async (request) => {
  const input = asPage(request);
  const { ctx, header } = await accountContext(input);
  return accountAnswer(ctx, input.event, resetRequestPage(ctx, header, await freshForm(input)));
});
