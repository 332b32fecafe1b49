import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentOf, isCurrency } from '../../core/money/currencies.ts';
import { divideToDecimal, divRound, parseDecimal } from '../../core/money/decimal.ts';
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
