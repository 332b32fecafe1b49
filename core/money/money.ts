import { exponentOf } from './currencies.ts';

/** Whole integer minor units as a plain number; throws rather than lose precision. */
export function toSafeMinor(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Amount out of the safe integer range: ${value}`);
  }
  return Number(value);
}

export function assertMinor(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Not integer minor units: ${amountMinor}`);
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats integer minor units for display with Intl (the only place a number of major units
 * exists, and only as text). The amount is split with bigint arithmetic and handed to Intl as a
 * decimal string, so even large amounts format exactly.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  assertMinor(amountMinor);
  const exponent = exponentOf(currency);
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(minorToDecimalString(amountMinor, exponent) as unknown as number);
}

/** 123456 with exponent 2 → "1234.56"; exact for every safe integer. */
export function minorToDecimalString(amountMinor: number, exponent: number): string {
  assertMinor(amountMinor);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${text}` : text;
}

/** Sums integer minor units exactly (bigint inside), failing loudly past the safe range. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0n;
  for (const a of amounts) {
    assertMinor(a);
    total += BigInt(a);
  }
  return toSafeMinor(total);
}

export function multiplyMinor(amountMinor: number, quantity: number): number {
  assertMinor(amountMinor);
  assertMinor(quantity);
  return toSafeMinor(BigInt(amountMinor) * BigInt(quantity));
}
