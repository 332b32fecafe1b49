import * as z from 'zod';

/** The address form for destinations without their own rules: name, two lines, city, region, postcode. */

/**
 * A phone number as dialled internationally (`+` or `00`, then 7–15 digits: E.164) or as a
 * national number of 6–15 digits; separators are dropped, `00` becomes `+`.
 */
export function normalizePhone(raw: string): string | undefined {
  const compact = raw.replace(/[\s.\-()/]/g, '').replace(/^00/, '+');
  if (/^\+[1-9]\d{6,14}$/.test(compact)) return compact;
  return /^\d{6,15}$/.test(compact) ? compact : undefined;
}

/** Postcodes the world over: 2–10 letters, digits, spaces and dashes, starting with a letter or digit. */
export function isPostalCode(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(value);
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const genericAddressInputSchema = z.strictObject({
  name: text(100),
  line1: text(200),
  line2: optionalText(200),
  city: text(100),
  region: optionalText(100),
  postalCode: optionalText(10),
  /** ISO 3166-1 alpha-2. */
  country: z.string().trim().max(2).optional(),
  phone: z.string().max(30),
});
export type GenericAddressInput = z.input<typeof genericAddressInputSchema>;

export interface GenericAddress {
  country: string;
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  phone: string;
}

/**
 * The generic form for one destination: `country` defaults to it, and another country in the
 * input is refused (`country_mismatch`); without a destination the input must name one.
 */
export function genericAddressSchema(destination?: string) {
  const expected = destination?.trim().toUpperCase();
  return genericAddressInputSchema.transform((input, ctx): GenericAddress => {
    let failed = false;
    const issue = (path: string, rule: string, params: Record<string, unknown> = {}) => {
      failed = true;
      ctx.addIssue({ code: 'custom', path: [path], message: rule, params: { rule, ...params } });
    };
    const country = (input.country ?? expected ?? '').toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) issue('country', 'country_code');
    else if (expected && country !== expected) issue('country', 'country_mismatch', { expected });
    const phone = normalizePhone(input.phone);
    if (!phone) issue('phone', 'phone');
    if (input.postalCode && !isPostalCode(input.postalCode)) issue('postalCode', 'postal_code');
    if (failed) return z.NEVER;
    return {
      country,
      name: input.name,
      line1: input.line1,
      ...(input.line2 && { line2: input.line2 }),
      city: input.city,
      ...(input.region && { region: input.region }),
      ...(input.postalCode && { postalCode: input.postalCode.toUpperCase() }),
      phone: phone!,
    };
  });
}
