import type { TFunction } from 'i18next';
import { formatMoney } from '../money/money.ts';
import type { Quote } from './quote.ts';

/** A quote as the API shows it: every amount as integer minor units plus its text in the locale. */
export function presentQuote(quote: Quote, token: string, locale: string, t: TFunction) {
  const money = (amountMinor: number) => ({
    amountMinor,
    currency: quote.currency,
    formatted: formatMoney(amountMinor, quote.currency, locale),
  });
  return {
    quoteId: quote.quoteId,
    token,
    currency: quote.currency,
    lines: quote.lines.map((l) => ({
      offerId: l.offerId,
      skuId: l.skuId,
      quantity: l.quantity,
      unitPrice: money(l.unitMinor),
      lineTotal: money(l.totalMinor),
    })),
    subtotal: money(quote.subtotalMinor),
    fx: quote.fx,
    createdAt: quote.createdAt,
    expiresAt: quote.expiresAt,
    validUntil: t('quotes:validUntil', { expiresAt: new Date(quote.expiresAt) }),
  };
}
