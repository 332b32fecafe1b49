import { type Offer, type OfferInput, offerSchema } from '../../core/catalog/model.ts';

/**
 * A valid catalog offer for tests that need one in the real table (quotes, landed cost):
 * a Yongkang kitchenware factory offer with two SKUs and a three-band ladder from MOQ 10.
 */
export function testOffer(overrides: Partial<OfferInput> = {}): Offer {
  const now = '2026-11-20T08:00:00.000Z';
  return offerSchema.parse({
    offerId: 'pot-304-steel',
    version: 1,
    listed: true,
    category: 'kitchenware',
    title: { source: '304不锈钢汤锅 加厚复底', translations: {} },
    attributes: [],
    images: ['https://img.example.com/pot-304.jpg'],
    supplier: {
      id: 'yongkang-steelware',
      name: { source: '永康市钢具厂', translations: {} },
      type: 'factory',
      tier: 'super_factory',
      badges: ['ship_48h', 'return_7d'],
      belt: 'yongkang',
      location: '浙江 永康',
      yearsOnPlatform: 9,
      responseRatePct: 97,
    },
    skus: [
      {
        skuId: 'pot-20cm',
        specs: { capacity: { source: '20厘米', translations: {} } },
        stock: 5_000,
        priceFen: 1_250,
      },
      {
        skuId: 'pot-24cm',
        specs: { capacity: { source: '24厘米', translations: {} } },
        stock: 40,
        priceFen: 1_500,
      },
    ],
    priceTiers: [
      { minQuantity: 10, unitPriceFen: 1_250 },
      { minQuantity: 50, unitPriceFen: 1_100 },
      { minQuantity: 500, unitPriceFen: 980 },
    ],
    moq: 10,
    unit: 'piece',
    weightGrams: 1_200,
    dimensionsMm: { length: 260, width: 260, height: 150 },
    hsCode: '732393',
    sample: { available: false },
    dropship: false,
    customisation: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}
