import type { Quote } from '../../../core/quotes/quote.ts';
import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/** A signed quote; a quote id of another tenant is simply not found. */
export const quote = defineEntity({
  name: 'quote',
  scope: 'tenant',
  key: ({ tenantId, quoteId }: { tenantId: string; quoteId: string }) => ({
    pk: `${tenantPrefix(tenantId)}QUOTE#${quoteId}`,
    sk: 'QUOTE',
  }),
  example: { tenantId: 'vn', quoteId: 'q_0123456789abcdef0123456789abcdef' },
});

export interface QuoteItem extends TableKey {
  quote: Quote;
  token: string;
  /** Epoch seconds: DynamoDB's TTL deletes the quote after. */
  ttl: number;
}
