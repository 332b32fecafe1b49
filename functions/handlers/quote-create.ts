import { translatorFor } from '../../core/i18n/translator.ts';
import { presentQuote } from '../../core/quotes/present.ts';
import { quoteRequestSchema } from '../../core/quotes/quote.ts';
import { services } from '../composition.ts';
import { httpRoute } from '../http/route.ts';

/**
 * POST /api/v1/quotes: prices `{offerId, skuId, quantity}` lines on the server for the Host's
 * tenant, freezes rate and prices for QUOTE_TTL_SECONDS, signs and stores the quote.
 */
export const handler = httpRoute(
  { name: 'quote-create', tenant: 'required', body: quoteRequestSchema },
  async ({ tenant, locale, body }) => {
    const { quote, token } = await services().quotes.create(tenant!, locale, body);
    return {
      status: 201,
      headers: { 'cache-control': 'no-store' },
      body: presentQuote(quote, token, locale, translatorFor(locale)),
    };
  },
);
