import { type Offer, priceRangeFen, translationLocales } from '../../core/catalog/model.ts';
import { parentOf } from '../../core/catalog/taxonomy.ts';
import { sourceDigest } from '../../core/catalog/translation.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import type { Locale } from '../../locales/index.ts';

/**
 * What the offers index holds of an offer: the fields search matches, filters, facets and
 * sorts on, and what a result card shows. The full offer stays in DynamoDB.
 */
export interface OfferDocument {
  offerId: string;
  version: number;
  title: { 'zh-CN': string; vi?: string; ko?: string; en?: string };
  /** Attribute values (brand, material, model …) and category names, per locale. */
  keywords: Record<'zh-CN' | 'vi' | 'ko' | 'en', string>;
  supplierId: string;
  supplierTier: string;
  /** The ranking signals a B2B buyer trusts, combined once here (rankSignal). */
  rankSignal: number;
  badges: string[];
  belt: string;
  categoryL1: string;
  categoryL2: string;
  priceMinFen: number;
  priceMaxFen: number;
  moq: number;
  unit: string;
  image: string;
  listed: boolean;
  createdAt: string;
  updatedAt: string;
  staleLocales: string[];
}

const keywordLocales = ['zh-CN', 'vi', 'ko', 'en'] as const;

/** What an offer's attributes and categories say, in one locale (the Chinese where untranslated). */
const translators = Object.fromEntries(keywordLocales.map((l) => [l, translatorFor(l)]));

function keywordsIn(offer: Offer, locale: Locale): string {
  const t = translators[locale]!;
  const values = offer.attributes.map((a) =>
    locale === 'zh-CN' ? a.value.source : (a.value.translations[locale as 'vi']?.text ?? a.value.source),
  );
  const category = offer.category;
  return [...values, t(`catalog:category_${category}`), t(`catalog:category_${parentOf[category]}`)].join(
    ' · ',
  );
}

/** Service badges that each lift an offer a little in the ranking. */
const rankedBadges = new Set(['ship_48h', 'return_7d', 'free_domestic_shipping', 'fast_response']);

/**
 * The ranking signals a B2B buyer trusts, as one multiplier of the text score computed when the
 * document is built: 1, plus supplier tier (super factory 0.05, strict selection 0.025), stock
 * (0.04), a response rate of 95 % or more (0.02) and 0.005 per service badge — at most 1.13.
 * Recency, which moves with the clock, is added at query time (offer-query.ts rankingSignals).
 * One stored number read per matching document costs OpenSearch far less than a function per
 * signal, each a filter evaluated on every match.
 */
export function rankSignal(offer: Pick<Offer, 'supplier' | 'skus'>): number {
  const { tier, responseRatePct, badges } = offer.supplier;
  const cents =
    100 +
    (tier === 'super_factory' ? 5 : tier === 'strict_selection' ? 2.5 : 0) +
    (offer.skus.some((s) => s.stock > 0) ? 4 : 0) +
    (responseRatePct >= 95 ? 2 : 0) +
    0.5 * badges.filter((b) => rankedBadges.has(b)).length;
  return cents / 100;
}

export function toOfferDocument(offer: Offer): OfferDocument {
  const { minFen, maxFen } = priceRangeFen(offer);
  const digest = sourceDigest(offer.title.source);
  const title: OfferDocument['title'] = { 'zh-CN': offer.title.source };
  const staleLocales: string[] = [];
  for (const locale of translationLocales) {
    const translation = offer.title.translations[locale];
    if (!translation) continue;
    title[locale] = translation.text;
    if (translation.sourceDigest !== digest) staleLocales.push(locale);
  }
  return {
    offerId: offer.offerId,
    version: offer.version,
    title,
    keywords: Object.fromEntries(
      keywordLocales.map((l) => [l, keywordsIn(offer, l)]),
    ) as OfferDocument['keywords'],
    supplierId: offer.supplier.id,
    supplierTier: offer.supplier.tier,
    rankSignal: rankSignal(offer),
    badges: [...offer.supplier.badges],
    belt: offer.supplier.belt,
    categoryL1: parentOf[offer.category],
    categoryL2: offer.category,
    priceMinFen: minFen,
    priceMaxFen: maxFen,
    moq: offer.moq,
    unit: offer.unit,
    image: offer.images[0]!,
    listed: offer.listed,
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
    staleLocales,
  };
}
