import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { DynamoQuoteStore } from '../../adapters/dynamodb/quote-store.ts';
import { cachedSecrets, localFileSecrets } from '../../adapters/secrets/secret-store.ts';
import { signMessage } from '../../core/handoff/signature.ts';
import { quoteService } from '../../core/quotes/quote.ts';
import { routeById, routeHandler } from '../../functions/http/route.ts';
import { OPERATOR_API_KEY, SUPPLY_SIGNING_KEY } from '../../functions/secrets.ts';
import { httpEvent, lambdaContext } from '../kit/events.ts';
import { testOffer } from '../kit/offers.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { testRoute } from '../kit/routes.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  await new DynamoOfferRepository(platform.services.db, platform.tableName).save([{ offer: testOffer() }]);
});
afterAll(async () => platform?.close());

const json = async (res: Response) => ({ status: res.status, headers: res.headers, body: await res.json() });

describe('edges that answered 500 before', () => {
  it('ignores a malformed lang cookie instead of failing every route', async () => {
    const res = await json(
      await platform.request('/api/v1/tenant', {
        host: 'vn.localhost',
        headers: { cookie: 'lang=%E0%A4%A' },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('vi');
  });

  it('answers a bad percent-encoding in a path with a localized 400', async () => {
    const res = await json(
      await platform.request('/api/v1/offers/%E0%A4%A', {
        host: 'vn.localhost',
        headers: { 'accept-language': 'vi' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({ path: 'path', rule: 'invalid_format' }),
    ]);
  });

  it('answers an over-long Host with 404 TENANT_NOT_FOUND and over-long admin ids with 400', async () => {
    const longHost = await json(
      await platform.request('/api/v1/tenant', { host: `${'a'.repeat(3000)}.localhost` }),
    );
    expect(longHost.status).toBe(404);
    expect(longHost.body.error.code).toBe('TENANT_NOT_FOUND');
    const operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
    const longId = await json(
      await platform.request(`/api/v1/admin/tenants/${'v'.repeat(3000)}/audit`, {
        headers: { authorization: `Bearer ${operatorKey}` },
      }),
    );
    expect(longId.status).toBe(400);
    expect(longId.body.error.fields[0].path).toBe('params.tenantId');
  });

  it('reports a wrong JSON type as invalid_type, and only a missing field as required', async () => {
    const res = await json(
      await platform.request('/api/v1/quotes', {
        host: 'vn.localhost',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        body: JSON.stringify({ lines: [{ offerId: 42, skuId: 'pot-20cm' }] }),
      }),
    );
    expect(res.status).toBe(400);
    const rules = Object.fromEntries(
      res.body.error.fields.map((f: { path: string; rule: string }) => [f.path, f.rule]),
    );
    expect(rules).toEqual({ 'body.lines.0.offerId': 'invalid_type', 'body.lines.0.quantity': 'required' });
  });
});

describe('routes with a declared rate limit', () => {
  it('quote creation declares one', () => {
    expect(routeById('quote-create').rateLimit).toEqual({ limit: 60, windowSeconds: 60 });
  });

  it('refuses the hit past the limit with a localized 429, per site and client', async () => {
    const limited = testRoute('test-limited', {
      tenant: 'required',
      rateLimit: { limit: 3, windowSeconds: 3600 },
    });
    const handler = routeHandler(
      limited,
      async () => ({ body: { ok: true } }),
      () => platform.services,
    );
    const call = (host: string, ip: string) => {
      const event = httpEvent({
        method: 'POST',
        path: limited.path,
        headers: { host, 'accept-language': 'vi' },
      });
      event.requestContext.http.sourceIp = ip;
      return handler(event, lambdaContext());
    };
    for (let i = 0; i < 3; i++) expect((await call('vn.localhost', '198.51.100.7')).statusCode).toBe(200);
    const refused = await call('vn.localhost', '198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(JSON.parse(refused.body ?? '{}').error.message).toMatch(/Vui lòng chờ \d+ giây/);
    expect(refused.headers?.['retry-after']).toMatch(/^\d+$/);
    // Another client, or the same client on another site, has its own count.
    expect((await call('vn.localhost', '198.51.100.8')).statusCode).toBe(200);
    expect((await call('kr.localhost', '198.51.100.7')).statusCode).toBe(200);
  });
});

describe('signing key rotation', () => {
  it('keeps a quote signed with the previous key valid while it lasts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-secrets-'));
    const secrets = cachedSecrets(localFileSecrets(dir), 0);
    const { services } = platform;
    const quotes = quoteService({
      offers: new DynamoOfferRepository(services.db, platform.tableName),
      priceBooks: services.priceBooks,
      store: new DynamoQuoteStore(services.db, platform.tableName),
      signingKey: () => secrets.get('quote-signing-key'),
      verifyingKeys: () => secrets.versions('quote-signing-key'),
      ttlSeconds: 900,
    });
    const vn = (await services.tenantRepository.byId('vn'))!;
    const lines = [{ offerId: 'pot-304-steel', skuId: 'pot-20cm', quantity: 60 }];
    const before = await quotes.create(vn, 'vi', { lines });
    // Rotate: the new key signs from now on, the old one is kept as previous.
    const old = await secrets.get('quote-signing-key');
    writeFileSync(join(dir, 'quote-signing-key.previous'), old);
    writeFileSync(join(dir, 'quote-signing-key'), 'a-new-key-of-at-least-thirty-two-characters');
    const after = await quotes.create(vn, 'vi', { lines });
    expect((await quotes.verify('vn', before.token)).quoteId).toBe(before.quote.quoteId);
    expect((await quotes.verify('vn', after.token)).quoteId).toBe(after.quote.quoteId);
    // Once the rotation is over (previous gone), the old quote no longer verifies.
    writeFileSync(join(dir, 'quote-signing-key.previous'), '');
    await expect(quotes.verify('vn', before.token)).rejects.toMatchObject({ code: 'QUOTE_INVALID' });
  });
});

describe('supply-signed routes', () => {
  const webhook = testRoute('test-supply-webhook', { auth: 'supply-signature' });
  const handler = routeHandler(
    webhook,
    async () => ({ body: { accepted: true } }),
    () => platform.services,
  );
  const call = (headers: Record<string, string>, body: string) => {
    const event = httpEvent({ method: 'POST', path: webhook.path, headers, body });
    event.requestContext.http.sourceIp = '203.0.113.9';
    return handler(event, lambdaContext());
  };

  it('accepts a message signed over timestamp.body, and refuses a stale, altered or unsigned one', async () => {
    const key = await platform.services.secrets.get(SUPPLY_SIGNING_KEY);
    const body = JSON.stringify({ poId: 'PO-1', status: 'accepted' });
    const now = Math.floor(Date.now() / 1000);
    const signed = (ts: number, b = body) => ({
      'x-sourcefront-timestamp': String(ts),
      'x-sourcefront-signature': signMessage(key, ts, b),
    });
    expect((await call(signed(now), body)).statusCode).toBe(200);
    expect((await call(signed(now - 301), body)).statusCode).toBe(401);
    expect((await call(signed(now), `${body} `)).statusCode).toBe(401);
    expect((await call({}, body)).statusCode).toBe(401);
    expect(
      (await call({ ...signed(now), 'x-sourcefront-signature': signMessage('another-key', now, body) }, body))
        .statusCode,
    ).toBe(401);
  });
});

// Last in the file: afterwards this platform's loopback client stays throttled for its window.
describe('authentication failures are counted and throttled', () => {
  it('gives a client 429 after ten failed keys, localized, even for a right key then', async () => {
    const attempt = (key: string, lang = 'en') =>
      platform.request('/api/v1/admin/tenants/vn', {
        headers: { authorization: `Bearer ${key}`, 'accept-language': lang },
      });
    for (let i = 0; i < 10; i++) expect((await attempt(`wrong-key-${i}-${'x'.repeat(40)}`)).status).toBe(401);
    const blocked = await json(await attempt('wrong-key-again-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ko'));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.error.message).toMatch(/초 후에 다시 시도해 주세요/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right key from the same client is not even checked until the window ends.
    const operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
    expect((await attempt(operatorKey)).status).toBe(429);
  });
});
