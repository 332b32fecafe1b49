import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentOf, isCurrency } from '../../core/money/currencies.ts';
import { divideToDecimal, divRound, isDecimal, parseDecimal } from '../../core/money/decimal.ts';
import { formatMoney, minorToDecimalString, multiplyMinor, sumMinor } from '../../core/money/money.ts';

const plain = (text: string) => text.replace(/\s/g, ' ');

describe('ISO 4217 exponents', () => {
  it('knows the minor units of the currencies partners sell in', () => {
    expect(['VND', 'KRW', 'JPY', 'CNY', 'USD', 'MYR', 'KWD'].map(exponentOf)).toEqual([0, 0, 0, 2, 2, 2, 3]);
  });

  it('refuses codes that are not active currencies', () => {
    expect(isCurrency('XYZ')).toBe(false);
    expect(isCurrency('vnd')).toBe(false);
    expect(isCurrency('toString')).toBe(false);
    expect(() => exponentOf('XYZ')).toThrow(RangeError);
  });
});

describe('exact decimals', () => {
  it('parses published rates without floats', () => {
    expect(parseDecimal('3765.48')).toEqual({ n: 376548n, d: 100n });
    expect(parseDecimal('1697.38')).toEqual({ n: 169738n, d: 100n });
    expect(() => parseDecimal('1e3')).toThrow(RangeError);
    expect(() => parseDecimal('-1')).toThrow(RangeError);
  });

  it('divides to a fixed scale, rounding half up', () => {
    expect(divideToDecimal(parseDecimal('1697.38'), parseDecimal('8.2217'), 10)).toBe('206.4512205505');
    expect(divideToDecimal(parseDecimal('1'), parseDecimal('3'), 4)).toBe('0.3333');
    expect(divideToDecimal(parseDecimal('2'), parseDecimal('3'), 4)).toBe('0.6667');
  });

  it('property: divRound brackets the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        (n, d) => {
          const down = divRound(n, d, 'down');
          const up = divRound(n, d, 'up');
          const nearest = divRound(n, d, 'nearest');
          expect(down * d <= n && n < (down + 1n) * d).toBe(true);
          expect(up - down).toBe(n % d === 0n ? 0n : 1n);
          expect(nearest === down || nearest === up).toBe(true);
          // nearest is never further from n/d than half a unit
          expect(2n * (nearest * d - n) <= d && 2n * (n - nearest * d) <= d).toBe(true);
        },
      ),
    );
  });
});

describe('integer minor units', () => {
  it('formats for the locale with Intl, in the currency’s own minor units', () => {
    expect(plain(formatMoney(434_000, 'VND', 'vi'))).toBe('434.000 ₫');
    expect(formatMoney(23_130, 'KRW', 'ko')).toBe('₩23,130');
    expect(plain(formatMoney(6_450, 'MYR', 'en'))).toBe('MYR 64.50');
    expect(formatMoney(12_345, 'CNY', 'zh-CN')).toBe('¥123.45');
    expect(plain(formatMoney(1_234, 'KWD', 'en'))).toBe('KWD 1.234');
  });

  it('formats the largest safe amount exactly (no float rounding on the way to Intl)', () => {
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
    expect(minorToDecimalString(5, 2)).toBe('0.05');
  });

  it('refuses fractional amounts and sums that leave the safe range', () => {
    expect(() => formatMoney(10.5, 'USD', 'en')).toThrow(RangeError);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => multiplyMinor(2 ** 40, 2 ** 20)).toThrow(RangeError);
  });

  it('property: sums are exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 100 }), (amounts) => {
        expect(BigInt(sumMinor(amounts))).toBe(amounts.reduce((a, b) => a + BigInt(b), 0n));
      }),
    );
  });
});

describe('edges a shopper or an operator would hit', () => {
  it('shows zero and negative amounts (a refund line) with the sign where the locale puts it', () => {
    expect(formatMoney(0, 'USD', 'en')).toBe('$0.00');
    expect(formatMoney(-1_234, 'USD', 'en')).toBe('-$12.34');
    expect(plain(formatMoney(-5_000, 'VND', 'vi'))).toBe('-5.000 ₫');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(0, 0)).toBe('0');
  });

  it('formats several currencies and locales side by side without mixing them up', () => {
    expect(plain(formatMoney(434_000, 'VND', 'vi'))).toBe('434.000 ₫');
    expect(formatMoney(434_000, 'KRW', 'ko')).toBe('₩434,000');
    expect(plain(formatMoney(434_000, 'VND', 'en'))).toBe('₫434,000');
    expect(plain(formatMoney(434_000, 'VND', 'vi'))).toBe('434.000 ₫');
  });

  it('sums and multiplies right up to the edge of the safe range, on both sides', () => {
    expect(sumMinor([Number.MAX_SAFE_INTEGER])).toBe(Number.MAX_SAFE_INTEGER);
    expect(sumMinor([Number.MIN_SAFE_INTEGER])).toBe(Number.MIN_SAFE_INTEGER);
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([Number.MIN_SAFE_INTEGER, -1])).toThrow(
      'Amount out of the safe integer range: -9007199254740992',
    );
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(
      'Amount out of the safe integer range: 9007199254740992',
    );
    expect(multiplyMinor(2 ** 26, 2 ** 26)).toBe(2 ** 52);
  });

  it('names the amount that is not whole minor units, wherever it enters', () => {
    expect(() => formatMoney(10.5, 'USD', 'en')).toThrow('Not integer minor units: 10.5');
    expect(() => minorToDecimalString(0.5, 2)).toThrow('Not integer minor units: 0.5');
    expect(() => sumMinor([100, 1.5])).toThrow('Not integer minor units: 1.5');
    expect(() => multiplyMinor(2.5, 2)).toThrow('Not integer minor units: 2.5');
    expect(() => multiplyMinor(250, 1.5)).toThrow('Not integer minor units: 1.5');
    expect(() => formatMoney(100, 'XAU', 'en')).toThrow('Not an ISO 4217 currency: XAU');
  });
});

describe('published rates as exact decimals', () => {
  it('accepts only plain non-negative decimals, as feeds publish them', () => {
    for (const ok of ['0', '25432.1234', '0.0425', '7']) expect([ok, isDecimal(ok)]).toEqual([ok, true]);
    for (const bad of ['', '.5', '5.', '1e3', '-1', '1.2.3', '1,5', ' 1', 'NaN', '12a'])
      expect([bad, isDecimal(bad)]).toEqual([bad, false]);
    expect(parseDecimal(' 3765.48\n')).toEqual({ n: 376548n, d: 100n }); // XML text around the value
    expect(parseDecimal('7')).toEqual({ n: 7n, d: 1n });
    expect(() => parseDecimal('1,5')).toThrow('Not a decimal number: 1,5');
  });

  it('rounds a cross rate that falls exactly on a half upwards, at any scale', () => {
    expect(divideToDecimal(parseDecimal('1'), parseDecimal('8'), 2)).toBe('0.13'); // 0.125
    expect(divideToDecimal(parseDecimal('1'), parseDecimal('8'), 3)).toBe('0.125');
    expect(divideToDecimal(parseDecimal('5'), parseDecimal('2'), 0)).toBe('3'); // 2.5
    expect(divideToDecimal(parseDecimal('1600'), parseDecimal('8'), 10)).toBe('200');
    expect(divideToDecimal(parseDecimal('0.01'), parseDecimal('400'), 10)).toBe('0.000025');
    expect(() => divideToDecimal(parseDecimal('1'), parseDecimal('0.000'), 4)).toThrow('Division by zero');
  });

  it('refuses to round a negative amount or by a non-positive step', () => {
    expect(() => divRound(-1n, 3n, 'up')).toThrow('divRound takes n >= 0 and d > 0');
    expect(() => divRound(1n, 0n, 'up')).toThrow('divRound takes n >= 0 and d > 0');
    expect(divRound(0n, 3n, 'up')).toBe(0n);
    expect([divRound(7n, 2n, 'down'), divRound(7n, 2n, 'nearest'), divRound(7n, 2n, 'up')]).toEqual([
      3n,
      4n,
      4n,
    ]);
    expect([divRound(5n, 3n, 'down'), divRound(5n, 3n, 'nearest'), divRound(4n, 3n, 'nearest')]).toEqual([
      1n,
      2n,
      1n,
    ]);
  });
});
