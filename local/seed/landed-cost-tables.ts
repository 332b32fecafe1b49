import type { LandedCostTable } from '../../core/landed-cost/table.ts';

/**
 * Import-tax tables of the demo tenants (tenant config, editable through the admin API).
 *
 * Each duty rate is the rate typical of the HS chapter for goods of Chinese origin — the
 * estimate works by chapter, not by 8-digit tariff line, and says so to the buyer. A partner
 * that classifies its goods more finely sets its own rates in its config.
 *
 * Vietnam — sources:
 * - Import duty: Decree 26/2023/ND-CP (export and import tariff schedules, preferential/MFN
 *   column), as amended by Decree 144/2024/ND-CP. The MFN column is used because small buyers
 *   often import without a C/O Form E; with Form E most of these chapters fall to 0 % under the
 *   ASEAN–China FTA schedule of Decree 118/2022/ND-CP.
 * - VAT: Law on Value-Added Tax No. 48/2024/QH15, art. 9 (standard rate 10 %, base = customs
 *   value + import duty, art. 7). The temporary 8 % rate of Resolution 204/2025/QH15 covers only
 *   some goods and is not applied here (the estimate stays on the safe side).
 *
 * Korea — sources:
 * - Import duty: Customs Act (관세법) annexed Tariff Schedule (관세율표), basic rates (기본세율):
 *   8 % for most manufactured goods, 13 % for apparel, made-up textiles and footwear (chapters
 *   61–64); looked up per chapter in the Korea Customs Service UNI-PASS tariff search. Korea–China
 *   FTA preferential rates are lower for many lines with a certificate of origin.
 * - VAT: Value-Added Tax Act (부가가치세법) art. 30 (10 %), on customs value + duty (art. 29 ②).
 */
export const vietnamLandedCost: LandedCostTable = {
  country: 'VN',
  asOf: '2026-11-21',
  dutyBasis: 'Decree 26/2023/ND-CP, MFN column (no C/O Form E)',
  defaultDutyBps: 1000,
  dutyByHsChapter: {
    '33': 2000, // cosmetics, 3304
    '39': 1500, // plastic household articles, 3924
    '42': 2500, // handbags and luggage, 4202
    '61': 2000, // knitted apparel
    '62': 2000, // woven apparel
    '63': 2000, // made-up textiles (bed linen, curtains)
    '64': 3000, // footwear, 6402–6404
    '69': 2500, // ceramic tableware, 6911–6912
    '70': 2000, // glassware, 7013
    '71': 2500, // imitation jewellery, 7117
    '73': 2000, // iron and steel household articles, 7323
    '82': 1000, // hand tools and cutlery
    '84': 300, // machinery and parts
    '85': 1000, // electrical appliances and accessories
    '90': 300, // optical and measuring instruments
    '94': 2000, // furniture and lamps, 9403, 9405
    '95': 1000, // toys, games, sports goods
    '96': 1500, // miscellaneous manufactured articles
  },
  vatBps: 1000,
  vatOnDuty: true,
  sources: [
    'Decree 26/2023/ND-CP (Biểu thuế xuất khẩu, nhập khẩu ưu đãi), amended by Decree 144/2024/ND-CP',
    'Decree 118/2022/ND-CP (ACFTA special preferential import tariff, 2022–2027)',
    'Law on Value-Added Tax No. 48/2024/QH15, arts. 7 and 9',
  ],
};

export const koreaLandedCost: LandedCostTable = {
  country: 'KR',
  asOf: '2026-11-21',
  dutyBasis: 'Customs Act Tariff Schedule, basic rates (기본세율)',
  defaultDutyBps: 800,
  dutyByHsChapter: {
    '33': 800,
    '39': 800,
    '42': 800,
    '61': 1300,
    '62': 1300,
    '63': 1300,
    '64': 1300,
    '69': 800,
    '70': 800,
    '71': 800,
    '73': 800,
    '82': 800,
    '84': 800,
    '85': 800,
    '90': 800,
    '94': 800,
    '95': 800,
    '96': 800,
  },
  vatBps: 1000,
  vatOnDuty: true,
  sources: [
    '관세법 별표 관세율표 (Customs Act, annexed Tariff Schedule), basic rates',
    'Korea Customs Service UNI-PASS tariff search (unipass.customs.go.kr)',
    '부가가치세법 (Value-Added Tax Act) arts. 29 and 30',
  ],
};
