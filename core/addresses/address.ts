import type * as z from 'zod';
import { DomainError } from '../errors.ts';
import { fieldErrorsFrom } from '../validation/field-errors.ts';
import { type GenericAddress, genericAddressSchema } from './generic.ts';
import { type KoreaAddress, koreaAddressSchema } from './korea.ts';
import { type VietnamAddress, vietnamAddressSchema } from './vietnam.ts';

/**
 * A shipping (or invoice) address in the form its destination uses: Vietnam's two tiers since
 * July 2025, Korea's road-name address, a generic form elsewhere. The stored form carries its
 * `country`, so a reader knows which shape it has.
 */
export type StoredAddress = VietnamAddress | KoreaAddress | GenericAddress;

/**
 * The zod schema for an address to `country` (ISO 3166-1 alpha-2). Its output is the stored
 * form; every rule of its own fails with `params: { rule }`, a key of `validation:`.
 */
export function addressSchema(country: string): z.ZodType<StoredAddress, unknown> {
  switch (country.trim().toUpperCase()) {
    case 'VN':
      return vietnamAddressSchema;
    case 'KR':
      return koreaAddressSchema;
    default:
      return genericAddressSchema(country);
  }
}

/**
 * The stored form of an address to `country`, or a `VALIDATION_FAILED` error naming each
 * failing field under `path` (`address.phone`, rule `vn_mobile`).
 */
export function normalizeAddress(country: string, input: unknown, path = 'address'): StoredAddress {
  const result = addressSchema(country).safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new DomainError('VALIDATION_FAILED', {
    fields: fieldErrorsFrom(result.error, path),
    cause: result.error,
  });
}

export interface AddressFormField {
  /** The input's property. */
  name: string;
  required: boolean;
  /** `address:field.<name>`: the label in the buyer's language. */
  label: string;
  /** `address:hint.<…>`: a line under the field, where the destination's rules need one. */
  hint?: string;
  /** The HTML autocomplete token, so browsers fill it. */
  autocomplete: string;
}

const field = (name: string, required: boolean, autocomplete: string, hint?: string): AddressFormField => ({
  name,
  required,
  label: `address:field.${name}`,
  ...(hint && { hint: `address:hint.${hint}` }),
  autocomplete,
});

/** The fields of the address form for a destination, in the order its people write them. */
export function addressForm(country: string): AddressFormField[] {
  switch (country.trim().toUpperCase()) {
    case 'VN':
      return [
        field('name', true, 'name'),
        field('phone', true, 'tel', 'vnPhone'),
        field('province', true, 'address-level1', 'vnProvince'),
        field('commune', true, 'address-level2', 'vnCommune'),
        field('street', true, 'address-line1', 'vnStreet'),
      ];
    case 'KR':
      return [
        field('name', true, 'name'),
        field('phone', true, 'tel', 'krPhone'),
        field('postalCode', true, 'postal-code', 'krPostalCode'),
        field('roadAddress', true, 'address-line1', 'krRoadAddress'),
        field('unit', false, 'address-line2', 'krUnit'),
      ];
    default:
      return [
        field('name', true, 'name'),
        field('line1', true, 'address-line1'),
        field('line2', false, 'address-line2'),
        field('city', true, 'address-level2'),
        field('region', false, 'address-level1'),
        field('postalCode', false, 'postal-code'),
        field('country', true, 'country'),
        field('phone', true, 'tel', 'phone'),
      ];
  }
}
