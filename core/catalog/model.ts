import * as z from 'zod';
import {
  badges,
  belts,
  categoriesL2,
  customisationKinds,
  supplierTiers,
  supplierTypes,
  units,
} from './taxonomy.ts';

/**
 * The catalog model: one supply-feed line is one `Offer`, with its supplier and SKUs inside.
 * Money is integer CNY fen (分) everywhere; weights in grams, dimensions in millimetres.
 * Supplier text (titles, attributes, names) is untrusted data: stored and returned as text,
 * escaped by whoever renders it.
 *
 * Text is written by the supplier in Chinese (`source`) and translated per locale. Each
 * translation remembers the digest of the source it was made from (core/catalog/digest.ts):
 * when the source changes, the translation is stale — still shown, flagged, queued.
 */

/** Locales an offer's Chinese source text is translated into. */
export const translationLocales = ['vi', 'ko', 'en'] as const;
export type TranslationLocale = (typeof translationLocales)[number];

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasControlCharacters(s), 'control characters');

/** C0 controls other than tab, line feed and carriage return, and DEL. */
function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export const translationSchema = z.object({
  text: text(500),
  /** sha256 (first 16 hex) of the zh-CN source text this translation was made from. */
  sourceDigest: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Translation = z.infer<typeof translationSchema>;

export const localizedTextSchema = z.object({
  /** The supplier's original, in zh-CN. */
  source: text(500),
  translations: z.partialRecord(z.enum(translationLocales), translationSchema).default({}),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Samples a buyer may take of one offer when the feed names no limit. */
export const sampleDefaults = { maxQuantity: 5 } as const;

const fen = z.int().min(0).max(100_000_000_00);
const positiveFen = z.int().min(1).max(100_000_000_00);
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/);
/** Offer, supplier and SKU ids: ASCII, 3–64 characters. */
export const catalogIdSchema = id;

export const supplierSchema = z.object({
  id,
  name: localizedTextSchema,
  type: z.enum(supplierTypes),
  tier: z.enum(supplierTiers),
  badges: z.array(z.enum(badges)).max(badges.length).default([]),
  belt: z.enum(belts),
  /** City and province in Chinese, e.g. 浙江 义乌. */
  location: text(80),
  yearsOnPlatform: z.int().min(0).max(40),
  /** Share of inquiries answered within 24h, in whole percent. */
  responseRatePct: z.int().min(0).max(100),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const skuSchema = z.object({
  skuId: id,
  /** The spec values of this variant, e.g. colour → 白色, size → XL (keys: colour, size, model, capacity, power…). */
  specs: z.record(z.string().regex(/^[a-z_]{2,20}$/), localizedTextSchema),
  stock: z.int().min(0).max(100_000_000),
  /** Unit price at the first tier, in fen. */
  priceFen: positiveFen,
});
export type Sku = z.infer<typeof skuSchema>;

export const priceTierSchema = z.object({
  minQuantity: z.int().min(1),
  unitPriceFen: positiveFen,
});
export type CnyPriceTier = z.infer<typeof priceTierSchema>;

export const customisationSchema = z.object({
  kind: z.enum(customisationKinds),
  /** Minimum quantity for this option, on top of the offer's MOQ rule. */
  minQuantity: z.int().min(1),
  /** Extra per unit, in fen. */
  extraUnitPriceFen: fen,
});

export const attributeSchema = z.object({
  key: z.string().regex(/^[a-z_]{2,30}$/),
  value: localizedTextSchema,
});

export const offerSchema = z
  .object({
    offerId: id,
    /** Monotonic per offer: an import never replaces a version with an older or equal one. */
    version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** false delists the offer: it leaves search and its page answers 404. */
    listed: z.boolean().default(true),
    category: z.enum(categoriesL2),
    title: localizedTextSchema,
    attributes: z.array(attributeSchema).max(30).default([]),
    images: z
      .array(z.url({ protocol: /^https$/ }))
      .min(1)
      .max(12),
    supplier: supplierSchema,
    skus: z.array(skuSchema).min(1).max(200),
    /** 阶梯价: strictly increasing quantities, non-increasing unit prices; the first band starts at the MOQ. */
    priceTiers: z.array(priceTierSchema).min(1).max(6),
    moq: z.int().min(1).max(1_000_000),
    unit: z.enum(units),
    weightGrams: z.int().min(1).max(1_000_000),
    dimensionsMm: z.object({
      length: z.int().min(1).max(10_000),
      width: z.int().min(1).max(10_000),
      height: z.int().min(1).max(10_000),
    }),
    hsCode: z.string().regex(/^\d{6}(\d{2}){0,2}$/),
    /**
     * 拿样: whether samples can be ordered, at what unit price, and how many units one buyer may
     * take as samples of this offer (across its SKUs); 5 unless the feed says otherwise.
     */
    sample: z.object({
      available: z.boolean(),
      priceFen: fen.optional(),
      maxQuantity: z.int().min(1).max(1000).default(sampleDefaults.maxQuantity),
    }),
    dropship: z.boolean(),
    customisation: z.array(customisationSchema).max(4).default([]),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .superRefine((offer, ctx) => {
    const tiers = offer.priceTiers;
    if (tiers[0] && tiers[0].minQuantity !== offer.moq) {
      ctx.addIssue({ code: 'custom', path: ['priceTiers', 0, 'minQuantity'], message: 'must equal moq' });
    }
    for (let i = 1; i < tiers.length; i++) {
      const [prev, cur] = [tiers[i - 1]!, tiers[i]!];
      if (cur.minQuantity <= prev.minQuantity)
        ctx.addIssue({ code: 'custom', path: ['priceTiers', i, 'minQuantity'], message: 'must increase' });
      if (cur.unitPriceFen > prev.unitPriceFen)
        ctx.addIssue({ code: 'custom', path: ['priceTiers', i, 'unitPriceFen'], message: 'must not rise' });
    }
    const skuIds = new Set<string>();
    offer.skus.forEach((sku, i) => {
      if (skuIds.has(sku.skuId))
        ctx.addIssue({ code: 'custom', path: ['skus', i, 'skuId'], message: 'duplicate sku id' });
      skuIds.add(sku.skuId);
    });
    if (offer.sample.available && offer.sample.priceFen === undefined)
      ctx.addIssue({ code: 'custom', path: ['sample', 'priceFen'], message: 'required when available' });
  });
export type Offer = z.infer<typeof offerSchema>;
/** An offer as a feed line carries it: defaults not yet applied. */
export type OfferInput = z.input<typeof offerSchema>;

/** The offer's price range in fen over its tier ladder and SKU prices (what search shows as from–to). */
export function priceRangeFen(offer: Pick<Offer, 'priceTiers' | 'skus'>): { minFen: number; maxFen: number } {
  const all = [...offer.priceTiers.map((t) => t.unitPriceFen), ...offer.skus.map((s) => s.priceFen)];
  return { minFen: Math.min(...all), maxFen: Math.max(...all) };
}

/**
 * Limits of one offer override, so it always fits a DynamoDB item (400 KB) with room to spare:
 * at most 50 fields × 4 locales × 500 characters, at most 3 UTF-8 bytes a character (a
 * character outside the BMP counts 2 towards the length), is 300 KB at worst.
 */
export const offerOverrideLimits = { fields: 50, textLength: 500 } as const;

/** A tenant's replacement for translated fields of one offer on its own site only. Paths:
 * `title`, `attributes.<key>`; each maps locale → text. */
export const offerOverrideSchema = z.object({
  fields: z
    .record(
      z.string().regex(/^(title|attributes\.[a-z_]{2,30})$/),
      z.partialRecord(z.enum([...translationLocales, 'zh-CN']), text(offerOverrideLimits.textLength)),
    )
    .refine((fields) => Object.keys(fields).length <= offerOverrideLimits.fields, {
      message: 'too many fields',
      params: { rule: 'too_many_fields' },
    }),
});
export type OfferOverride = z.infer<typeof offerOverrideSchema>;
