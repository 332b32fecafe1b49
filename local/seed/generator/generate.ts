import type { LocalizedText, OfferInput, TranslationLocale } from '../../../core/catalog/model.ts';
import {
  type CategoryL2,
  categoriesL2,
  customisationKinds,
  parentOf,
  type SupplierTier,
} from '../../../core/catalog/taxonomy.ts';
import { sourceDigest } from '../../../core/catalog/translation.ts';
import {
  beltPlaces,
  keyNames,
  specValues,
  type Term,
  titleStacks,
  titleSuffixes,
  tradeNames,
  vocabulary,
} from './vocabulary.ts';

/**
 * A deterministic generator of realistic supply-feed offers: the same seed and index always
 * give the same offer, so `--offers 100000 --seed 42` is reproducible and can be produced in
 * any order. Titles are composed in Chinese from per-category vocabularies, with vi, ko and
 * en translations built from the same terms (and the digest of the Chinese they translate).
 */

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hashSeed = (...parts: number[]) =>
  parts.reduce((h, p) => Math.imul(h ^ (p >>> 0), 0x9e3779b1) ^ (h >>> 16), 0x811c9dc5) >>> 0;

type Random = ReturnType<typeof rng>;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const sample = <T>(r: Random, items: readonly T[], n: number): T[] => {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  return out;
};
/** Log-uniform: prices and quantities spread like real ones (many cheap, few expensive). */
const logInt = (r: Random, min: number, max: number) =>
  Math.round(Math.exp(Math.log(min) + r() * (Math.log(max) - Math.log(min))));

interface Words {
  zh: string;
  vi: string;
  ko: string;
  en: string;
  hs?: string;
}
const words = (term: Term): Words => {
  const [zh = '', vi = '', ko = '', en = '', hs] = term.split('|');
  return { zh, vi, ko, en, ...(hs && { hs }) };
};

function localized(zh: string, translations: Record<TranslationLocale, string>): LocalizedText {
  const digest = sourceDigest(zh);
  return {
    source: zh,
    translations: {
      vi: { text: translations.vi, sourceDigest: digest },
      ko: { text: translations.ko, sourceDigest: digest },
      en: { text: translations.en, sourceDigest: digest },
    },
  };
}
const localizedTerm = (w: Words) => localized(w.zh, w);

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const titleCase = (s: string) =>
  s.replace(/(^|[\s-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());

/**
 * A 1688-style title: stacked keyword groups around the product words. zh: season style
 * material modifier noun, then audience use, then the trade suffix (about 30 characters);
 * vi: noun material modifier, then style season audience use – suffix; ko/en: the groups
 * in their own order. `stack` holds the season/style/audience/use words drawn for the offer.
 */
function composeTitle(
  noun: Words,
  modifier: Words,
  material: Words,
  suffix: Words | undefined,
  stack: Words[][],
): LocalizedText {
  const [lead = [], tail = []] = stack;
  const join = (ws: Words[], lang: keyof Words, sep: string) => ws.map((w) => w[lang]).join(sep);
  const zh = [
    `${join(lead, 'zh', '')}${material.zh}${modifier.zh}${noun.zh}`,
    join(tail, 'zh', ''),
    suffix?.zh,
  ]
    .filter(Boolean)
    .join(' ');
  const vi = capitalize(
    [`${noun.vi} ${material.vi} ${modifier.vi}`, join([...lead, ...tail], 'vi', ' ')]
      .filter(Boolean)
      .join(' ') + (suffix ? ` - ${suffix.vi}` : ''),
  );
  const ko = [join(lead, 'ko', ' '), modifier.ko, material.ko, noun.ko, join(tail, 'ko', ' '), suffix?.ko]
    .filter(Boolean)
    .join(' ');
  const en = titleCase(
    [join(lead, 'en', ' '), modifier.en, material.en, noun.en, join(tail, 'en', ' ')]
      .filter(Boolean)
      .join(' ') + (suffix ? ` – ${suffix.en}` : ''),
  );
  return localized(zh, { vi, ko, en });
}

/** The stacked keywords of one offer, from a random stream of their own (so the rest of the
 * offer, images included, is what it was for the same seed). */
function stackFor(seed: number, index: number, category: CategoryL2, modifier: Words): Words[][] {
  const t = rng(hashSeed(seed, index, 31));
  const s = titleStacks[parentOf[category]]!;
  const lead = [...(s.season && t() < 0.8 ? [pick(t, s.season)] : []), ...sample(t, s.style, 2)];
  const tail = [...sample(t, s.audience, int(t, 1, 2)), ...sample(t, s.use, int(t, 1, 2))];
  const fresh = (w: Words) => w.zh !== modifier.zh;
  return [lead.map(words).filter(fresh), tail.map(words).filter(fresh)];
}

/** Suppliers per category: the pool an offer's supplier is drawn from (stable for a seed). */
const SUPPLIERS_PER_CATEGORY = 40;

function supplier(seed: number, category: CategoryL2, n: number): OfferInput['supplier'] {
  const r = rng(hashSeed(seed, 7, categoriesL2.indexOf(category), n));
  const v = vocabulary[category];
  const belt = pick(r, v.belts);
  const place = beltPlaces[belt];
  const city = words(place.city);
  const [nameZh = '', pinyin = ''] = pick(r, tradeNames).split('|');
  const trade = words(v.nouns[0]!);
  const factory = r() < 0.6;
  const zhKind = factory ? '制品厂' : '贸易有限公司';
  const tier: SupplierTier = r() < 0.12 ? 'super_factory' : r() < 0.3 ? 'strict_selection' : 'standard';
  const badges = (['ship_48h', 'return_7d', 'free_domestic_shipping', 'fast_response'] as const).filter(
    (_, i) => r() < [0.55, 0.4, 0.3, 0.45][i]!,
  );
  return {
    id: `sup-${category.replaceAll('_', '-')}-${seed}-${n}`,
    name: localized(`${city.zh}市${nameZh}${trade.zh.slice(0, 2)}${zhKind}`, {
      vi: `${factory ? 'Xưởng' : 'Công ty TNHH thương mại'} ${pinyin} ${city.vi}`,
      ko: `${city.ko} ${pinyin} ${factory ? '제조공장' : '무역유한공사'}`,
      en: `${city.en} ${pinyin} ${factory ? 'Manufacturing Factory' : 'Trading Co., Ltd.'}`,
    }),
    type: factory ? 'factory' : 'trading_company',
    tier,
    badges,
    belt,
    location: `${place.province} ${city.zh}`,
    yearsOnPlatform: int(r, 1, 16),
    responseRatePct: int(r, 70, 100),
  };
}

/** The offer id a seed and index give: 12 digits like 1688's own. */
export function offerIdOf(seed: number, index: number): string {
  return String(600_000_000_000 + (seed % 90_000) * 1_000_000 + index);
}

const EPOCH = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

export function generateOffer(seed: number, index: number, version = 1): OfferInput {
  const r = rng(hashSeed(seed, index));
  const category = pick(r, categoriesL2);
  const v = vocabulary[category];
  const noun = words(pick(r, v.nouns));
  const modifier = words(pick(r, v.modifiers));
  const material = words(pick(r, v.materials));
  const suffix = r() < 0.45 ? words(pick(r, titleSuffixes)) : undefined;
  const offerId = offerIdOf(seed, index);

  const moq = logInt(r, v.moq[0], v.moq[1]);
  const basePrice = logInt(r, v.priceFen[0], v.priceFen[1]);
  const tierCount = int(r, 1, 4);
  const priceTiers = [{ minQuantity: moq, unitPriceFen: basePrice }];
  for (let i = 1; i < tierCount; i++) {
    const prev = priceTiers[i - 1]!;
    const unitPriceFen = Math.max(1, Math.floor(prev.unitPriceFen * (0.88 + r() * 0.09)));
    priceTiers.push({ minQuantity: prev.minQuantity * pick(r, [3, 5, 10]), unitPriceFen });
  }

  const dims = v.specs.map((key) => ({
    key,
    values: sample(
      r,
      specValues[key],
      key === 'colour' ? int(r, 1, 4) : int(r, 1, Math.min(5, specValues[key].length)),
    ),
  }));
  const combos = dims.reduce<{ key: string; value: Term; step: number }[][]>(
    (acc, dim) =>
      acc.flatMap((combo) => dim.values.map((value, step) => [...combo, { key: dim.key, value, step }])),
    [[]],
  );
  const skus = combos.map((combo, i) => {
    const step = combo.reduce((s, c) => s + (c.key === 'colour' ? 0 : c.step), 0);
    return {
      skuId: `${offerId}-${i + 1}`,
      specs: Object.fromEntries(combo.map((c) => [c.key, localizedTerm(words(c.value))])),
      stock: r() < 0.06 ? 0 : logInt(r, 20, 20_000),
      priceFen: Math.round(basePrice * (1 + step * 0.03)),
    };
  });

  const belt = supplier(seed, category, int(r, 0, SUPPLIERS_PER_CATEGORY - 1));
  const weightGrams = logInt(r, v.weightGrams[0], v.weightGrams[1]);
  const length = int(r, v.sizeMm[0], v.sizeMm[1]);
  const created = EPOCH - int(r, 0, 3 * 365) * DAY - int(r, 0, DAY - 1);
  const updated = Math.min(EPOCH, created + int(r, 0, 120) * DAY + (version - 1) * DAY);
  const sampleAvailable = r() < 0.7;
  const customisation = sample(r, customisationKinds, r() < 0.5 ? int(r, 1, 3) : 0).map((kind) => ({
    kind,
    minQuantity: Math.max(moq, pick(r, [100, 200, 500, 1000])),
    extraUnitPriceFen: kind === 'colour' ? 0 : int(r, 10, Math.max(20, Math.round(basePrice * 0.15))),
  }));
  const place = words(beltPlaces[belt.belt].city);

  return {
    offerId,
    version,
    listed: true,
    category,
    title: composeTitle(noun, modifier, material, suffix, stackFor(seed, index, category, modifier)),
    attributes: [
      { key: 'material', value: localizedTerm(material) },
      { key: 'origin', value: localizedTerm(place) },
    ],
    images: Array.from(
      { length: int(r, 1, 5) },
      (_, i) => `https://img.sourcefront.example/offers/${offerId}/${i + 1}.jpg`,
    ),
    supplier: belt,
    skus,
    priceTiers,
    moq,
    unit: v.unit,
    weightGrams,
    dimensionsMm: {
      length,
      width: Math.max(10, Math.round(length * (0.4 + r() * 0.5))),
      height: Math.max(5, Math.round(length * (0.05 + r() * 0.4))),
    },
    hsCode: noun.hs ?? v.hs,
    sample: sampleAvailable ? { available: true, priceFen: basePrice * int(r, 1, 3) } : { available: false },
    dropship: r() < 0.35,
    customisation,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
  };
}

export { keyNames };
