import * as z from 'zod';

/**
 * Business tax ids as buyers type them, checked per country before an account or an invoice
 * request keeps one. Pure: no look-up against a tax authority, only the published structure.
 *
 * - Vietnam, mã số thuế (MST): 10 digits; a branch (đơn vị phụ thuộc) adds 3 digits, written
 *   `0123456789-001`. Digit 10 checks the first nine: 10 − (Σ dᵢ·wᵢ mod 11) with weights
 *   31,29,23,19,17,13,7,5,3; a sum ≡ 0 (mod 11) leaves no digit, so no valid MST has it. Digits
 *   3–9 are a sequence from 0000001, a branch number from 001. Since 1 July 2025 individuals and
 *   household businesses (hộ kinh doanh, many small shop owners) use their 12-digit personal
 *   identification number as MST (Circular 86/2024/TT-BTC); it has no published check digit, so
 *   only its structure is checked (a 3-digit province code, then century/sex, year, sequence).
 * - Korea, 사업자등록번호: 10 digits, `123-45-67890` (tax office, kind of business, serial,
 *   check). Check = (10 − (Σ dᵢ·wᵢ + ⌊d₉·5/10⌋) mod 10) mod 10, weights 1,3,7,1,3,7,1,3,5.
 * - Elsewhere: 4–30 of A–Z, 0–9 and `-`, starting and ending with a letter or digit.
 */
export type TaxIdRule = 'tax_id_format' | 'tax_id_checksum';
export type TaxIdResult = { ok: true; normalized: string } | { ok: false; rule: TaxIdRule };

const mstWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;
const brnWeights = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

function digitsOf(value: string): number[] {
  return [...value].map(Number);
}

/** The MST check digit for nine digits, or undefined when their weighted sum leaves none (≡ 0 mod 11). */
export function mstCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('nine digits expected');
  const sum = digitsOf(firstNine).reduce((acc, d, i) => acc + d * mstWeights[i]!, 0);
  const check = 10 - (sum % 11);
  return check <= 9 ? check : undefined;
}

/** The 사업자등록번호 check digit for nine digits. */
export function brnCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('nine digits expected');
  const d = digitsOf(firstNine);
  const sum = d.reduce((acc, digit, i) => acc + digit * brnWeights[i]!, 0) + Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/**
 * Province codes of the former 63 provinces (Decision 124/2004/QĐ-TTg), which open a 12-digit
 * personal identification number (001 Hà Nội … 096 Cà Mau).
 */
const personalIdProvinceCodes = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
    44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84,
    86, 87, 89, 91, 92, 93, 94, 95, 96,
  ].map((n) => String(n).padStart(3, '0')),
);

function vietnam(raw: string): TaxIdResult {
  const compact = raw.replace(/[\s.]/g, '');
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!match) {
    if (/^\d{12}$/.test(compact) && personalIdProvinceCodes.has(compact.slice(0, 3)))
      return { ok: true, normalized: compact };
    return { ok: false, rule: 'tax_id_format' };
  }
  const main = match[1]!;
  const branch = match[2];
  if (main.slice(2, 9) === '0000000' || branch === '000') return { ok: false, rule: 'tax_id_format' };
  if (mstCheckDigit(main.slice(0, 9)) !== Number(main[9])) return { ok: false, rule: 'tax_id_checksum' };
  return { ok: true, normalized: branch ? `${main}-${branch}` : main };
}

function korea(raw: string): TaxIdResult {
  const compact = raw.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(compact)) return { ok: false, rule: 'tax_id_format' };
  // Tax office codes start at 101; kind of business 00 and serial 0000 are never issued.
  if (compact.slice(0, 3) < '101' || compact.slice(3, 5) === '00' || compact.slice(5, 9) === '0000')
    return { ok: false, rule: 'tax_id_format' };
  if (brnCheckDigit(compact.slice(0, 9)) !== Number(compact[9]))
    return { ok: false, rule: 'tax_id_checksum' };
  return { ok: true, normalized: `${compact.slice(0, 3)}-${compact.slice(3, 5)}-${compact.slice(5)}` };
}

function generic(raw: string): TaxIdResult {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  return /^[A-Z0-9](?:[A-Z0-9-]{2,28})[A-Z0-9]$/.test(compact)
    ? { ok: true, normalized: compact }
    : { ok: false, rule: 'tax_id_format' };
}

/** Checks a tax id for an ISO 3166-1 alpha-2 country and returns its stored form. */
export function validateTaxId(country: string, raw: string): TaxIdResult {
  const value = raw.trim();
  switch (country.trim().toUpperCase()) {
    case 'VN':
      return vietnam(value);
    case 'KR':
      return korea(value);
    default:
      return generic(value);
  }
}

/** How a valid tax id looks in each country, shown in the localized message (`{{example}}`). */
export function taxIdExample(country: string): string {
  switch (country.trim().toUpperCase()) {
    case 'VN':
      return '0123456789, 0123456789-001';
    case 'KR':
      return '123-45-67890';
    default:
      return 'A-Z, 0-9, -';
  }
}

/**
 * A zod schema for a tax id field: its output is the normalized id; a failure is a custom issue
 * with `params: { rule, example }` so the edge answers `validation:tax_id_format` (or
 * `tax_id_checksum`) in the buyer's language.
 */
export function taxIdSchema(country: string) {
  const example = taxIdExample(country);
  return z
    .string()
    .max(40)
    .transform((raw, ctx) => {
      const result = validateTaxId(country, raw);
      if (result.ok) return result.normalized;
      ctx.addIssue({ code: 'custom', message: result.rule, params: { rule: result.rule, example } });
      return z.NEVER;
    });
}
