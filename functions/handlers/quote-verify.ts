import { translatorFor } from '../../core/i18n/translator.ts';
import { presentQuote } from '../../core/quotes/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/quotes/verify: a genuine, unexpired quote of this site, as it was frozen. */
export const handler = implement('quote-verify', async ({ tenant, locale, body, services }) => {
  const quote = await services.quotes.verify(tenant.id, body.token);
  return {
    headers: noStore,
    body: { valid: true, quote: presentQuote(quote, body.token, locale, translatorFor(locale)) },
  };
});
