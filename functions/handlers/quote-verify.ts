import * as z from 'zod';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentQuote } from '../../core/quotes/present.ts';
import { services } from '../composition.ts';
import { httpRoute } from '../http/route.ts';

/**
 * POST /api/v1/quotes/verify `{token}`: the quote when it is genuine, this site's and unexpired
 * (what checkout accepts); otherwise QUOTE_INVALID, QUOTE_EXPIRED or QUOTE_NOT_FOUND, localized.
 */
export const handler = httpRoute(
  {
    name: 'quote-verify',
    tenant: 'required',
    body: z.strictObject({ token: z.string().min(1).max(20_000) }),
  },
  async ({ tenant, locale, body }) => {
    const quote = await services().quotes.verify(tenant!.id, body.token);
    return {
      headers: { 'cache-control': 'no-store' },
      body: { valid: true, quote: presentQuote(quote, body.token, locale, translatorFor(locale)) },
    };
  },
);
