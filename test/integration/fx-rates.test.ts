import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledFxDir, fxSources, httpFxProvider } from '../../adapters/fx/providers.ts';
import type { FxRate } from '../../core/fx/rates.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.close());

const rate = (asOf: string, value: string): FxRate => ({
  base: 'CNY',
  currency: 'PEN', // published by neither saved document
  rate: value,
  asOf,
  source: 'test',
});

describe('FX rates in DynamoDB', () => {
  it('are seeded on start from the saved ECB and Vietcombank documents', async () => {
    const { fxRates } = platform.services;
    const vnd = await fxRates.latest('VND');
    const krw = await fxRates.latest('KRW');
    expect(vnd).toMatchObject({ rate: '3765.48', source: 'vietcombank (offline copy of 2026-11-20)' });
    expect(krw).toMatchObject({ rate: '206.4512205505', source: 'ecb (offline copy of 2026-11-20)' });
  });

  it('keep history newest first, and the latest never moves back to an older rate', async () => {
    const { fxRates } = platform.services;
    const fetchedAt = new Date();
    await fxRates.saveAll([rate('2026-11-19T00:00:00.000Z', '4.5')], fetchedAt);
    await fxRates.saveAll([rate('2026-11-20T00:00:00.000Z', '4.6')], fetchedAt);
    const late = await fxRates.saveAll([rate('2026-11-18T00:00:00.000Z', '4.4')], fetchedAt);
    expect(late).toEqual({ updated: [], unchanged: ['PEN'] });
    expect((await fxRates.latest('PEN'))?.rate).toBe('4.6');
    expect((await fxRates.history('PEN', 10)).map((r) => r.rate)).toEqual(['4.6', '4.5', '4.4']);
  });

  it('are refreshed by the scheduled job from every provider', async () => {
    const { handler } = await import('../../functions/jobs/refresh-fx.ts');
    const before = await platform.services.fxRates.latest('KRW');
    const report = await handler();
    expect(report.failures).toBe(0);
    expect(report.updated).toEqual(expect.arrayContaining(['VND', 'KRW', 'MYR', 'USD']));
    const after = await platform.services.fxRates.latest('KRW');
    expect(Date.parse(after!.asOf)).toBeGreaterThan(Date.parse(before!.asOf));
    expect((await platform.services.fxRates.history('KRW', 5)).length).toBeGreaterThanOrEqual(2);
  });

  it('price a tenant from the stored rate: vn in VND rounded to 1,000, kr in KRW to 10', async () => {
    const { priceBooks, tenantRepository } = platform.services;
    const vn = await priceBooks.forTenant((await tenantRepository.byId('vn'))!, 'vi');
    const kr = await priceBooks.forTenant((await tenantRepository.byId('kr'))!, 'ko');
    expect(vn.convert(10_000).amountMinor).toBe(434_000);
    expect(kr.convert(10_000).amountMinor).toBe(23_130);
    expect(kr.fx.rate).toBe('206.4512205505');
  });
});

describe('the HTTP FX providers', () => {
  it('read the publishers’ documents over HTTP and fail clearly on an error status', async () => {
    const server = createServer(async (req, res) => {
      const file = fxSources.find((s) => req.url === `/${s.file}`)?.file;
      if (!file) return res.writeHead(503).end('maintenance');
      res.writeHead(200, { 'content-type': 'text/xml' }).end(await readFile(join(bundledFxDir, file)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const [ecb, vcb] = fxSources.map((s) => httpFxProvider({ ...s, url: `${base}/${s.file}` }));
      const ecbRates = await ecb!.fetchRates();
      expect(ecbRates.find((r) => r.currency === 'KRW')).toMatchObject({
        rate: '206.4512205505',
        source: 'ecb',
      });
      expect(await vcb!.fetchRates()).toEqual([
        expect.objectContaining({ currency: 'VND', rate: '3765.48' }),
      ]);
      const down = httpFxProvider({ ...fxSources[0]!, url: `${base}/gone.xml` });
      await expect(down.fetchRates()).rejects.toThrow(/ecb: HTTP 503/);
    } finally {
      server.close();
    }
  });
});
