import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledFxDir, fxProvidersFor, fxSources, httpFxProvider } from '../../adapters/fx/providers.ts';
import type { FxRate } from '../../core/fx/rates.ts';
import { refreshRates } from '../../core/fx/refresh.ts';
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
  it('are seeded on start from the saved ECB and Vietcombank documents, dated as the documents are', async () => {
    const { fxRates } = platform.services;
    expect(await fxRates.latest('VND')).toEqual({
      base: 'CNY',
      currency: 'VND',
      rate: '3765.48',
      asOf: '2026-11-20T09:30:12.000Z', // <DateTime>11/20/2026 4:30:12 PM</DateTime>, Hanoi time
      source: 'vietcombank (offline copy)',
    });
    expect(await fxRates.latest('KRW')).toEqual({
      base: 'CNY',
      currency: 'KRW',
      rate: '206.4512205505',
      asOf: '2026-11-20T00:00:00.000Z', // <Cube time='2026-11-20'>
      source: 'ecb (offline copy)',
    });
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

  it('are refreshed by the scheduled job from every provider, keeping the documents’ dates', async () => {
    const { handler } = await import('../../functions/jobs/refresh-fx.ts');
    const report = await handler();
    expect(report.failures).toBe(0);
    expect([...report.updated, ...report.unchanged]).toEqual(
      expect.arrayContaining(['VND', 'KRW', 'MYR', 'USD']),
    );
    // Reading the same saved copy again is the same rate of the same day, not a newer one.
    expect((await platform.services.fxRates.latest('KRW'))?.asOf).toBe('2026-11-20T00:00:00.000Z');
    expect(await platform.services.fxRates.history('KRW', 5)).toHaveLength(1);
  });

  it('price a tenant from the stored rate: vn in VND rounded to 1,000, kr in KRW to 10', async () => {
    const { priceBooks, tenantRepository } = platform.services;
    const vn = await priceBooks.forTenant((await tenantRepository.byId('vn'))!, 'vi');
    const kr = await priceBooks.forTenant((await tenantRepository.byId('kr'))!, 'ko');
    expect(vn.convert(10_000).amountMinor).toBe(434_000);
    expect(kr.convert(10_000).amountMinor).toBe(23_130);
    expect(kr.fx.rate).toBe('206.4512205505');
    // The demo tenants allow rates as old as the saved copies, and the book says how old it is.
    expect(vn.fx).toEqual({
      rate: '3765.48',
      asOf: '2026-11-20T09:30:12.000Z',
      source: 'vietcombank (offline copy)',
    });
  });

  it('move forward when a saved copy of a later day is loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sourcefront-fx-'));
    for (const source of fxSources) await copyFile(join(bundledFxDir, source.file), join(dir, source.file));
    const ecb = await readFile(join(dir, 'eurofxref-daily.xml'), 'utf8');
    await writeFile(
      join(dir, 'eurofxref-daily.xml'),
      ecb
        .replace("time='2026-11-20'", "time='2026-11-23'")
        .replace("'THB' rate='37.561'", "'THB' rate='37.900'"),
    );
    const report = await refreshRates(fxProvidersFor('file', dir), platform.services.fxRates);
    expect(report.updated).toContain('THB');
    expect(await platform.services.fxRates.latest('THB')).toMatchObject({
      asOf: '2026-11-23T00:00:00.000Z',
      rate: '4.609752241', // 37.900 / 8.2217
    });
    expect((await platform.services.fxRates.history('THB', 5)).map((r) => r.asOf.slice(0, 10))).toEqual([
      '2026-11-23',
      '2026-11-20',
    ]);
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
