import { type Offer, priceRangeFen, translationLocales } from '../../core/catalog/model.ts';
import { parentOf } from '../../core/catalog/taxonomy.ts';
import { sourceDigest } from '../../core/catalog/translation.ts';

/**
 * What the offers index holds of an offer: the fields search matches, filters, facets and
 * sorts on, and what a result card shows. The full offer stays in DynamoDB.
 */
export interface OfferDocument {
  offerId: string;
  version: number;
  title: { 'zh-CN': string; vi?: string; ko?: string; en?: string };
  supplierId: string;
  supplierTier: string;
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
    supplierId: offer.supplier.id,
    supplierTier: offer.supplier.tier,
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
