import * as z from 'zod';
import type { StoredAddress } from '../addresses/address.ts';
import { genericAddressInputSchema } from '../addresses/generic.ts';
import { koreaAddressInputSchema } from '../addresses/korea.ts';
import {
  findVietnamProvince,
  vietnamAddressInputSchema,
  vietnamProvinceByCode,
} from '../addresses/vietnam.ts';

/**
 * A dropship line's end customer (一件代发), in the form of the site's destination: the buyer (or
 * an API client) sends it as checkout's shipping address is sent, core/addresses checks it with the
 * same rules for the tenant's country (`normalizeAddress`), and the cart line keeps the stored form
 * (Vietnam's province code, commune and street; Korea's postal code, road address and unit; the
 * generic form elsewhere), which the order and the supplier's PO carry unchanged.
 *
 * Carts written before kept every end customer in one generic shape (`line1`, `line2`, `city`:
 * a Vietnamese province by name, a Korean road address in `line1`). Such a line still reads: the
 * stored schema maps it to its destination's form on reading, and the next write stores that.
 */

/** What a client may send: one of the destinations' input forms (checked by the tenant's country). */
export const endCustomerInputSchema = z
  .union([vietnamAddressInputSchema, koreaAddressInputSchema, genericAddressInputSchema])
  .describe(
    "The end customer in the address form of the site's destination (as checkout's shippingAddress): Vietnam's province, commune and street; Korea's postal code, road address and unit; the generic form elsewhere. Checked with that destination's rules",
  );
export type EndCustomerInput = z.input<typeof endCustomerInputSchema>;

const s = z.string();
const vietnamStored = z.object({
  country: z.literal('VN'),
  name: s,
  phone: s,
  /** Province-level code since 1 July 2025. */
  province: s,
  commune: s,
  street: s,
  legacyDistrict: s.optional(),
  legacyProvince: s.optional(),
});
const koreaStored = z.object({
  country: z.literal('KR'),
  name: s,
  phone: s,
  postalCode: s,
  roadAddress: s,
  unit: s.optional(),
});
const genericStored = z.object({
  country: s,
  name: s,
  phone: s,
  line1: s,
  line2: s.optional(),
  city: s,
  region: s.optional(),
  postalCode: s.optional(),
});

/** The end customer as a cart line stores it and the cart API shows it: one of the destinations' stored forms. */
export const storedEndCustomerShapes = z.union([vietnamStored, koreaStored, genericStored]);

/** A line written in the old generic shape, in its destination's form where it has one. */
export function fromLegacyEndCustomer(old: z.infer<typeof genericStored>): StoredAddress {
  const { name, phone } = old;
  if (old.country === 'VN') {
    const match = findVietnamProvince(old.city);
    if (match)
      return {
        country: 'VN',
        name,
        phone,
        province: match.province.code,
        commune: old.line2 ?? '',
        street: old.line1,
        ...(match.former &&
          match.former.name !== match.province.name && { legacyProvince: match.former.name }),
      };
  }
  if (old.country === 'KR')
    return {
      country: 'KR',
      name,
      phone,
      postalCode: old.postalCode ?? '',
      roadAddress: old.line1,
      ...(old.line2 && { unit: old.line2 }),
    };
  return {
    country: old.country,
    name,
    phone,
    line1: old.line1,
    ...(old.line2 && { line2: old.line2 }),
    city: old.city,
    ...(old.region && { region: old.region }),
    ...(old.postalCode && { postalCode: old.postalCode }),
  };
}

/** Reads a stored end customer, new or old shape, as its destination's stored form. */
export const storedEndCustomerSchema = z.union([
  vietnamStored,
  koreaStored,
  genericStored.transform(fromLegacyEndCustomer),
]) as unknown as z.ZodType<StoredAddress>;

/** The fields of the destination's address form (core/addresses' `addressForm` names) for a stored end customer. */
export function endCustomerFormValues(address: StoredAddress): Record<string, string> {
  const { name, phone } = address;
  if (address.country === 'VN' && 'province' in address)
    return {
      name,
      phone,
      province: vietnamProvinceByCode(address.province)?.name ?? address.province,
      commune: address.commune,
      street: address.street,
    };
  if (address.country === 'KR' && 'roadAddress' in address)
    return {
      name,
      phone,
      postalCode: address.postalCode,
      roadAddress: address.roadAddress,
      unit: address.unit ?? '',
    };
  const generic = address as Extract<StoredAddress, { city: string }>;
  return {
    name,
    phone,
    line1: generic.line1,
    line2: generic.line2 ?? '',
    city: generic.city,
    region: generic.region ?? '',
    postalCode: generic.postalCode ?? '',
    country: generic.country,
  };
}

/** Where a parcel goes, as a person reads it: the end customer's name and city (province). */
export function endCustomerPlace(address: StoredAddress): { name: string; city: string } {
  if ('province' in address)
    return { name: address.name, city: vietnamProvinceByCode(address.province)?.name ?? address.province };
  if ('roadAddress' in address) return { name: address.name, city: address.roadAddress.split(' ')[0] ?? '' };
  if ('city' in address && typeof address.city === 'string')
    return { name: address.name, city: address.city };
  return { name: address.name, city: '' };
}

/**
 * The whole address as the destination writes it, one string per line: what the cart, checkout
 * and order pages show under the parcel (plain text, for the page to escape).
 */
export function endCustomerLines(address: StoredAddress): string[] {
  if ('province' in address) {
    const province = vietnamProvinceByCode(address.province);
    return [
      address.name,
      [address.street, address.commune, province?.name ?? address.province].filter(Boolean).join(', '),
      address.phone,
    ];
  }
  if ('roadAddress' in address)
    return [
      address.name,
      [`(${address.postalCode})`, address.roadAddress, address.unit].filter(Boolean).join(' '),
      address.phone,
    ];
  const generic = address as Extract<StoredAddress, { city: string }>;
  return [
    generic.name,
    [generic.line1, generic.line2].filter(Boolean).join(', '),
    [generic.city, generic.region, generic.postalCode, generic.country].filter(Boolean).join(', '),
    generic.phone,
  ];
}
