import type { TFunction } from 'i18next';
import type { Locale } from '../../locales/index.ts';
import type { PriceBook } from '../pricing/price-book.ts';
import type { LocalizedText, Offer, OfferOverride } from './model.ts';
import { parentOf } from './taxonomy.ts';
import { showText } from './translation.ts';

export interface OfferViewContext {
  locale: Locale;
  book: PriceBook;
  t: TFunction;
  override: OfferOverride | undefined;
}

/**
 * An offer as a buyer on one tenant's site sees it: text in their language (or the tenant's
 * own wording, or the Chinese original), every price in the tenant's currency, and what
 * landed cost needs (weight, dimensions, HS code). Supplier text is returned as plain text
 * for the storefront to escape.
 */
export function offerView(offer: Offer, ctx: OfferViewContext) {
  const { locale, book, t, override } = ctx;
  const text = (value: LocalizedText, field?: string) =>
    showText(value, locale, field ? override?.fields[field] : undefined);
  const named = (prefix: string, id: string) => ({ id, name: t(`catalog:${prefix}_${id}`) });
  const { length, width, height } = offer.dimensionsMm;
  return {
    offerId: offer.offerId,
    version: offer.version,
    title: text(offer.title, 'title'),
    category: { ...named('category', offer.category), parent: named('category', parentOf[offer.category]) },
    attributes: offer.attributes.map((a) => ({
      key: a.key,
      name: t(`catalog:spec_${a.key}`, { defaultValue: a.key }),
      value: text(a.value, `attributes.${a.key}`),
    })),
    images: offer.images,
    currency: book.currency,
    fx: book.fx,
    priceTiers: book.convertLadder(
      offer.priceTiers.map((tier) => ({ minQuantity: tier.minQuantity, unitPrice: tier.unitPriceFen })),
    ),
    moq: offer.moq,
    unit: named('unit', offer.unit),
    skus: offer.skus.map((sku) => ({
      skuId: sku.skuId,
      specs: Object.entries(sku.specs).map(([key, value]) => ({
        key,
        name: t(`catalog:spec_${key}`, { defaultValue: key }),
        value: text(value),
      })),
      stock: sku.stock,
      inStock: sku.stock > 0,
      price: book.convert(sku.priceFen),
    })),
    sample: {
      available: offer.sample.available,
      ...(offer.sample.available &&
        offer.sample.priceFen !== undefined && { price: book.convert(offer.sample.priceFen) }),
    },
    dropship: offer.dropship,
    customisation: offer.customisation.map((c) => ({
      ...named('custom', c.kind),
      minQuantity: c.minQuantity,
      extraUnitPrice: book.convert(c.extraUnitPriceFen),
    })),
    landedCostInputs: {
      weightGrams: offer.weightGrams,
      dimensionsMm: offer.dimensionsMm,
      /** IATA volumetric weight (L×W×H cm / 6000 kg) in grams, rounded up. */
      volumetricWeightGrams: Math.ceil((length * width * height) / 6000),
      hsCode: offer.hsCode,
      originBelt: offer.supplier.belt,
    },
    supplier: {
      id: offer.supplier.id,
      name: text(offer.supplier.name),
      type: named('supplier_type', offer.supplier.type),
      tier: named('tier', offer.supplier.tier),
      badges: offer.supplier.badges.map((b) => named('badge', b)),
      belt: named('belt', offer.supplier.belt),
      location: offer.supplier.location,
      yearsOnPlatform: offer.supplier.yearsOnPlatform,
      responseRatePct: offer.supplier.responseRatePct,
    },
    updatedAt: offer.updatedAt,
  };
}
