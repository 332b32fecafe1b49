import { describe, expect, it } from 'vitest';
import { crossRatesToCny } from '../../core/fx/rates.ts';
import { exponentOf, isCurrency } from '../../core/money/currencies.ts';
import { formatMoney } from '../../core/money/money.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';

/**
 * ISO 4217 list one (active codes, with their minor units), as the maintenance agency publishes
 * it: the oracle for every currency a partner may price in. Written out here on its own, so a
 * code that drops out of core/money/currencies.ts (or lands in the wrong group) fails by name.
 */
const iso4217: Record<0 | 2 | 3 | 4, string> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD ' +
    'CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
    'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD ' +
    'LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB ' +
    'PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP ' +
    'SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};
const listOne = Object.entries(iso4217).flatMap(([exponent, codes]) =>
  codes.split(' ').map((code) => [code, Number(exponent)] as const),
);

/** The digits after the decimal separator in an English-formatted amount ("" for none). */
const decimals = (formatted: string) => /\.(\d+)/.exec(formatted)?.[1] ?? '';

describe('every ISO 4217 currency a partner may price in', () => {
  it.each(listOne)('%s is accepted and shown with its %i minor-unit digits', (code, exponent) => {
    expect(isCurrency(code)).toBe(true);
    expect(exponentOf(code)).toBe(exponent);
    // 1,234,567 minor units: 1,234,567 yen, 12,345.67 dollars, 1,234.567 dinars, 123.4567 UF
    expect(decimals(formatMoney(1_234_567, code, 'en'))).toBe('1234567'.slice(7 - exponent));
  });

  it('prices in the currency’s own minor units even where CLDR would show other digits', () => {
    // CLDR shows Iraqi dinars and Icelandic krónur without decimals; ISO 4217 gives IQD three.
    expect(formatMoney(1_250, 'IQD', 'en').replace(/\s/g, ' ')).toBe('IQD 1.250');
    expect(formatMoney(1_250, 'CLF', 'en').replace(/\s/g, ' ')).toBe('CLF 0.1250');
    expect(formatMoney(1_250, 'ISK', 'en').replace(/\s/g, ' ')).toBe('ISK 1,250');
  });

  it('lets a tenant be configured in any of them, and refuses a code that is not one', () => {
    const tenant = {
      id: 'cl-store',
      name: 'Tienda',
      domains: ['cl-store.localhost'],
      defaultLocale: 'en',
      locales: ['en'],
    };
    for (const [code] of listOne)
      expect(tenantSchema.safeParse({ ...tenant, currency: code }).success).toBe(true);
    const refused = tenantSchema.safeParse({ ...tenant, currency: 'XAU' });
    expect(refused.error?.issues).toEqual([
      expect.objectContaining({
        path: ['currency'],
        message: 'unknown currency',
        params: { rule: 'unknown_currency' },
      }),
    ]);
  });

  it('takes cross rates from the ECB only for the currencies it knows', () => {
    const rates = crossRatesToCny({
      source: 'ecb',
      base: 'EUR',
      asOf: '2026-11-20T00:00:00.000Z',
      rates: { CNY: '8', KRW: '1600', XDR: '0.8', UYW: '40' },
    });
    expect(rates.map((r) => [r.currency, r.rate])).toEqual([
      ['KRW', '200'],
      ['UYW', '5'],
      ['EUR', '0.125'],
    ]);
  });
});
