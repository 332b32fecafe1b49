/**
 * The catalog's fixed vocabularies: a two-level category taxonomy covering 1688's sixteen
 * industry groups, supplier tiers, service badges, origin industrial belts (产业带) and units.
 * Ids are stable and ASCII; their names in each locale live in locales/<lng>/catalog.json
 * under `category_<id>`, `tier_<id>`, `badge_<id>`, `belt_<id>`, `unit_<id>`.
 */
export const categoryTree = {
  raw_materials: ['plastic_resin', 'chemicals'],
  industrial: ['hand_tools', 'fasteners'],
  apparel: ['womens_wear', 'mens_wear', 'underwear'],
  shoes_bags: ['shoes', 'bags'],
  textiles: ['fabric', 'leather'],
  home: ['kitchenware', 'storage'],
  small_commodities: ['stationery', 'hair_accessories'],
  toys: ['plush_toys', 'plastic_toys'],
  electronics: ['phone_accessories', 'audio'],
  appliances: ['kitchen_appliances', 'personal_care_appliances'],
  lighting: ['led_bulbs', 'lamps'],
  beauty: ['cosmetics', 'beauty_tools'],
  packaging: ['boxes', 'packaging_bags'],
  sports_outdoor: ['fitness', 'camping'],
  auto_parts: ['car_accessories'],
  baby: ['baby_care'],
} as const;

export type CategoryL1 = keyof typeof categoryTree;
export type CategoryL2 = (typeof categoryTree)[CategoryL1][number];

export const categoriesL1 = Object.keys(categoryTree) as CategoryL1[];
export const categoriesL2 = Object.values(categoryTree).flat() as CategoryL2[];

/** The level-1 group of a level-2 category. */
export const parentOf: Record<CategoryL2, CategoryL1> = Object.fromEntries(
  Object.entries(categoryTree).flatMap(([l1, l2s]) => l2s.map((l2) => [l2, l1])),
) as Record<CategoryL2, CategoryL1>;

export function isCategoryL2(id: string): id is CategoryL2 {
  return (categoriesL2 as readonly string[]).includes(id);
}
export function isCategory(id: string): boolean {
  return isCategoryL2(id) || (categoriesL1 as readonly string[]).includes(id);
}

export const supplierTypes = ['factory', 'trading_company'] as const;
/** 超级工厂, 严选, ordinary. */
export const supplierTiers = ['super_factory', 'strict_selection', 'standard'] as const;
/** 服务保障: 48小时发货, 7天无理由退货, 包邮, 极速响应. */
export const badges = ['ship_48h', 'return_7d', 'free_domestic_shipping', 'fast_response'] as const;
/** 产业带: real industrial clusters offers come from. */
export const belts = [
  'yiwu',
  'guangzhou',
  'shantou',
  'zhongshan',
  'dongguan',
  'shenzhen',
  'jinjiang',
  'ningbo',
  'yongkang',
  'baigou',
  'keqiao',
  'hangzhou',
  'taizhou',
  'cixi',
] as const;
export const units = ['piece', 'set', 'pair', 'box', 'kg', 'meter', 'roll', 'bag', 'dozen'] as const;
export const customisationKinds = ['logo', 'packaging', 'label', 'colour'] as const;

export type SupplierTier = (typeof supplierTiers)[number];
export type Badge = (typeof badges)[number];
export type Belt = (typeof belts)[number];
export type Unit = (typeof units)[number];
