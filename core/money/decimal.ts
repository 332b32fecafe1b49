/**
 * Exact decimal arithmetic for FX rates and money, on bigint. A rate such as "25432.1234"
 * is kept as the string the source published and turned into the fraction 254321234/10^4 only
 * to compute; nothing passes through a float.
 */
export interface Fraction {
  n: bigint;
  d: bigint;
}

const decimalPattern = /^(\d+)(?:\.(\d+))?$/;

export function isDecimal(value: string): boolean {
  return decimalPattern.test(value);
}

/** "3612.45" → 361245/100. Only non-negative plain decimals (no exponent, no sign). */
export function parseDecimal(value: string): Fraction {
  const match = decimalPattern.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal number: ${value}`);
  const fraction = match[2] ?? '';
  return { n: BigInt(`${match[1]}${fraction}`), d: 10n ** BigInt(fraction.length) };
}

/** a / b written as a decimal with `scale` digits after the point, rounded half up. */
export function divideToDecimal(a: Fraction, b: Fraction, scale: number): string {
  if (b.n === 0n) throw new RangeError('Division by zero');
  const num = a.n * b.d * 10n ** BigInt(scale);
  const den = a.d * b.n;
  const q = divRound(num, den, 'nearest');
  return formatScaled(q, scale);
}

/** An integer count of 10^-scale units as a decimal string without trailing zeros. */
export function formatScaled(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, '0');
  if (scale === 0) return digits;
  const whole = digits.slice(0, -scale);
  const fraction = digits.slice(-scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

export type RoundingMode = 'up' | 'down' | 'nearest';

/**
 * n / d rounded to an integer for non-negative n and positive d: `up` is the ceiling, `down`
 * the floor, `nearest` rounds halves up (away from zero), as shops round prices.
 */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d <= 0n || n < 0n) throw new RangeError('divRound takes n >= 0 and d > 0');
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  if (mode === 'down') return q;
  if (mode === 'up') return q + 1n;
  return 2n * r >= d ? q + 1n : q;
}
