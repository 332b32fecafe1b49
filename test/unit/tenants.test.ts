import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import { authenticate, authorizeTenant } from '../../core/tenants/admin-auth.ts';
import { generateApiKey, parseApiKey } from '../../core/tenants/api-keys.ts';
import { diffConfig } from '../../core/tenants/config-diff.ts';
import { publicTenant, tenantSchema } from '../../core/tenants/tenant.ts';
import { demoTenants } from '../../local/seed/demo-tenants.ts';

describe('tenant config', () => {
  it('accepts the three demo tenants, each with its own currency and default language', () => {
    const parsed = demoTenants.map((t) => tenantSchema.parse(t));
    expect(parsed.map((t) => `${t.id}:${t.currency}:${t.defaultLocale}`)).toEqual([
      'vn:VND:vi',
      'kr:KRW:ko',
      'my:MYR:zh-CN',
    ]);
  });

  it('names every failing field: unknown currency, unknown locale, bad colour', () => {
    const result = tenantSchema.safeParse({
      ...demoTenants[0],
      currency: 'VNX',
      locales: ['vi', 'fr'],
      brand: { colours: { primary: 'red', accent: '#ffffff', background: '#ffffff', text: '#000000' } },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'brand.colours.primary',
      'currency',
      'locales.1',
    ]);
  });

  it('refuses a default locale outside the site’s locales and duplicate locales', () => {
    const result = tenantSchema.safeParse({
      ...demoTenants[0],
      defaultLocale: 'ko',
      locales: ['vi', 'en', 'vi'],
    });
    expect(
      result.error!.issues.map(
        (i) => `${i.path.join('.')}:${(i as { params?: { rule?: string } }).params?.rule}`,
      ),
    ).toEqual(['defaultLocale:not_among_locales', 'locales:duplicate']);
  });

  it('shows only the public part, with the brand as CSS tokens', () => {
    const vn = publicTenant(tenantSchema.parse(demoTenants[0]));
    expect(Object.keys(vn).sort()).toEqual(['currency', 'defaultLocale', 'id', 'locales', 'name', 'theme']);
    expect(vn.theme.tokens).toMatchObject({ '--sf-color-primary': '#c8102e' });
  });

  it('refuses a font stack that could break out of CSS', () => {
    const result = tenantSchema.safeParse({ ...demoTenants[0], brand: { font: 'x; } body { display:none' } });
    expect(result.error?.issues[0]?.path).toEqual(['brand', 'font']);
  });
});

describe('config diffs for the audit trail', () => {
  it('lists changed leaves with before and after; arrays change as a whole', () => {
    const before = {
      name: 'A',
      pricing: { markupBps: 1500, rounding: { increment: 1000 } },
      domains: ['a', 'b'],
    };
    const after = {
      name: 'A',
      pricing: { markupBps: 1800, rounding: { increment: 1000 } },
      domains: ['b', 'a'],
      logo: 'x',
    };
    expect(diffConfig(before, after)).toEqual([
      { path: 'domains', from: ['a', 'b'], to: ['b', 'a'] },
      { path: 'logo', to: 'x' },
      { path: 'pricing.markupBps', from: 1500, to: 1800 },
    ]);
    expect(diffConfig(before, structuredClone(before))).toEqual([]);
  });
});

describe('API keys and who may do what', () => {
  it('makes keys that name their tenant and key id and carry 256 random bits', () => {
    const { key, keyId, hash } = generateApiKey('vn');
    expect(parseApiKey(key)).toEqual({ tenantId: 'vn', keyId });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.split('.')[3]);
    expect(generateApiKey('vn').key).not.toBe(key);
  });

  const ports = (stored: { keyId: string; hash: string; revokedAt?: string } | undefined) => ({
    findKey: async () => stored,
    operatorKey: async () => 'o'.repeat(64),
  });

  it('recognises the operator and tenant keys; anything else is 401', async () => {
    const { key, keyId, hash } = generateApiKey('vn');
    expect(await authenticate({ authorization: `Bearer ${'o'.repeat(64)}` }, ports(undefined))).toEqual({
      kind: 'operator',
    });
    expect(await authenticate({ 'x-api-key': key }, ports({ keyId, hash }))).toEqual({
      kind: 'tenant',
      tenantId: 'vn',
      keyId,
    });
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${key}` }]) {
      await expect(authenticate(headers, ports({ keyId, hash }))).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    await expect(
      authenticate(
        { authorization: `Bearer ${key}` },
        ports({ keyId, hash, revokedAt: '2026-11-21T00:00:00Z' }),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets a tenant key act on its own tenant only', () => {
    const vn = { kind: 'tenant' as const, tenantId: 'vn', keyId: '0123456789abcdef' };
    expect(() => authorizeTenant(vn, 'vn')).not.toThrow();
    expect(() => authorizeTenant(vn, 'kr')).toThrow(DomainError);
    expect(() => authorizeTenant({ kind: 'operator' }, 'kr')).not.toThrow();
  });
});
