import { describe, expect, it } from 'vitest';
import {
  type DomainRecord,
  domainView,
  isPublicName,
  localhostTenantOf,
  routableDirectory,
  ruleStatus,
  type Stage,
  statusRoutes,
} from '../../core/tenants/domains.ts';
import { type Tenant, tenantSchema } from '../../core/tenants/tenant.ts';

const tenant = (id: string, domains: string[]): Tenant =>
  tenantSchema.parse({ id, name: id, domains, defaultLocale: 'en', locales: ['en'], currency: 'USD' });

const vn = tenant('vn', ['vn.localhost', 'shop.example.vn', 'kr.localhost']);
const kr = tenant('kr', ['kr.localhost']);
const byId = async (id: string) => ({ vn, kr })[id as 'vn' | 'kr'];

/**
 * A directory over plain data: the host claims of the tenant store (vn claimed kr.localhost
 * and shop.example.vn, as a tenant key could) and vn's record for its custom domain.
 */
function directoryIn(stage: Stage, status: DomainRecord['status'] = 'verified') {
  const claims: Record<string, Tenant> = { 'vn.localhost': vn, 'kr.localhost': vn, 'shop.example.vn': vn };
  return routableDirectory({
    directory: { byHost: async (host) => (host ? claims[host] : undefined) },
    byId,
    records: {
      get: async (tenantId, host) =>
        tenantId === 'vn' && host === 'shop.example.vn'
          ? { tenantId, host, status, token: 't', createdAt: '2026-01-01T00:00:00Z' }
          : undefined,
    },
    stage,
  });
}

describe('<id>.localhost', () => {
  it('routes only to tenant <id>, whoever listed it, and only in local and dev', async () => {
    for (const stage of ['local', 'dev'] as const) {
      const directory = directoryIn(stage);
      expect((await directory.byHost('vn.localhost:3000'))?.id).toBe('vn');
      expect((await directory.byHost('KR.localhost'))?.id).toBe('kr');
      expect(await directory.byHost('nobody.localhost')).toBeUndefined();
    }
  });

  it('reaches nobody in staging and prod', async () => {
    for (const stage of ['staging', 'prod'] as const) {
      const directory = directoryIn(stage);
      expect(await directory.byHost('vn.localhost')).toBeUndefined();
      expect(await directory.byHost('kr.localhost')).toBeUndefined();
      expect((await directory.byHost('shop.example.vn'))?.id).toBe('vn');
      expect(statusRoutes('local', stage)).toBe(false);
      expect(domainView('vn.localhost', 'local', stage).routes).toBe(false);
    }
    expect(domainView('vn.localhost', 'local', 'dev').routes).toBe(true);
  });

  it("is the tenant's own name only: another id's localhost name is reserved", () => {
    expect(localhostTenantOf('vn.localhost.')).toBe('vn');
    expect(localhostTenantOf('a.b.localhost')).toBeUndefined();
    expect(ruleStatus('vn', 'vn.localhost')).toBe('local');
    expect(ruleStatus('vn', 'kr.localhost')).toBe('reserved');
    expect(ruleStatus('vn', 'shop.example.vn')).toBeUndefined();
  });
});

describe('custom domains', () => {
  it('route only when verified or approved', async () => {
    for (const status of ['verified', 'approved'] as const)
      expect((await directoryIn('prod', status).byHost('shop.example.vn'))?.id).toBe('vn');
    for (const status of ['pending', 'revoked'] as const)
      expect(await directoryIn('prod', status).byHost('shop.example.vn')).toBeUndefined();
  });

  it('are public DNS names: no IP literal, single label or reserved name can be proven', () => {
    for (const name of ['shop.example.vn', 'sourcing.example.kr', 'www.nguonhang-shop.com'])
      expect(isPublicName(name), name).toBe(true);
    for (const name of [
      'localhost',
      '127.0.0.1',
      '10.0.0.8',
      'intranet',
      'printer.local',
      'x.internal',
      'a.test',
    ])
      expect(isPublicName(name), name).toBe(false);
  });

  it('show what to publish while pending, and nothing once revoked', () => {
    const record: DomainRecord = {
      tenantId: 'vn',
      host: 'shop.example.vn',
      status: 'pending',
      token: 'sf-verify-abc',
      createdAt: '2026-01-01T00:00:00Z',
    };
    expect(domainView('shop.example.vn', 'pending', 'prod', record)).toEqual({
      domain: 'shop.example.vn',
      status: 'pending',
      routes: false,
      verification: {
        txt: { name: '_sourcefront-verify.shop.example.vn', value: 'sf-verify-abc' },
        http: { url: 'http://shop.example.vn/.well-known/sourcefront-verification', body: 'sf-verify-abc' },
      },
    });
    const revoked = { ...record, status: 'revoked' as const, revoked: { by: 'operator', at: 'x' } };
    expect(domainView('shop.example.vn', 'revoked', 'prod', revoked)).toEqual({
      domain: 'shop.example.vn',
      status: 'revoked',
      routes: false,
      revoked: { by: 'operator', at: 'x' },
    });
  });
});
