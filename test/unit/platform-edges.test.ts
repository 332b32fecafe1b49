import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cachedSecrets, type SecretStore } from '../../adapters/secrets/secret-store.ts';
import { cachedDirectory, isSafeAssetUrl, type Tenant, tenantSchema } from '../../core/tenants/tenant.ts';
import { SECRET_CACHE_TTL_MS, type Services } from '../../functions/composition.ts';
import { routeHandler } from '../../functions/http/route.ts';
import { httpEvent, lambdaContext } from '../kit/events.ts';
import { testRoute } from '../kit/routes.ts';

describe('the tenant-by-host cache', () => {
  const vn = { id: 'vn' } as Tenant;
  const counting = () => {
    const asked: string[] = [];
    return {
      asked,
      source: {
        byHost: async (host: string | undefined) => {
          asked.push(host ?? '');
          return host === 'vn.localhost' ? vn : undefined;
        },
      },
    };
  };

  it('stays bounded under a flood of random hosts, least recently used first out', async () => {
    const { asked, source } = counting();
    const cache = cachedDirectory(source, 60_000, { maxEntries: 100 });
    await cache.byHost('vn.localhost');
    for (let i = 0; i < 1000; i++) {
      await cache.byHost(`random-${i}.example`);
      if (i % 50 === 0) await cache.byHost('vn.localhost'); // keeps the real site recently used
    }
    asked.length = 0;
    await cache.byHost('vn.localhost');
    expect(asked).toEqual([]); // still cached
    await cache.byHost('random-0.example');
    expect(asked).toEqual(['random-0.example']); // long evicted
  });

  it('remembers a miss only briefly, so a site created a moment ago is found', async () => {
    let now = 0;
    const { asked, source } = counting();
    const cache = cachedDirectory(source, 60_000, { negativeTtlMs: 5_000, now: () => now });
    expect(await cache.byHost('new.example')).toBeUndefined();
    now = 4_000;
    await cache.byHost('new.example');
    expect(asked).toEqual(['new.example']);
    now = 6_000;
    await cache.byHost('new.example');
    expect(asked).toEqual(['new.example', 'new.example']);
  });

  it('never looks up a host longer than a host name can be', async () => {
    const { asked, source } = counting();
    const cache = cachedDirectory(source, 60_000);
    expect(await cache.byHost(`${'a'.repeat(300)}.example`)).toBeUndefined();
    expect(asked).toEqual([]);
  });
});

describe('secrets in a warm function', () => {
  it('notice a rotated operator key within a minute', async () => {
    let now = 0;
    let value = 'old-operator-key';
    const source: SecretStore = { get: async () => value, versions: async () => [value] };
    const secrets = cachedSecrets(source, SECRET_CACHE_TTL_MS, () => now);
    expect(await secrets.get('operator-api-key')).toBe('old-operator-key');
    value = 'new-operator-key';
    now = 60_001;
    expect(await secrets.get('operator-api-key')).toBe('new-operator-key');
    expect(SECRET_CACHE_TTL_MS).toBeLessThanOrEqual(60_000);
  });
});

describe('tenant text is validated on save', () => {
  const base = {
    id: 'th',
    name: 'Thai',
    domains: ['shop.example.co.th'],
    defaultLocale: 'en',
    locales: ['en'],
    currency: 'THB',
  };
  const logo = (logoUrl: string) => tenantSchema.safeParse({ ...base, brand: { logoUrl } });
  const font = (f: string) => tenantSchema.safeParse({ ...base, brand: { font: f } });

  it('refuses logo URLs with quotes, credentials, plain http or internal hosts', () => {
    for (const bad of [
      'https://cdn.example.com/logo.png" onerror="alert(1)',
      "https://cdn.example.com/a'b.png",
      'https://user:pass@cdn.example.com/logo.png',
      'http://cdn.example.com/logo.png',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/logo.png',
      'https://[::1]/logo.png',
      'https://localhost/logo.png',
      'https://printer.local/logo.png',
      'javascript:alert(1)',
    ]) {
      const result = logo(bad);
      expect(result.success, bad).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toContain('unsafe_url');
    }
    expect(logo('https://cdn.example.com/brand/logo.svg').success).toBe(true);
    expect(isSafeAssetUrl('http://vn.localhost:3000/assets/logo.png')).toBe(true);
  });

  it('refuses font stacks with unbalanced quotes or CSS punctuation', () => {
    for (const bad of [
      "'Be Vietnam Pro, sans-serif",
      'Arial; } body { display:none',
      '"Noto Sans\'',
      'a,,b',
    ]) {
      expect(font(bad).success, bad).toBe(false);
    }
    expect(font("'Be Vietnam Pro', system-ui, sans-serif").success).toBe(true);
    expect(font('"Noto Sans KR", sans-serif').success).toBe(true);
  });

  it("keeps HTML-looking names as written (escaping is the renderer's job)", () => {
    const parsed = tenantSchema.parse({ ...base, name: '<b>Thai</b> & Co' });
    expect(parsed.name).toBe('<b>Thai</b> & Co');
  });
});

describe('only CloudFront reaches a deployed API', () => {
  const route = testRoute('test-edge', {
    method: 'GET',
    path: '/t',
    access: { table: 'none', search: 'none' },
  });
  const deployed = () =>
    ({
      config: { ORIGIN_VERIFY: 'required' },
      secrets: { versions: async () => ['current-origin-secret', 'previous-origin-secret'] },
    }) as unknown as Services;
  const handler = routeHandler(route, async ({ clientIp }) => ({ body: { clientIp } }), deployed);
  const call = (headers: Record<string, string>) =>
    handler(httpEvent({ path: '/t', headers }), lambdaContext());

  it('refuses a request without the origin header CloudFront adds', async () => {
    expect((await call({})).statusCode).toBe(403);
    expect((await call({ 'x-origin-verify': 'guess' })).statusCode).toBe(403);
  });

  it('accepts the current and, during a rotation, the previous value; the client is the viewer CloudFront saw', async () => {
    const ok = await call({
      'x-origin-verify': 'current-origin-secret',
      'x-forwarded-for': '6.6.6.6, 198.51.100.20',
    });
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body ?? '{}').clientIp).toBe('198.51.100.20');
    expect((await call({ 'x-origin-verify': 'previous-origin-secret' })).statusCode).toBe(200);
  });
});

describe('validation rules', () => {
  it('the chain reports a wrong type as invalid_type, a missing field as required', async () => {
    const route = testRoute('test-types', {
      path: '/t',
      request: { body: z.object({ a: z.string(), b: z.int() }) },
      access: { table: 'none', search: 'none' },
    });
    const handler = routeHandler(
      route,
      async () => ({ body: {} }),
      () => ({ config: { ORIGIN_VERIFY: 'off' } }) as unknown as Services,
    );
    const res = await handler(httpEvent({ method: 'POST', path: '/t', body: { a: 5 } }), lambdaContext());
    const fields = JSON.parse(res.body ?? '{}').error.fields.map(
      (f: { path: string; rule: string }) => `${f.path}:${f.rule}`,
    );
    expect(fields).toEqual(['body.a:invalid_type', 'body.b:required']);
  });
});
