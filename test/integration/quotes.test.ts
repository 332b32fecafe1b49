import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { DynamoQuoteStore } from '../../adapters/dynamodb/quote-store.ts';
import { quoteService } from '../../core/quotes/quote.ts';
import { QUOTE_SIGNING_KEY } from '../../functions/secrets.ts';
import { testOffer } from '../kit/offers.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  const offers = new DynamoOfferRepository(platform.services.db, platform.tableName);
  await offers.save([
    { offer: testOffer() },
    { offer: testOffer({ offerId: 'pot-delisted', listed: false }) },
  ]);
});
afterAll(async () => platform?.close());

const post = (path: string, host: string, body: unknown, headers: Record<string, string> = {}) =>
  platform.request(path, {
    host,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** 30 × 20 cm + 30 × 24 cm: 60 units of one offer together reach the 50+ band (11.00 CNY; 13.20 for the dearer SKU). */
const lines = [
  { offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 30 },
  { offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 30 },
];

/** The local price the stored rate and the tenant's markup give, rounded up to `step`: computed here independently. */
async function expectedUnit(currency: string, fen: bigint, markupBps: bigint, step: bigint) {
  const rate = (await platform.services.fxRates.latest(currency))!.rate;
  const [whole, fraction = ''] = rate.split('.');
  const n = fen * BigInt(whole + fraction) * (10_000n + markupBps);
  const d = 100n * 10n ** BigInt(fraction.length) * 10_000n * step;
  return Number(((n + d - 1n) / d) * step);
}

describe('POST /api/v1/quotes', () => {
  it('prices a vn quote in whole VND rounded to 1,000, from the stored rate and the 15 % markup', async () => {
    const res = await post('/api/v1/quotes', 'vn.localhost:3000', { lines });
    expect(res.status).toBe(201);
    const quote = await res.json();
    expect(quote.currency).toBe('VND');
    expect(quote.fx).toMatchObject({ rate: '3765.48' });
    expect(quote.lines.map((l: { unitPrice: { amountMinor: number } }) => l.unitPrice.amountMinor)).toEqual([
      await expectedUnit('VND', 1_100n, 1_500n, 1_000n),
      await expectedUnit('VND', 1_320n, 1_500n, 1_000n),
    ]);
    expect(quote.lines.map((l: { unitPrice: { amountMinor: number } }) => l.unitPrice.amountMinor)).toEqual([
      48_000, 58_000,
    ]);
    expect(quote.lines[0].lineTotal.amountMinor).toBe(1_440_000);
    expect(quote.subtotal).toMatchObject({ amountMinor: 3_180_000, currency: 'VND' });
    expect(quote.subtotal.formatted.replace(/\s/g, ' ')).toBe('3.180.000 ₫');
    for (const amount of [
      ...quote.lines.flatMap(
        (l: { unitPrice: { amountMinor: number }; lineTotal: { amountMinor: number } }) => [
          l.unitPrice.amountMinor,
          l.lineTotal.amountMinor,
        ],
      ),
      quote.subtotal.amountMinor,
    ]) {
      expect(Number.isInteger(amount)).toBe(true);
      expect(amount % 1000).toBe(0);
    }
    expect(Date.parse(quote.expiresAt) - Date.parse(quote.createdAt)).toBe(15 * 60_000);
    expect(quote.validUntil).toMatch(/^Giữ giá đến /);
  });

  it('prices the same lines on kr in whole KRW rounded to 10, consistent with the stored cross rate and 12 % markup', async () => {
    const res = await post('/api/v1/quotes', 'kr.localhost:3000', { lines });
    expect(res.status).toBe(201);
    const quote = await res.json();
    expect(quote.currency).toBe('KRW');
    const units = quote.lines.map((l: { unitPrice: { amountMinor: number } }) => l.unitPrice.amountMinor);
    expect(units).toEqual([
      await expectedUnit('KRW', 1_100n, 1_200n, 10n),
      await expectedUnit('KRW', 1_320n, 1_200n, 10n),
    ]);
    expect(units).toEqual([2_550, 3_060]);
    expect(quote.subtotal.amountMinor).toBe(30 * 2_550 + 30 * 3_060);
    expect(quote.subtotal.formatted).toBe('₩168,300');
  });

  it('refuses lines below the offer’s MOQ, naming them, in the site’s language', async () => {
    const res = await post('/api/v1/quotes', 'kr.localhost', {
      lines: [{ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 4 }],
    });
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe('QUANTITY_BELOW_MOQ');
    expect(error.message).toBe('일부 수량이 최소 주문 수량보다 적습니다.');
    expect(error.fields).toEqual([
      { path: 'body.lines.0.quantity', rule: 'below_moq', message: '최소 주문 수량 10 이상이어야 합니다.' },
    ]);
  });

  it('refuses unknown, delisted or out-of-stock lines, each by field, and never trusts a client price', async () => {
    const res = await post('/api/v1/quotes', 'vn.localhost', {
      lines: [
        { offerId: 'nope', skuId: 'x', quantity: 10 },
        { offerId: 'pot-delisted', skuId: 'pot-20cm', quantity: 10 },
        { offerId: 'pot-304-steel', skuId: 'pot-99cm', quantity: 10 },
        { offerId: 'pot-304-steel', skuId: 'pot-24cm', quantity: 41 },
      ],
    });
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe('QUOTE_LINE_UNAVAILABLE');
    expect(error.fields.map((f: { path: string; rule: string }) => `${f.path}:${f.rule}`)).toEqual([
      'body.lines.0.offerId:not_offered',
      'body.lines.1.offerId:not_offered',
      'body.lines.2.skuId:not_offered',
      'body.lines.3.quantity:exceeds_stock',
    ]);
    const withPrice = await post('/api/v1/quotes', 'vn.localhost', {
      lines: [{ ...lines[0], unitPrice: 1 }],
    });
    expect(withPrice.status).toBe(400);
    expect((await withPrice.json()).error.fields[0]).toMatchObject({
      path: 'body.lines.0',
      rule: 'unrecognized_keys',
    });
  });

  it('refuses to quote from a rate older than the tenant allows', async () => {
    await platform.services.fxRates.saveAll(
      [{ base: 'CNY', currency: 'PEN', rate: '0.47', asOf: '2026-11-01T00:00:00.000Z', source: 'test' }],
      new Date(),
    );
    await platform.services.tenantRepository.create(
      {
        id: 'pe',
        name: 'Perú Mayorista',
        domains: ['pe.localhost'],
        defaultLocale: 'en',
        locales: ['en'],
        currency: 'PEN',
        pricing: { markupBps: 1000, rounding: { increment: 10, mode: 'up' }, maxRateAgeHours: 48 },
      },
      'test',
    );
    const res = await post('/api/v1/quotes', 'pe.localhost', { lines });
    expect(res.status).toBe(503);
    const error = (await res.json()).error;
    expect(error.code).toBe('FX_RATE_STALE');
    expect(error.message).toBe(
      'Prices in PEN are paused: the latest exchange rate (Nov 1, 2026) is older than 48 hours. Please try again later.',
    );
  });
});

describe('quote verification (what checkout accepts)', () => {
  const tamper = (token: string) => {
    const [body, signature] = token.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    payload.subtotalMinor = 1_000;
    payload.lines[0].unitMinor = 1_000;
    return `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
  };

  it('accepts a fresh quote of the same site', async () => {
    const quote = await (await post('/api/v1/quotes', 'vn.localhost', { lines })).json();
    const res = await post('/api/v1/quotes/verify', 'vn.localhost', { token: quote.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      valid: true,
      quote: { quoteId: quote.quoteId, subtotal: quote.subtotal },
    });
  });

  it('rejects a tampered quote with a localized message: vi on vn, ko on kr', async () => {
    const vn = await (await post('/api/v1/quotes', 'vn.localhost', { lines })).json();
    const vnRes = await post('/api/v1/quotes/verify', 'vn.localhost', { token: tamper(vn.token) });
    expect(vnRes.status).toBe(400);
    expect((await vnRes.json()).error).toMatchObject({
      code: 'QUOTE_INVALID',
      message: 'Báo giá này đã bị thay đổi hoặc không do cửa hàng này phát hành nên không thể chấp nhận.',
    });
    const kr = await (await post('/api/v1/quotes', 'kr.localhost', { lines })).json();
    const krRes = await post('/api/v1/quotes/verify', 'kr.localhost', { token: tamper(kr.token) });
    expect((await krRes.json()).error).toMatchObject({
      code: 'QUOTE_INVALID',
      message: '이 견적은 변경되었거나 이 스토어에서 발행한 것이 아니므로 사용할 수 없습니다.',
    });
  });

  it('rejects another site’s genuine quote', async () => {
    const vn = await (await post('/api/v1/quotes', 'vn.localhost', { lines })).json();
    const res = await post('/api/v1/quotes/verify', 'kr.localhost', { token: vn.token });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('QUOTE_INVALID');
  });

  it('rejects an expired quote with a localized message: vi on vn, ko on kr', async () => {
    const { services } = platform;
    const issuedLongAgo = quoteService({
      offers: new DynamoOfferRepository(services.db, platform.tableName),
      priceBooks: services.priceBooks,
      store: new DynamoQuoteStore(services.db, platform.tableName),
      signingKey: () => services.secrets.get(QUOTE_SIGNING_KEY),
      verifyingKeys: () => services.secrets.versions(QUOTE_SIGNING_KEY),
      ttlSeconds: 900,
      now: () => new Date(Date.now() - 20 * 60_000),
    });
    for (const [id, host, message] of [
      ['vn', 'vn.localhost', /^Báo giá này đã hết hạn lúc .+ \(UTC\)\. Vui lòng yêu cầu báo giá mới\.$/],
      ['kr', 'kr.localhost', /^이 견적은 .+\(UTC\)에 만료되었습니다\. 새 견적을 요청해 주세요\.$/],
    ] as const) {
      const tenant = (await services.tenantRepository.byId(id))!;
      const { token } = await issuedLongAgo.create(tenant, tenant.defaultLocale, { lines });
      const res = await post('/api/v1/quotes/verify', host, { token });
      expect(res.status).toBe(410);
      const error = (await res.json()).error;
      expect(error.code).toBe('QUOTE_EXPIRED');
      expect(error.message).toMatch(message);
    }
  });
});
