import type { Locale } from '../locales/index.ts';

/** The fixed query mix: what buyers on each site type, plus browsing with filters and sorts. */
export const searchMix: { host: string; locale: Locale; params: Record<string, string> }[] = [
  ...[
    'ao thun nu',
    'áo thun nữ',
    'giay the thao',
    'den led',
    'tai nghe bluetooth',
    'ba lo chong nuoc',
    'noi chien khong dau',
    'do choi tre em',
  ].map((q) => ({ host: 'vn.localhost', locale: 'vi' as Locale, params: { q } })),
  ...['티셔츠', '운동화', '블루투스 이어폰', '요가 매트', '원피스', 'LED 전구'].map((q) => ({
    host: 'kr.localhost',
    locale: 'ko' as Locale,
    params: { q },
  })),
  ...["women's t-shirt", 'wireless earbuds', 'led bulb', 'yoga mat', 'backpack', 'air fryer'].map((q) => ({
    host: 'vn.localhost',
    locale: 'en' as Locale,
    params: { q, lang: 'en' },
  })),
  ...['连衣裙', '蓝牙耳机', '运动鞋', '收纳箱', '毛绒公仔'].map((q) => ({
    host: 'vn.localhost',
    locale: 'vi' as Locale,
    params: { q },
  })),
  { host: 'vn.localhost', locale: 'vi', params: { category: 'apparel' } },
  { host: 'vn.localhost', locale: 'vi', params: { q: 'ao', priceMax: '200000', sort: 'price_asc' } },
  {
    host: 'kr.localhost',
    locale: 'ko',
    params: { category: 'electronics', badges: 'ship_48h', sort: 'newest' },
  },
  { host: 'kr.localhost', locale: 'ko', params: { q: '백팩', belt: 'baigou', moqMax: '10' } },
];
