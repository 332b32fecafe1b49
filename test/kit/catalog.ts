import { importIntoCatalog } from '../../adapters/catalog-import.ts';
import type { Reject } from '../../core/catalog/import.ts';
import type { OfferInput } from '../../core/catalog/model.ts';
import type { Badge, Belt, CategoryL2, SupplierTier } from '../../core/catalog/taxonomy.ts';
import { sourceDigest } from '../../core/catalog/translation.ts';
import type { TestPlatform } from './platform.ts';

/** Localized text whose translations were all made from `zh` (fresh, not stale). */
export function text(zh: string, vi: string, ko: string, en: string) {
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

export interface FixtureSpec {
  id: string;
  category: CategoryL2;
  title: [zh: string, vi: string, ko: string, en: string];
  priceFen: number;
  moq?: number;
  badges?: Badge[];
  belt?: Belt;
  tier?: SupplierTier;
  createdAt?: string;
  version?: number;
}

/** A complete, valid feed offer built around the few fields a test cares about. */
export function fixtureOffer(spec: FixtureSpec): OfferInput {
  const moq = spec.moq ?? 10;
  const at = spec.createdAt ?? '2026-06-01T00:00:00.000Z';
  return {
    offerId: spec.id,
    version: spec.version ?? 1,
    listed: true,
    category: spec.category,
    title: text(...spec.title),
    attributes: [{ key: 'material', value: text('纯棉', 'cotton', '면', 'cotton') }],
    images: [`https://img.sourcefront.example/offers/${spec.id}/1.jpg`],
    supplier: {
      id: `sup-${spec.id}`,
      name: text(
        '义乌市佳美饰品有限公司',
        'Công ty TNHH Jiamei Nghĩa Ô',
        '이우 Jiamei 유한공사',
        'Yiwu Jiamei Co., Ltd.',
      ),
      type: 'factory',
      tier: spec.tier ?? 'standard',
      badges: spec.badges ?? [],
      belt: spec.belt ?? 'yiwu',
      location: '浙江 义乌',
      yearsOnPlatform: 5,
      responseRatePct: 92,
    },
    skus: [
      {
        skuId: `${spec.id}-1`,
        specs: { colour: text('黑色', 'đen', '블랙', 'black') },
        stock: 500,
        priceFen: spec.priceFen,
      },
      {
        skuId: `${spec.id}-2`,
        specs: { colour: text('白色', 'trắng', '화이트', 'white') },
        stock: 0,
        priceFen: spec.priceFen + 100,
      },
    ],
    priceTiers: [
      { minQuantity: moq, unitPriceFen: spec.priceFen },
      { minQuantity: moq * 10, unitPriceFen: Math.floor(spec.priceFen * 0.9) },
    ],
    moq,
    unit: 'piece',
    weightGrams: 250,
    dimensionsMm: { length: 300, width: 250, height: 30 },
    hsCode: '610910',
    sample: { available: true, priceFen: spec.priceFen * 2 },
    dropship: true,
    customisation: [{ kind: 'logo', minQuantity: 200, extraUnitPriceFen: 150 }],
    createdAt: at,
    updatedAt: at,
  };
}

/** The small fixed catalog the search tests run against. */
export const fixtureCatalog: FixtureSpec[] = [
  {
    id: 'tee-women-cotton',
    category: 'womens_wear',
    title: [
      '夏季纯棉女士T恤',
      'Áo thun nữ cotton mùa hè',
      '여름 면 여성 티셔츠',
      "Summer Cotton Women's T-Shirt",
    ],
    priceFen: 1850,
    moq: 2,
    badges: ['ship_48h', 'return_7d'],
    belt: 'guangzhou',
    tier: 'super_factory',
    createdAt: '2026-09-01T00:00:00.000Z',
  },
  {
    id: 'tee-women-loose',
    category: 'womens_wear',
    title: [
      '宽松女士T恤 批发',
      'Áo thun nữ dáng rộng - bán sỉ',
      '루즈핏 여성 티셔츠 도매',
      "Loose-Fit Women's T-Shirt – Wholesale",
    ],
    priceFen: 1290,
    moq: 5,
    badges: ['ship_48h'],
    belt: 'hangzhou',
    createdAt: '2026-08-01T00:00:00.000Z',
  },
  {
    id: 'tee-men-polo',
    category: 'mens_wear',
    title: ['商务男士POLO衫', 'Áo polo nam công sở', '비즈니스 남성 폴로 셔츠', "Business Men's Polo Shirt"],
    priceFen: 3500,
    moq: 2,
    badges: ['return_7d'],
    belt: 'guangzhou',
    createdAt: '2026-07-01T00:00:00.000Z',
  },
  {
    id: 'dress-chiffon',
    category: 'womens_wear',
    title: [
      '韩版雪纺连衣裙',
      'Váy liền voan phong cách Hàn Quốc',
      '한국 스타일 쉬폰 원피스',
      'Korean-Style Chiffon Dress',
    ],
    priceFen: 5900,
    moq: 2,
    badges: ['fast_response'],
    belt: 'hangzhou',
    createdAt: '2026-05-01T00:00:00.000Z',
  },
  {
    id: 'led-bulb-9w',
    category: 'led_bulbs',
    title: ['节能LED球泡灯', 'Bóng đèn LED tiết kiệm điện', '에너지 절약 LED 전구', 'Energy-Saving LED Bulb'],
    priceFen: 350,
    moq: 100,
    badges: ['ship_48h', 'free_domestic_shipping'],
    belt: 'zhongshan',
    tier: 'strict_selection',
    createdAt: '2026-04-01T00:00:00.000Z',
  },
  {
    id: 'desk-lamp',
    category: 'lamps',
    title: ['护眼LED台灯', 'Đèn bàn LED bảo vệ mắt', '눈 보호 LED 스탠드 조명', 'Eye-Care LED Desk Lamp'],
    priceFen: 8900,
    moq: 2,
    belt: 'zhongshan',
    createdAt: '2026-03-01T00:00:00.000Z',
  },
  {
    id: 'plush-bear',
    category: 'plush_toys',
    title: ['可爱毛绒公仔 熊', 'Thú nhồi bông gấu dễ thương', '귀여운 곰 봉제 인형', 'Cute Plush Teddy Bear'],
    priceFen: 1500,
    moq: 10,
    badges: ['ship_48h'],
    belt: 'yiwu',
    createdAt: '2026-02-01T00:00:00.000Z',
  },
  {
    id: 'rc-car',
    category: 'plastic_toys',
    title: [
      '儿童电动遥控车',
      'Xe điều khiển từ xa chạy điện cho trẻ em',
      '어린이 전동 RC카',
      "Kids' Electric Remote Control Car",
    ],
    priceFen: 4200,
    moq: 12,
    belt: 'shantou',
    createdAt: '2026-01-15T00:00:00.000Z',
  },
  {
    id: 'earbuds',
    category: 'audio',
    title: [
      '降噪无线蓝牙耳机',
      'Tai nghe bluetooth không dây chống ồn',
      '노이즈 캔슬링 무선 블루투스 이어폰',
      'Noise-Cancelling Wireless Bluetooth Earbuds',
    ],
    priceFen: 6800,
    moq: 5,
    badges: ['ship_48h', 'return_7d', 'fast_response'],
    belt: 'shenzhen',
    tier: 'super_factory',
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 'sneakers',
    category: 'shoes',
    title: [
      '男女同款透气运动鞋',
      'Giày thể thao unisex thoáng khí',
      '남녀공용 통기성 운동화',
      'Unisex Breathable Sneakers',
    ],
    priceFen: 4500,
    moq: 2,
    badges: ['return_7d'],
    belt: 'jinjiang',
    createdAt: '2025-12-01T00:00:00.000Z',
  },
  {
    id: 'yoga-mat',
    category: 'fitness',
    title: [
      '加厚防滑瑜伽垫',
      'Thảm yoga chống trượt dày dặn',
      '두꺼운 미끄럼 방지 요가 매트',
      'Extra-Thick Non-Slip Yoga Mat',
    ],
    priceFen: 2600,
    moq: 10,
    belt: 'yiwu',
    createdAt: '2025-11-01T00:00:00.000Z',
  },
  {
    id: 'socks-cotton',
    category: 'underwear',
    title: ['纯棉女士袜子', 'Tất nữ cotton', '여성 면 양말', "Women's Cotton Socks"],
    priceFen: 280,
    moq: 60,
    badges: ['free_domestic_shipping'],
    belt: 'yiwu',
    createdAt: '2025-10-01T00:00:00.000Z',
  },
];

async function* linesOf(values: unknown[]) {
  for (const v of values) yield typeof v === 'string' ? v : JSON.stringify(v);
}

/** Imports feed lines (offers or raw strings) into a test platform's catalog, refreshed for search. */
export async function importLines(
  platform: TestPlatform,
  values: unknown[],
  options: { chunkSize?: number } = {},
) {
  const rejects: Reject[] = [];
  const { db, search } = platform.services;
  const stats = await importIntoCatalog(
    { db, tableName: platform.tableName, search, offersAlias: platform.offersAlias },
    linesOf(values),
    { onReject: (r) => void rejects.push(r), refresh: true, ...options },
  );
  return { stats, rejects };
}
