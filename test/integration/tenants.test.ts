import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
let operatorKey: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
});
afterAll(async () => platform?.close());

const json = (body: unknown, key?: string, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
  body: JSON.stringify(body),
});
const auth = (key: string, method = 'GET'): RequestInit => ({
  method,
  headers: { authorization: `Bearer ${key}` },
});

describe('GET /api/v1/tenant', () => {
  it('gives each site its own brand, locales and currency, from the Host', async () => {
    const vn = await (await platform.request('/api/v1/tenant', { host: 'vn.localhost:3000' })).json();
    const kr = await (await platform.request('/api/v1/tenant', { host: 'kr.localhost:3000' })).json();
    const my = await (await platform.request('/api/v1/tenant', { host: 'my.localhost:3000' })).json();
    expect(vn).toMatchObject({
      id: 'vn',
      name: 'Nguồn Hàng Trung Quốc',
      defaultLocale: 'vi',
      locales: ['vi', 'en'],
      currency: 'VND',
      locale: 'vi',
    });
    expect(kr).toMatchObject({
      id: 'kr',
      name: '중국도매 소싱',
      defaultLocale: 'ko',
      locales: ['ko', 'en'],
      currency: 'KRW',
      locale: 'ko',
    });
    expect(my).toMatchObject({ id: 'my', defaultLocale: 'zh-CN', currency: 'MYR' });
    expect(vn.theme.tokens['--sf-color-primary']).toBe('#c8102e');
    expect(kr.theme.tokens['--sf-color-primary']).toBe('#0047a0');
  });

  it('answers by custom domain too', async () => {
    const res = await platform.request('/api/v1/tenant', { host: 'Sourcing.Example.KR' });
    expect((await res.json()).id).toBe('kr');
  });

  it('negotiates the locale within the site’s locales: explicit, then browser, then default', async () => {
    const get = async (path: string, headers: Record<string, string> = {}) =>
      (await (await platform.request(path, { host: 'vn.localhost', headers })).json()).locale;
    expect(await get('/api/v1/tenant?lang=en', { 'accept-language': 'vi' })).toBe('en');
    expect(await get('/api/v1/tenant', { cookie: 'lang=en' })).toBe('en');
    expect(await get('/api/v1/tenant', { 'accept-language': 'en-US,en;q=0.9' })).toBe('en');
    expect(await get('/api/v1/tenant', { 'accept-language': 'ko-KR' })).toBe('vi'); // ko is not a vn locale
    expect(await get('/api/v1/tenant?lang=zh-CN')).toBe('vi');
  });

  it('answers an unknown host with 404 TENANT_NOT_FOUND naming the host', async () => {
    const res = await platform.request('/api/v1/tenant', { host: 'nobody.localhost:3000' });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('TENANT_NOT_FOUND');
    expect(body.error.message).toBe('No storefront is configured for nobody.localhost:3000.');
  });
});

describe('the partner admin API', () => {
  let vnKey: string;
  let krKey: string;

  beforeAll(async () => {
    const issue = async (tenant: string) => {
      const res = await platform.request(
        `/api/v1/admin/tenants/${tenant}/keys`,
        json({ label: 'ops' }, operatorKey),
      );
      expect(res.status).toBe(201);
      return (await res.json()).key as string;
    };
    vnKey = await issue('vn');
    krKey = await issue('kr');
  });

  it('refuses calls without a key or with a made-up one (401)', async () => {
    expect((await platform.request('/api/v1/admin/tenants/vn')).status).toBe(401);
    expect((await platform.request('/api/v1/admin/tenants/vn', auth('not-a-key'))).status).toBe(401);
    const forged = vnKey.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
    expect((await platform.request('/api/v1/admin/tenants/vn', auth(forged))).status).toBe(401);
    const otherTenantInKey = vnKey.replace(/^sfk\.vn\./, 'sfk.kr.');
    expect((await platform.request('/api/v1/admin/tenants/kr', auth(otherTenantInKey))).status).toBe(401);
  });

  it('lets the operator create a tenant; a tenant key cannot', async () => {
    const th = {
      id: 'th',
      name: 'Thai Sourcing',
      domains: ['shop.example.co.th'],
      defaultLocale: 'en',
      locales: ['en'],
      currency: 'THB',
      pricing: { markupBps: 800, rounding: { increment: 100, mode: 'up' } },
    };
    const create = (body: object, key: string, idempotencyKey?: string) => {
      const init = json(body, key);
      return platform.request('/api/v1/admin/tenants', {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
        },
      });
    };
    const denied = await create(th, vnKey, 'create-th-by-vn');
    expect(denied.status).toBe(403);
    const withoutKey = await create(th, operatorKey);
    expect(withoutKey.status).toBe(400);
    expect((await withoutKey.json()).error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const res = await create(th, operatorKey, 'create-th-0001');
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ version: 1, config: { id: 'th', currency: 'THB' } });
    const viaLocalhost = await platform.request('/api/v1/tenant', { host: 'th.localhost:3000' });
    expect((await viaLocalhost.json()).currency).toBe('THB');
    // A retry of the same request (a lost answer) replays the first answer, applying nothing twice.
    const retried = await create(th, operatorKey, 'create-th-0001');
    expect(retried.status).toBe(201);
    expect(await retried.json()).toEqual(created);
    expect((await platform.services.tenantRepository.audit('th')).length).toBe(1);
    // The same key with another body is a client bug: refused, nothing applied.
    const reused = await create({ ...th, name: 'Other' }, operatorKey, 'create-th-0001');
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // A new request for the same site is a conflict.
    const again = await create(th, operatorKey, 'create-th-0002');
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('TENANT_EXISTS');
  });

  it('gives tenant A’s key 403 on every call about tenant B, whatever the body', async () => {
    const calls: [string, RequestInit][] = [
      ['/api/v1/admin/tenants/kr', auth(vnKey)],
      ['/api/v1/admin/tenants/kr', json({ expectedVersion: 1, config: { id: 'kr' } }, vnKey, 'PUT')],
      ['/api/v1/admin/tenants/kr', json({ nonsense: true }, vnKey, 'PUT')],
      ['/api/v1/admin/tenants/kr/audit', auth(vnKey)],
      ['/api/v1/admin/tenants/kr/keys', auth(vnKey)],
      ['/api/v1/admin/tenants/kr/keys', json({ label: 'mine now' }, vnKey)],
      ['/api/v1/admin/tenants/kr/keys/0123456789abcdef', auth(vnKey, 'DELETE')],
    ];
    for (const [path, init] of calls) {
      const res = await platform.request(path, init);
      expect(res.status, `${init.method ?? 'GET'} ${path}`).toBe(403);
      expect((await res.json()).error.code).toBe('FORBIDDEN');
    }
    expect((await platform.request('/api/v1/admin/tenants/kr', auth(krKey))).status).toBe(200);
  });

  it('refuses an unknown currency or locale naming the field, in the caller’s language, and saves nothing', async () => {
    const current = await (await platform.request('/api/v1/admin/tenants/vn', auth(vnKey))).json();
    const bad = { ...current.config, currency: 'XYZ', locales: ['vi', 'fr'] };
    const res = await platform.request('/api/v1/admin/tenants/vn', {
      ...json({ expectedVersion: current.version, config: bad }, vnKey, 'PUT'),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${vnKey}`,
        'accept-language': 'vi',
      },
    });
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        {
          path: 'body.config.currency',
          rule: 'unknown_currency',
          message: 'Không phải mã tiền tệ ISO 4217.',
        },
        expect.objectContaining({ path: 'body.config.locales.1', rule: 'invalid_value' }),
      ]),
    );
    const after = await (await platform.request('/api/v1/admin/tenants/vn', auth(vnKey))).json();
    expect(after.version).toBe(current.version);
    expect(after.config.currency).toBe('VND');
  });

  it('versions each change, refuses a stale version, and keeps an audit record of who changed what', async () => {
    const current = await (await platform.request('/api/v1/admin/tenants/vn', auth(vnKey))).json();
    const changed = { ...current.config, pricing: { ...current.config.pricing, markupBps: 1800 } };
    const res = await platform.request(
      '/api/v1/admin/tenants/vn',
      json({ expectedVersion: current.version, config: changed }, vnKey, 'PUT'),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).version).toBe(current.version + 1);

    const stale = await platform.request(
      '/api/v1/admin/tenants/vn',
      json({ expectedVersion: current.version, config: { ...changed, name: 'Other' } }, vnKey, 'PUT'),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('CONFLICT');

    const previous = await platform.request(
      `/api/v1/admin/tenants/vn/versions/${current.version}`,
      auth(vnKey),
    );
    expect((await previous.json()).config.pricing.markupBps).toBe(1500);
    expect((await platform.request(`/api/v1/admin/tenants/kr/versions/1`, auth(vnKey))).status).toBe(403);
    expect((await platform.request('/api/v1/admin/tenants/vn/versions/999', auth(vnKey))).status).toBe(404);

    const audit = await (await platform.request('/api/v1/admin/tenants/vn/audit', auth(vnKey))).json();
    const keyId = vnKey.split('.')[2];
    expect(audit.records[0]).toMatchObject({
      action: 'tenant.updated',
      version: current.version + 1,
      actor: `key:vn/${keyId}`,
      changes: [{ path: 'pricing.markupBps', from: 1500, to: 1800 }],
    });
    expect(audit.records.map((r: { action: string }) => r.action)).toContain('key.created');
  });

  it('refuses a domain another tenant owns, saving nothing', async () => {
    const current = await (await platform.request('/api/v1/admin/tenants/vn', auth(vnKey))).json();
    const res = await platform.request(
      '/api/v1/admin/tenants/vn',
      json(
        {
          expectedVersion: current.version,
          config: { ...current.config, domains: [...current.config.domains, 'kr.localhost'] },
        },
        vnKey,
        'PUT',
      ),
    );
    expect(res.status).toBe(409);
    const error = (await res.json()).error;
    expect(error.code).toBe('DOMAIN_TAKEN');
    expect(error.fields[0]).toMatchObject({ path: 'domains.2', rule: 'domain_taken' });
    expect((await platform.services.tenantRepository.byHost('kr.localhost'))?.id).toBe('kr');
    expect((await (await platform.request('/api/v1/admin/tenants/vn', auth(vnKey))).json()).version).toBe(
      current.version,
    );
  });

  it('shows a key once, lists keys without secrets, and a revoked key stops working', async () => {
    const created = await (
      await platform.request('/api/v1/admin/tenants/kr/keys', json({ label: 'ci' }, krKey))
    ).json();
    expect(created.key).toMatch(/^sfk\.kr\.[0-9a-f]{16}\./);
    const listed = await (await platform.request('/api/v1/admin/tenants/kr/keys', auth(krKey))).json();
    expect(JSON.stringify(listed)).not.toContain(created.key.split('.')[3]);
    expect(listed.keys.find((k: { keyId: string }) => k.keyId === created.keyId)).toMatchObject({
      label: 'ci',
    });
    expect(listed.keys[0]).not.toHaveProperty('hash');
    expect((await platform.request('/api/v1/admin/tenants/kr', auth(created.key))).status).toBe(200);
    const revoked = await platform.request(
      `/api/v1/admin/tenants/kr/keys/${created.keyId}`,
      auth(krKey, 'DELETE'),
    );
    expect(revoked.status).toBe(200);
    expect((await platform.request('/api/v1/admin/tenants/kr', auth(created.key))).status).toBe(401);
  });

  it('revoking a revoked key answers the first revocation and writes nothing more', async () => {
    const created = await (
      await platform.request('/api/v1/admin/tenants/kr/keys', json({ label: 'twice' }, krKey))
    ).json();
    const revoke = () =>
      platform.request(`/api/v1/admin/tenants/kr/keys/${created.keyId}`, auth(krKey, 'DELETE'));
    const first = await revoke();
    expect(first.status).toBe(200);
    const { revokedAt } = await first.json();
    await new Promise((resolve) => setTimeout(resolve, 20)); // a second revocation would get a later time
    const second = await revoke();
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ keyId: created.keyId, revokedAt });
    const listed = await (await platform.request('/api/v1/admin/tenants/kr/keys', auth(krKey))).json();
    expect(listed.keys.find((k: { keyId: string }) => k.keyId === created.keyId).revokedAt).toBe(revokedAt);
    const audit = await (await platform.request('/api/v1/admin/tenants/kr/audit', auth(krKey))).json();
    const revocations = audit.records.filter(
      (r: { action: string; keyId?: string }) => r.action === 'key.revoked' && r.keyId === created.keyId,
    );
    expect(revocations).toEqual([expect.objectContaining({ at: revokedAt })]);
    // A key the tenant never had is still 404.
    const unknown = await platform.request(
      '/api/v1/admin/tenants/kr/keys/0123456789abcdef',
      auth(krKey, 'DELETE'),
    );
    expect(unknown.status).toBe(404);
  });
});
