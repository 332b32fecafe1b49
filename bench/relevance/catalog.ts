import { readFileSync } from 'node:fs';
import type { OfferInput } from '../../core/catalog/model.ts';
import type { Badge, CategoryL2, SupplierTier } from '../../core/catalog/taxonomy.ts';
import { sourceDigest } from '../../core/catalog/translation.ts';
import type { Locale } from '../../locales/index.ts';

/**
 * The judged set's catalog and judgments, read from the reviewed data files beside this one:
 * - catalog.json: the offers (titles in zh-CN, vi, ko and en; attributes as `zh|vi|ko|en`;
 *   supplier tier, badges, response rate and stock for the ranking signals);
 * - intents.json: what a buyer wants, as offer ids graded 2 (exactly) and 1 (a substitute);
 * - queries.tsv: language, query type, the query as typed, and its intent.
 */
export interface RelevanceOfferSpec {
  id: string;
  cat: CategoryL2;
  zh: string;
  vi: string;
  ko: string;
  en: string;
  attrs: Record<string, string>;
  tier?: SupplierTier;
  badges?: Badge[];
  /** Share of inquiries answered within 24h, in whole percent (default 90). */
  rr?: number;
  /** Stock of every SKU (default 500; 0 = out of stock). */
  stock?: number;
  price?: number;
}

export interface JudgedQuery {
  lang: Locale;
  type: string;
  query: string;
  intent: string;
  /** offer id → grade (absent = 0). */
  grades: Map<string, number>;
}

const here = new URL('./', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, here), 'utf8');

export const relevanceCatalog: RelevanceOfferSpec[] = JSON.parse(read('catalog.json'));

function localized(term: string) {
  const [zh = '', vi = zh, ko = zh, en = zh] = term.split('|');
  const d = sourceDigest(zh);
  return {
    source: zh,
    translations: {
      vi: { text: vi, sourceDigest: d },
      ko: { text: ko, sourceDigest: d },
      en: { text: en, sourceDigest: d },
    },
  };
}

/** A complete, valid feed offer from a spec of catalog.json. */
export function relevanceOffer(spec: RelevanceOfferSpec, index: number): OfferInput {
  const price = spec.price ?? 1000 + ((index * 737) % 9000);
  const moq = 2 + (index % 5) * 10;
  // Spread over a year, so recency is a signal but never the same for every offer.
  const at = new Date(Date.UTC(2026, 0, 1) + ((index * 4.3) % 300) * 86_400_000).toISOString();
  const stock = spec.stock ?? 500;
  return {
    offerId: spec.id,
    version: 1,
    listed: true,
    category: spec.cat,
    title: localized(`${spec.zh}|${spec.vi}|${spec.ko}|${spec.en}`),
    attributes: Object.entries(spec.attrs).map(([key, value]) => ({ key, value: localized(value) })),
    images: [`https://img.sourcefront.example/offers/${spec.id}/1.jpg`],
    supplier: {
      id: `sup-${spec.id}`,
      name: localized(
        '义乌市佳美日用品有限公司|Công ty TNHH Jiamei|이우 Jiamei 유한공사|Yiwu Jiamei Co., Ltd.',
      ),
      type: 'factory',
      tier: spec.tier ?? 'standard',
      badges: spec.badges ?? [],
      belt: 'yiwu',
      location: '浙江 义乌',
      yearsOnPlatform: 1 + (index % 12),
      responseRatePct: spec.rr ?? 90,
    },
    skus: [
      { skuId: `${spec.id}-1`, specs: { colour: localized('黑色|đen|블랙|black') }, stock, priceFen: price },
      {
        skuId: `${spec.id}-2`,
        specs: { colour: localized('白色|trắng|화이트|white') },
        stock,
        priceFen: price + 50,
      },
    ],
    priceTiers: [
      { minQuantity: moq, unitPriceFen: price },
      { minQuantity: moq * 10, unitPriceFen: Math.floor(price * 0.9) },
    ],
    moq,
    unit: 'piece',
    weightGrams: 300,
    dimensionsMm: { length: 200, width: 150, height: 50 },
    hsCode: '392410',
    sample: { available: false },
    dropship: false,
    customisation: [],
    createdAt: at,
    updatedAt: at,
  };
}

export function judgedQueries(): JudgedQuery[] {
  const intents: Record<string, { '2'?: string[]; '1'?: string[] }> = JSON.parse(read('intents.json'));
  const ids = new Set(relevanceCatalog.map((o) => o.id));
  return read('queries.tsv')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [lang, type, query, intent] = line.split('\t') as [Locale, string, string, string];
      const judged = intents[intent];
      if (!judged) throw new Error(`queries.tsv: unknown intent ${intent}`);
      const grades = new Map<string, number>();
      for (const id of judged['1'] ?? []) grades.set(id, 1);
      for (const id of judged['2'] ?? []) grades.set(id, 2);
      for (const id of grades.keys()) if (!ids.has(id)) throw new Error(`intents.json: unknown offer ${id}`);
      return { lang, type, query, intent, grades };
    });
}

/** nDCG@k with graded gains 2^grade − 1. */
export function ndcg(ranked: string[], grades: Map<string, number>, k = 10): number {
  const dcg = (gains: number[]) =>
    gains.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...grades.values()].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => grades.get(id) ?? 0)) / ideal;
}
