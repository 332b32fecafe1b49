import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { testOffer } from '../kit/offers.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  await new DynamoOfferRepository(platform.services.db, platform.tableName).save([{ offer: testOffer() }]);
});
afterAll(async () => platform?.close());

const lines = [
  { offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 30 },
  { offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 30 },
];
const post = (host: string, body: unknown, headers: Record<string, string> = {}) =>
  platform.request('/api/v1/landed-cost', {
    host,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('POST /api/v1/landed-cost', () => {
  it('estimates each vn lane: goods, freight by chargeable weight, duty and VAT, in Vietnamese', async () => {
    const res = await post('vn.localhost', { lines });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.currency).toBe('VND');
    expect(body.taxTable).toMatchObject({ country: 'VN', asOf: '2026-11-21' });
    expect(body.estimates.map((e: { laneId: string }) => e.laneId)).toEqual([
      'air-express',
      'road-consolidated',
    ]);
    const road = body.estimates[1];
    expect(road.lane).toBe('Đường bộ');
    expect(road.transit).toBe('7–12 ngày');
    expect(road.weights).toEqual({ actualGrams: 72_000, volumetricGrams: 121_680, chargeableGrams: 121_680 });
    expect(
      road.components.map((c: { kind: string; amountMinor: number }) => [c.kind, c.amountMinor]),
    ).toEqual([
      ['goods', 3_180_000],
      ['shipping', 4_162_000],
      ['duty', 1_468_400],
      ['vat', 881_040],
    ]);
    expect(road.components[2].label).toBe('Thuế nhập khẩu (chương HS 73, 20%)');
    expect(road.total.amountMinor).toBe(9_691_440);
    expect(road.note).toContain('Decree 26/2023/ND-CP');
  });

  it('uses Korea’s table and KRW on kr, and one lane when asked', async () => {
    const res = await post('kr.localhost', { lines, laneId: 'sea-consolidated' });
    const body = await res.json();
    expect(body.estimates).toHaveLength(1);
    const sea = body.estimates[0];
    expect(sea.lane).toBe('해상 합배송');
    const duty = sea.components.find((c: { kind: string }) => c.kind === 'duty');
    expect(duty).toMatchObject({ chapter: '73', rateBps: 800 });
    const sum = sea.components.reduce((a: number, c: { amountMinor: number }) => a + c.amountMinor, 0);
    expect(sea.total.amountMinor).toBe(sum);
    for (const c of sea.components) expect(Number.isInteger(c.amountMinor)).toBe(true);
  });

  it('names an unknown lane, and says so when a site has no tax table', async () => {
    const unknown = await post('kr.localhost', { lines, laneId: 'teleport' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields[0]).toMatchObject({
      path: 'body.laneId',
      rule: 'not_offered',
    });
    const my = await post('my.localhost', { lines }, { 'accept-language': 'zh-CN' });
    expect(my.status).toBe(400);
    expect((await my.json()).error).toMatchObject({
      code: 'LANDED_COST_UNAVAILABLE',
      message: '本店铺尚未配置进口税率表，无法估算到岸成本。',
    });
  });
});
