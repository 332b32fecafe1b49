import { normalizeEmail, resetPolicy } from '../../core/buyers/accounts.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/password-resets: mails a code if the address has an account here; 202 either way. */
export const handler = implement('buyer-password-reset', async ({ tenant, body, locale, services }) => {
  await services.buyers.requestReset(tenant, body.email, locale);
  const message = translatorFor(locale)('mail:passwordReset.requested', {
    email: normalizeEmail(body.email),
    site: tenant.name,
    minutes: resetPolicy.validMinutes,
  });
  return { status: 202, headers: noStore, body: { accepted: true, message } };
});
