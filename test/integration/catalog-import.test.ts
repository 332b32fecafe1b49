import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OfferInput } from '../../core/catalog/model.ts';
import { sourceDigest } from '../../core/catalog/translation.ts';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.close());

async function get(path: string, host = 'vn.localhost') {
  const res = await platform.request(path, { host });
  return { status: res.status, body: await res.json() };
}

const pot = (version: number, over: Partial<Parameters<typeof fixtureOffer>[0]> = {}) =>
  fixtureOffer({
    id: 'steel-pot',
    version,
    category: 'kitchenware',
    title: [
      '加厚304不锈钢汤锅',
      'Nồi inox 304 dày dặn',
      '두꺼운 304 스테인리스 냄비',
      'Thick 304 Stainless Steel Stock Pot',
    ],
    priceFen: 2500,
    ...over,
  });

describe('catalog import', () => {
  it('imports the valid lines and reports exactly the broken ones with line number and reason', async () => {
    const broken = {
      ...pot(1),
      offerId: 'broken-ladder',
      priceTiers: [
        { minQuantity: 10, unitPriceFen: 100 },
        { minQuantity: 100, unitPriceFen: 200 },
      ],
    };
    const { stats, rejects } = await importLines(
      platform,
      [
        pot(1),
        '{"offerId": "half a line"',
        fixtureOffer({
          id: 'yoga-mat',
          category: 'fitness',
          title: ['瑜伽垫', 'Thảm yoga', '요가 매트', 'Yoga mat'],
          priceFen: 2600,
        }),
        { ...pot(1), offerId: 'no-category', category: 'spaceships' },
        broken,
        '',
        { ...pot(1), offerId: 'bad-money', skus: [{ skuId: 'x-1', specs: {}, stock: 1, priceFen: 12.5 }] },
      ],
      { chunkSize: 3 },
    );
    expect(stats).toMatchObject({ imported: 2, rejected: 4 });
    expect(rejects.map((r) => r.line)).toEqual([2, 4, 5, 7]);
    expect(rejects[0]!.reason).toMatch(/invalid JSON/);
    expect(rejects[1]!.reason).toMatch(/^category:/);
    expect(rejects[2]!.reason).toMatch(/priceTiers\.1\.unitPriceFen: must not rise/);
    expect(rejects[3]!.reason).toMatch(/skus\.0\.priceFen/);
    const offer = await get('/api/v1/offers/steel-pot');
    expect(offer.status).toBe(200);
    expect(offer.body.title.text).toBe('Nồi inox 304 dày dặn');
  });

  it('is idempotent: the same feed again changes nothing', async () => {
    const { stats } = await importLines(platform, [pot(1)], { chunkSize: 3 });
    expect(stats).toMatchObject({ imported: 0, updated: 0, unchanged: 1, older: 0 });
  });

  it('applies a newer version (price, stock) and never lets an older one overwrite it', async () => {
    const v3 = pot(3, { priceFen: 2200 });
    expect((await importLines(platform, [v3], { chunkSize: 3 })).stats).toMatchObject({ updated: 1 });
    const older = pot(2, { priceFen: 9900 });
    expect((await importLines(platform, [older], { chunkSize: 3 })).stats).toMatchObject({
      updated: 0,
      older: 1,
    });
    const { body } = await get('/api/v1/offers/steel-pot');
    expect(body.version).toBe(3);
    const search = await get('/api/v1/search?q=noi%20inox');
    expect(search.body.hits[0].offerId).toBe('steel-pot');
    expect(search.body.hits[0].price.from.amountMinor).toBe(body.priceTiers[1].unitPrice.amountMinor);
    // The index holds version 3 as well: the older line did not reach it either.
    const doc = await platform.services.search.get({ index: platform.offersAlias, id: 'steel-pot' });
    expect(doc.body._version).toBe(3);
  });

  it('delists through the feed: gone from search, 404 on its page', async () => {
    const gone: OfferInput = { ...pot(4), listed: false };
    expect((await importLines(platform, [gone], { chunkSize: 3 })).stats).toMatchObject({ updated: 1 });
    expect((await get('/api/v1/search?q=noi%20inox')).body.total).toBe(0);
    expect((await get('/api/v1/offers/steel-pot')).status).toBe(404);
    await importLines(platform, [pot(5)], { chunkSize: 3 });
    expect((await get('/api/v1/offers/steel-pot')).status).toBe(200);
  });

  it('marks a translation stale when the Chinese source changes, shows it flagged and queues it', async () => {
    const edited = pot(6);
    // The supplier changed the Chinese title; the feed still carries the old translations.
    edited.title = { ...edited.title, source: '加厚304不锈钢汤锅 带盖' };
    expect((await importLines(platform, [edited], { chunkSize: 3 })).stats).toMatchObject({
      updated: 1,
      translationsQueued: 3,
    });
    const page = await get('/api/v1/offers/steel-pot');
    expect(page.body.title).toEqual({
      text: 'Nồi inox 304 dày dặn',
      lang: 'vi',
      stale: true,
      overridden: false,
    });
    const search = await get('/api/v1/search?q=noi%20inox');
    expect(search.body.hits[0].title.stale).toBe(true);
    const queue = await platform.services.offers.translationQueue('vi');
    expect(queue).toContainEqual({
      offerId: 'steel-pot',
      field: 'title',
      locale: 'vi',
      sourceDigest: sourceDigest('加厚304不锈钢汤锅 带盖'),
    });
  });

  it('lets a tenant override a translated field for its own site only', async () => {
    const operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
    const issue = async (tenant: string) => {
      const res = await platform.request(`/api/v1/admin/tenants/${tenant}/keys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorKey}` },
        body: JSON.stringify({ label: 'catalog' }),
      });
      return (await res.json()).key as string;
    };
    const [vnKey, krKey] = [await issue('vn'), await issue('kr')];
    const put = (key: string, body: unknown, offerId = 'steel-pot') =>
      platform.request(`/api/v1/admin/tenants/vn/offers/${offerId}/overrides`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    const override = { fields: { title: { vi: 'Nồi nấu phở inox 304 có nắp' } } };
    // Searched before vn has any override (no overrides mark), then after the first one is saved.
    const before = await get('/api/v1/search?q=noi%20inox');
    expect(before.body.hits[0].title).toMatchObject({ overridden: false });
    expect(await platform.services.offers.hasOverrides('vn')).toBe(false);
    expect((await put(krKey, override)).status).toBe(403);
    expect((await put(vnKey, { fields: { price: { vi: '1 ₫' } } })).status).toBe(400);
    expect((await put(vnKey, override, 'no-such-offer')).status).toBe(404);
    expect((await put(vnKey, override)).status).toBe(200);
    expect(await platform.services.offers.hasOverrides('vn')).toBe(true);
    // The offer page reads the override directly: exact at once.
    const vn = await get('/api/v1/offers/steel-pot');
    expect(vn.body.title).toMatchObject({ text: 'Nồi nấu phở inox 304 có nắp', overridden: true });
    // Search keeps the tenant's "has overrides" mark as long as its other settings (the tenant
    // cache, 5 s on the local platform): the first override shows there within that time.
    const stale = await get('/api/v1/search?q=noi%20inox');
    expect(stale.body.hits[0].title).toMatchObject({ overridden: false });
    await vi.waitFor(
      async () => {
        const vnSearch = await get('/api/v1/search?q=noi%20inox');
        expect(vnSearch.body.hits[0].title).toMatchObject({
          text: 'Nồi nấu phở inox 304 có nắp',
          overridden: true,
        });
      },
      { timeout: 8_000, interval: 500 },
    );
    const kr = await get('/api/v1/offers/steel-pot?lang=ko', 'kr.localhost');
    expect(kr.body.title).toMatchObject({ text: '두꺼운 304 스테인리스 냄비', overridden: false });
  });

  it('serves the offer page: SKUs with stock, the ladder and samples in local currency, landed-cost inputs, supplier card', async () => {
    const { status, body } = await get('/api/v1/offers/yoga-mat', 'kr.localhost');
    expect(status).toBe(200);
    expect(body.currency).toBe('KRW');
    expect(body.skus).toHaveLength(2);
    expect(body.skus[0]).toMatchObject({
      stock: 500,
      inStock: true,
      specs: [{ key: 'colour', name: '색상', value: { text: '블랙' } }],
    });
    expect(body.skus[1].inStock).toBe(false);
    const ladder = body.priceTiers.map(
      (t: { unitPrice: { amountMinor: number } }) => t.unitPrice.amountMinor,
    );
    expect(ladder[1]).toBeLessThanOrEqual(ladder[0]);
    expect(body.priceTiers[0].unitPrice.formatted).toContain('₩');
    expect(body.sample.price.currency).toBe('KRW');
    expect(body.landedCostInputs).toEqual({
      weightGrams: 250,
      dimensionsMm: { length: 300, width: 250, height: 30 },
      volumetricWeightGrams: 375,
      hsCode: '610910',
      originBelt: 'yiwu',
    });
    expect(body.supplier).toMatchObject({
      type: { id: 'factory', name: '제조공장' },
      belt: { id: 'yiwu' },
      responseRatePct: 92,
    });
    expect(body.customisation[0]).toMatchObject({ id: 'logo', name: '로고 인쇄', minQuantity: 200 });
    expect((await get('/api/v1/offers/does-not-exist')).status).toBe(404);
  });
});
