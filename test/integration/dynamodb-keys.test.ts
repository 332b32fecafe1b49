import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { DynamoQuoteStore } from '../../adapters/dynamodb/quote-store.ts';
import { offerOverrideLimits } from '../../core/catalog/model.ts';
import { DomainError } from '../../core/errors.ts';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { testOffer } from '../kit/offers.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
let operatorKey: string;
let offers: DynamoOfferRepository;
beforeAll(async () => {
  platform = await startTestPlatform();
  operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
  offers = new DynamoOfferRepository(platform.services.db, platform.tableName);
  await offers.save([{ offer: testOffer() }]);
});
afterAll(async () => platform?.close());

const long = (n: number) => 'a'.repeat(n);
const asOperator = (method = 'GET', body?: unknown): RequestInit => ({
  method,
  headers: {
    authorization: `Bearer ${operatorKey}`,
    ...(body !== undefined && { 'content-type': 'application/json' }),
  },
  ...(body !== undefined && { body: JSON.stringify(body) }),
});

describe('over-long key values never reach DynamoDB (its limits: pk 2,048 bytes, sk 1,024)', () => {
  it('the repositories find nothing for a tenant, key, offer, quote id or host of 3,000 characters', async () => {
    const tenants = platform.services.tenantRepository;
    const quotes = new DynamoQuoteStore(platform.services.db, platform.tableName);
    expect(await tenants.byId(long(3000))).toBeUndefined();
    expect(await tenants.versioned(long(3000))).toBeUndefined();
    expect(await tenants.atVersion(long(3000), 1)).toBeUndefined();
    expect(await tenants.byHost(`${long(3000)}.example.com`)).toBeUndefined();
    expect(await tenants.findKey('vn', long(1100))).toBeUndefined();
    expect(await tenants.findKey(long(3000), '0123456789abcdef')).toBeUndefined();
    expect(await tenants.listKeys(long(3000))).toEqual([]);
    expect(await tenants.audit(long(3000))).toEqual([]);
    expect(await offers.get(long(3000))).toBeUndefined();
    expect(await offers.getOverride(long(3000), 'pot-304-steel')).toBeUndefined();
    expect(await offers.overridesFor('vn', [long(3000), 'pot-304-steel'])).toEqual(new Map());
    expect(await offers.hasOverrides(long(3000))).toBe(false);
    expect(await offers.translationQueue(long(3000))).toEqual([]);
    expect(await quotes.get('vn', long(3000))).toBeUndefined();
    expect(await platform.services.fxRates.latest(long(3000))).toBeUndefined();
  });

  it('a change with such a key is NOT_FOUND (a domain error), not an SDK ValidationException', async () => {
    const tenants = platform.services.tenantRepository;
    await expect(tenants.revokeKey('vn', long(1100), 'operator')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(tenants.revokeKey(long(3000), '0123456789abcdef', 'operator')).rejects.toBeInstanceOf(
      DomainError,
    );
    const override = { fields: { title: { vi: 'Nồi inox' } } };
    await expect(offers.putOverride(long(3000), 'pot-304-steel', override)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('over HTTP they answer 400 naming the path parameter (or 404 for an unknown site), not 500', async () => {
    const param = async (res: Response) => ({ status: res.status, fields: (await res.json()).error.fields });
    const tenant = await param(await platform.request(`/api/v1/admin/tenants/${long(3000)}`, asOperator()));
    expect(tenant).toEqual({ status: 400, fields: [expect.objectContaining({ path: 'params.tenantId' })] });
    const audit = await param(
      await platform.request(`/api/v1/admin/tenants/${long(3000)}/audit`, asOperator()),
    );
    expect(audit.status).toBe(400);
    const key = await param(
      await platform.request(`/api/v1/admin/tenants/vn/keys/${long(1100)}`, asOperator('DELETE')),
    );
    expect(key).toEqual({ status: 400, fields: [expect.objectContaining({ path: 'params.keyId' })] });
    const override = { fields: { title: { vi: 'Nồi inox' } } };
    const put = await platform.request(
      `/api/v1/admin/tenants/${long(3000)}/offers/pot-304-steel/overrides`,
      asOperator('PUT', override),
    );
    expect(put.status).toBe(400);
    const site = await platform.request('/api/v1/tenant', { host: `${long(3000)}.example.com` });
    expect(site.status).toBe(404);
    expect((await site.json()).error.code).toBe('TENANT_NOT_FOUND');
  });
});

describe('offer overrides stay far below DynamoDB’s 400 KB item', () => {
  /** `n` fields, each in all four locales at the longest text, in 3-byte characters. */
  const overrideOf = (n: number) => ({
    fields: Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        i === 0
          ? 'title'
          : `attributes.f_${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
        Object.fromEntries(
          ['vi', 'ko', 'en', 'zh-CN'].map((l) => [l, '锅'.repeat(offerOverrideLimits.textLength)]),
        ),
      ]),
    ),
  });
  const put = (body: unknown, lang = 'en') =>
    platform.request('/api/v1/admin/tenants/vn/offers/pot-304-steel/overrides', {
      ...asOperator('PUT', body),
      headers: { ...asOperator('PUT', body).headers, 'accept-language': lang },
    });

  it('the largest override allowed (50 fields × 4 locales × 500 CJK characters) is saved and read back', async () => {
    const largest = overrideOf(offerOverrideLimits.fields);
    expect(Buffer.byteLength(JSON.stringify(largest))).toBeGreaterThan(290_000);
    expect((await put(largest)).status).toBe(200);
    expect(await offers.getOverride('vn', 'pot-304-steel')).toEqual(largest);
  });

  it('one field more is 400 VALIDATION_FAILED naming body.fields, in the caller’s language', async () => {
    const res = await put(overrideOf(offerOverrideLimits.fields + 1), 'vi');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([
      { path: 'body.fields', rule: 'too_many_fields', message: 'Chỉ có thể ghi đè tối đa 50 trường.' },
    ]);
  });

  it('an override that would pass 400 KB (80 such fields) is refused with 400, not a DynamoDB 500', async () => {
    const res = await put(overrideOf(80));
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0]).toMatchObject({
      path: 'body.fields',
      message: 'At most 50 fields can be overridden.',
    });
  });
});
