import '../../locales/console-launch.ts';
import * as z from 'zod';
import type { Locale } from '../../locales/index.ts';
import type { Offer } from '../catalog/model.ts';
import type { CurationCount, OfferSearch, OfferSummary } from '../catalog/search.ts';
import { showText } from '../catalog/translation.ts';
import { translatorFor } from '../i18n/translator.ts';
import { isCurrency } from '../money/currencies.ts';
import { pricingConfigSchema } from '../pricing/config.ts';
import type { LocalPrice, PriceBooks } from '../pricing/price-book.ts';
import { curationSchema, type Tenant } from './tenant.ts';

/**
 * The launch flow's live previews, answered from a draft (or from the values a partner is
 * still typing) through the same code the storefront uses: prices through the PriceBooks
 * service (the latest FX rate, the markup, the rounding rule), the curation count through the
 * search port (a count query with the curation filter every storefront query carries).
 */

/** The pricing terms a price preview may try instead of the draft's (the form being edited). */
export const pricingTermsSchema = z.object({
  currency: z
    .string()
    .refine(isCurrency, { message: 'unknown currency', params: { rule: 'unknown_currency' } })
    .optional(),
  markupBps: pricingConfigSchema.shape.markupBps.optional(),
  increment: z.coerce.number().int().min(1).max(1_000_000).optional(),
  mode: z.enum(['up', 'nearest', 'down']).optional(),
});
export type PricingTerms = z.infer<typeof pricingTermsSchema>;

/** The draft's currency and pricing with `terms` over them. */
export function pricingWith(draft: Pick<Tenant, 'currency' | 'pricing'>, terms: PricingTerms) {
  return {
    currency: terms.currency ?? draft.currency,
    pricing: {
      ...draft.pricing,
      ...(terms.markupBps !== undefined && { markupBps: terms.markupBps }),
      rounding: {
        increment: terms.increment ?? draft.pricing.rounding.increment,
        mode: terms.mode ?? draft.pricing.rounding.mode,
      },
    },
  };
}

export interface PricedOffer {
  offerId: string;
  title: string;
  /** The tier ladder in the previewed currency (unit price never rises with quantity). */
  tiers: { minQuantity: number; unitPrice: LocalPrice }[];
  /** "This offer shows as 59.000 ₫ from 2 pieces; 52.000 ₫ from 100." */
  sentence: string;
}

export interface PricePreview {
  currency: string;
  /** The rate used: units of the currency per CNY, its source and date. */
  fx: { rate: string; asOf: string; source: string };
  offers: PricedOffer[];
}

export interface PreviewPorts {
  priceBooks: PriceBooks;
  offers: { get(offerId: string): Promise<Offer | undefined> };
  search: Pick<OfferSearch, 'count'>;
}

function titleOf(title: Partial<Record<Locale, string>>, locale: Locale): string {
  return title[locale] ?? title.en ?? title['zh-CN'] ?? '';
}

/** The previews of one tenant's draft. */
export function launchPreviews(ports: PreviewPorts) {
  const count = (curation: Tenant['curation'], locale: Locale, size: number): Promise<CurationCount> =>
    ports.search.count({ curation, locale, size });

  return {
    /**
     * How many offers `curation` sells (the draft's, or the one being edited) and a few samples,
     * with their lowest price in the draft's currency.
     */
    async curationCount(draft: Tenant, curation: unknown, locale: Locale, size = 4) {
      const parsed = curationSchema.parse(curation ?? draft.curation);
      const [result, book] = await Promise.all([
        count(parsed, locale, size),
        ports.priceBooks.forTenant(draft, locale),
      ]);
      const t = translatorFor(locale);
      return {
        total: result.total,
        sentence: t('console-launch:curationCount', { count: result.total }),
        samples: result.offers.map((o: OfferSummary) => ({
          offerId: o.offerId,
          title: titleOf(o.title, locale),
          image: o.image,
          category: o.categoryL2,
          priceFrom: book.convert(o.priceMinFen),
        })),
      };
    },

    /**
     * Real offers priced with the draft's terms (or `terms` over them): the offers named, or
     * else the first few the draft's curation sells.
     */
    async prices(
      draft: Tenant,
      terms: PricingTerms,
      locale: Locale,
      offerIds: readonly string[] = [],
    ): Promise<PricePreview> {
      const pricing = pricingWith(draft, terms);
      const book = await ports.priceBooks.forTenant(pricing, locale);
      const ids =
        offerIds.length > 0
          ? offerIds
          : (await count(draft.curation, locale, 3)).offers.map((o) => o.offerId);
      const offers = (await Promise.all(ids.map((id) => ports.offers.get(id)))).filter(
        (o): o is Offer => o?.listed === true,
      );
      const t = translatorFor(locale);
      return {
        currency: book.currency,
        fx: book.fx,
        offers: offers.map((offer) => {
          const tiers = book.convertLadder(
            offer.priceTiers.map((tier) => ({ minQuantity: tier.minQuantity, unitPrice: tier.unitPriceFen })),
          );
          const first = tiers[0]!;
          const last = tiers[tiers.length - 1]!;
          const sentence =
            tiers.length > 1
              ? t('console-launch:priceTiers', {
                  first: first.unitPrice.formatted,
                  from: first.minQuantity,
                  last: last.unitPrice.formatted,
                  to: last.minQuantity,
                  unit: t(`catalog:unit_${offer.unit}`),
                })
              : t('console-launch:priceSingle', {
                  first: first.unitPrice.formatted,
                  from: first.minQuantity,
                  unit: t(`catalog:unit_${offer.unit}`),
                });
          return {
            offerId: offer.offerId,
            title: showText(offer.title, locale).text,
            tiers,
            sentence,
          };
        }),
      };
    },
  };
}
export type LaunchPreviews = ReturnType<typeof launchPreviews>;
