import { presentBuyer } from '../../core/buyers/accounts.ts';
import { accountPage, type FormFailure } from '../../storefront/pages/account.ts';
import { implement } from '../http/route.ts';
import {
  type AccountInput,
  type AccountPage,
  accountAnswer,
  accountContext,
  formAgain,
  freshForm,
  toSignIn,
} from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

const notices = { saved: 'account-pages:saved', reset: 'account-pages:passwordChanged' } as const;

/**
 * The profile page of the signed-in `buyerId`: their profile to edit, or, after a refused post,
 * what they typed (`posted`) with what went wrong.
 */
export async function profilePage(
  input: AccountInput,
  buyerId: string,
  page: AccountPage,
  refused?: { posted: Record<string, string>; failure: FormFailure },
): Promise<string> {
  const { ctx, header } = page;
  const profile = presentBuyer(
    page.account ?? (await input.services.buyers.profile(input.tenant.id, buyerId)),
  );
  const values = {
    companyName: profile.companyName,
    contactName: profile.contactName,
    phone: profile.phone,
    taxId: profile.taxId ?? '',
  };
  const query = input.event.queryStringParameters ?? {};
  const shown = Object.entries(notices).find(([flag]) => query[flag] === '1');
  const form = refused
    ? await formAgain(input, { ...values, ...refused.posted }, refused.failure, Object.keys(values))
    : { ...(await freshForm(input, values)), ...(shown && { notice: ctx.t(shown[1]) }) };
  return accountPage(ctx, header, profile, form);
}

/** GET /account: the buyer's profile (company, contact, phone, tax id), sign-out here or everywhere. */
export const handler = implement('page-account', async (request) => {
  const input = asPage(request);
  const page = await accountContext(input);
  const { buyer } = input.shopper;
  if (!buyer) return toSignIn(page.ctx, input.event);
  return accountAnswer(page.ctx, input.event, await profilePage(input, buyer.buyerId, page));
});
