import { translatorFor } from '../../core/i18n/translator.ts';
import { presentQuote } from '../../core/quotes/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { countEvent } from '../http/telemetry.ts';

/**
 * POST /api/v1/quotes: prices `{offerId, skuId, quantity}` lines on the server for the Host's
 * tenant, freezes rate and prices for QUOTE_TTL_SECONDS, signs and stores the quote.
 */
export const handler = implement('quote-create', async ({ tenant, locale, body, services }) => {
  const { quote, token } = await services.quotes.create(tenant, locale, body);
  countEvent('QuotesCreated', { tenant: tenant.id });
  return { status: 201, headers: noStore, body: presentQuote(quote, token, locale, translatorFor(locale)) };
});
