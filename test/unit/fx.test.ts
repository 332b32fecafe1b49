import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEcbDaily } from '../../adapters/fx/ecb.ts';
import { bundledFxDir, fxProvidersFor } from '../../adapters/fx/providers.ts';
import { parseVietcombank } from '../../adapters/fx/vietcombank.ts';
import { DomainError } from '../../core/errors.ts';
import { type FxRate, isStale, mergeRates } from '../../core/fx/rates.ts';
import { refreshRates } from '../../core/fx/refresh.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { createPriceBooks } from '../../core/pricing/books.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { DEMO_MAX_RATE_AGE_HOURS, demoTenants } from '../../local/seed/demo-tenants.ts';

const ecbXml = readFileSync(join(bundledFxDir, 'eurofxref-daily.xml'), 'utf8');
const vcbXml = readFileSync(join(bundledFxDir, 'vietcombank-exrates.xml'), 'utf8');

describe('the ECB daily reference rates', () => {
  const rates = parseEcbDaily(ecbXml);
  const byCurrency = Object.fromEntries(rates.map((r) => [r.currency, r]));

  it('become CNY-based cross rates through EUR, exactly', () => {
    // KRW 1697.38 per EUR / CNY 8.2217 per EUR
    expect(byCurrency.KRW).toEqual({
      base: 'CNY',
      currency: 'KRW',
      rate: '206.4512205505',
      asOf: '2026-11-20T00:00:00.000Z',
      source: 'ecb',
    });
    expect(byCurrency.EUR?.rate).toBe('0.1216293467'); // 1 / 8.2217
    expect(byCurrency.CNY).toBeUndefined();
    expect(byCurrency.VND).toBeUndefined(); // the ECB does not publish VND
  });

  it('refuses a document without rates', () => {
    expect(() => parseEcbDaily('<html>maintenance</html>')).toThrow(/ECB rates/);
  });

  it('reads the same document written another way: double quotes, attributes swapped, no self-closing', () => {
    const rewritten = ecbXml
      .replace(/<Cube currency='([A-Z]{3})' rate='([\d.]+)'\/>/g, '<Cube rate="$2" currency="$1"></Cube>')
      .replace("<Cube time='2026-11-20'>", '<Cube time="2026-11-20" >');
    expect(parseEcbDaily(rewritten)).toEqual(rates);
  });

  it('takes the date from the document, not from a comment that looks like a rate table', () => {
    const commented = ecbXml.replace('<Cube>', "<!-- <Cube time='2019-01-02'> --><Cube>");
    expect(parseEcbDaily(commented).every((r) => r.asOf === '2026-11-20T00:00:00.000Z')).toBe(true);
  });

  it('refuses a cut-off download instead of returning the rates before the cut', () => {
    const truncated = ecbXml.slice(0, ecbXml.indexOf("<Cube currency='MXN'"));
    expect(() => parseEcbDaily(truncated)).toThrow(/ECB rates: not a well-formed XML document/);
  });
});

describe('Vietcombank rates', () => {
  it('give VND per CNY at the bank’s selling rate, dated in Hanoi time', () => {
    expect(parseVietcombank(vcbXml)).toEqual([
      {
        base: 'CNY',
        currency: 'VND',
        rate: '3765.48',
        asOf: '2026-11-20T09:30:12.000Z',
        source: 'vietcombank',
      },
    ]);
  });

  it('reads the CNY row written with single quotes and a closing tag', () => {
    const rewritten = vcbXml.replace(
      /<Exrate CurrencyCode="CNY"[^>]*\/>/,
      "<Exrate Sell='3,765.48' CurrencyCode='CNY' CurrencyName='YUAN RENMINBI'></Exrate>",
    );
    expect(parseVietcombank(rewritten)).toEqual(parseVietcombank(vcbXml));
  });

  it('refuses an HTML error page served instead of the XML', () => {
    const page = '<html><body>Service Unavailable<br></body></html>';
    expect(() => parseVietcombank(page)).toThrow(/Vietcombank rates: not a well-formed XML document/);
  });

  it('refuses a document with no CNY selling rate', () => {
    const noCny = vcbXml.replace(/<Exrate CurrencyCode="CNY"[^>]*\/>/, '');
    expect(() => parseVietcombank(noCny)).toThrow(/no CNY/);
  });
});

const rate = (currency: string, source: string, asOf = '2026-11-20T00:00:00.000Z'): FxRate => ({
  base: 'CNY',
  currency,
  rate: '1.5',
  asOf,
  source,
});

describe('the saved copies the local platform prices from', () => {
  it('keep the date their documents state, and say they were read from a file', async () => {
    const [ecb, vietcombank] = await Promise.all(fxProvidersFor('file').map((p) => p.fetchRates()));
    expect(ecb!.find((r) => r.currency === 'KRW')).toEqual({
      base: 'CNY',
      currency: 'KRW',
      rate: '206.4512205505',
      asOf: '2026-11-20T00:00:00.000Z',
      source: 'ecb (offline copy)',
    });
    expect(vietcombank).toEqual([
      {
        base: 'CNY',
        currency: 'VND',
        rate: '3765.48',
        asOf: '2026-11-20T09:30:12.000Z',
        source: 'vietcombank (offline copy)',
      },
    ]);
  });

  it('are young enough for every demo tenant to quote from them today (refresh local/fx when this fails)', async () => {
    const rates = (await Promise.all(fxProvidersFor('file').map((p) => p.fetchRates()))).flat();
    const oldest = Math.min(...rates.map((r) => Date.parse(r.asOf)));
    for (const input of demoTenants) {
      const tenant = tenantSchema.parse(input);
      expect(tenant.pricing.maxRateAgeHours, tenant.id).toBe(DEMO_MAX_RATE_AGE_HOURS);
      expect(
        isStale({ asOf: new Date(oldest).toISOString() }, tenant.pricing.maxRateAgeHours, new Date()),
      ).toBe(false);
    }
  });
});

describe('refresh and staleness', () => {
  it('merges providers in priority order', () => {
    const merged = mergeRates([[rate('USD', 'ecb')], [rate('USD', 'other'), rate('VND', 'vietcombank')]]);
    expect(merged.map((r) => `${r.currency}:${r.source}`)).toEqual(['USD:ecb', 'VND:vietcombank']);
  });

  it('saves what the working providers return and reports the failing one', async () => {
    const saved: FxRate[] = [];
    const report = await refreshRates(
      [
        { name: 'ecb', fetchRates: async () => [rate('USD', 'ecb')] },
        { name: 'vietcombank', fetchRates: async () => Promise.reject(new Error('HTTP 503')) },
      ],
      {
        saveAll: async (rates) => {
          saved.push(...rates);
          return { updated: rates.map((r) => r.currency), unchanged: [] };
        },
      },
    );
    expect(saved.map((r) => r.currency)).toEqual(['USD']);
    expect(report.failures).toEqual([{ provider: 'vietcombank', message: 'HTTP 503' }]);
  });

  it('calls a rate stale once it is older than the limit', () => {
    const now = new Date('2026-11-24T00:00:00.000Z');
    expect(isStale({ asOf: '2026-11-20T00:00:00.000Z' }, 96, now)).toBe(false);
    expect(isStale({ asOf: '2026-11-19T23:59:59.000Z' }, 96, now)).toBe(true);
  });
});

describe('PriceBooks', () => {
  const vn = {
    currency: 'VND',
    pricing: { markupBps: 1500, rounding: { increment: 1000, mode: 'up' as const }, maxRateAgeHours: 48 },
  };
  const vnd = { ...rate('VND', 'vietcombank', '2026-11-20T09:30:12.000Z'), rate: '3765.48' };

  it('gives a tenant its book with the latest rate', async () => {
    const books = createPriceBooks({
      rates: { latest: async () => vnd },
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    const book = await books.forTenant(vn, 'vi');
    expect(book.fx).toEqual({ rate: '3765.48', asOf: vnd.asOf, source: 'vietcombank' });
    expect(book.convert(10_000).amountMinor).toBe(434_000);
  });

  it('refuses to price from a rate older than the tenant allows, with a localized message', async () => {
    const books = createPriceBooks({
      rates: { latest: async () => vnd },
      now: () => new Date('2026-11-23T00:00:00Z'),
    });
    const error = await books.forTenant(vn, 'vi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FX_RATE_STALE');
    const message = translatorFor('vi')('errors:FX_RATE_STALE', (error as DomainError).params);
    expect(message).toContain('VND');
    expect(message).toContain('48 giờ');
    expect(message).toMatch(/20 thg 11, 2026/);
  });

  it('refuses when no rate was ever loaded', async () => {
    const books = createPriceBooks({ rates: { latest: async () => undefined } });
    await expect(books.forTenant(vn, 'en')).rejects.toMatchObject({ code: 'FX_RATE_UNAVAILABLE' });
  });
});
