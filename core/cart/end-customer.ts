import type { StoredAddress } from '../addresses/address.ts';
import { vietnamProvinceByCode } from '../addresses/vietnam.ts';
import type { Address } from './model.ts';

/**
 * A dropship line's end customer (一件代发). The buyer types the address in the form of the
 * site's destination and core/addresses checks it with the same rules as checkout's shipping
 * address; the cart line keeps it in the cart's generic shape (core/cart/model.ts), which these
 * two functions map to and back from, so the cart's parcel form shows what the buyer typed.
 */
export function endCustomerAddress(stored: StoredAddress): Address {
  const { name, phone } = stored;
  if (stored.country === 'VN' && 'province' in stored) {
    const province = vietnamProvinceByCode(stored.province);
    return {
      name,
      phone,
      line1: stored.street,
      line2: stored.commune,
      city: province?.name ?? stored.province,
      country: 'VN',
    };
  }
  if (stored.country === 'KR' && 'roadAddress' in stored) {
    return {
      name,
      phone,
      line1: stored.roadAddress,
      ...(stored.unit && { line2: stored.unit }),
      // A road-name address starts with its province-level city (서울특별시, 부산광역시 …).
      city: stored.roadAddress.split(' ')[0] ?? stored.roadAddress,
      postalCode: stored.postalCode,
      country: 'KR',
    };
  }
  const generic = stored as Extract<StoredAddress, { city: string }>;
  return {
    name,
    phone,
    line1: generic.line1,
    ...(generic.line2 && { line2: generic.line2 }),
    city: generic.city,
    ...(generic.region && { region: generic.region }),
    ...(generic.postalCode && { postalCode: generic.postalCode }),
    country: generic.country,
  };
}

/** The fields of the destination's address form (core/addresses' `addressForm` names) for a stored end customer. */
export function endCustomerFormValues(address: Address): Record<string, string> {
  const { name, phone } = address;
  if (address.country === 'VN')
    return { name, phone, province: address.city, commune: address.line2 ?? '', street: address.line1 };
  if (address.country === 'KR')
    return {
      name,
      phone,
      postalCode: address.postalCode ?? '',
      roadAddress: address.line1,
      unit: address.line2 ?? '',
    };
  return {
    name,
    phone,
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    country: address.country,
  };
}

/** Where a parcel goes, as a person reads it: the end customer's name and city. */
export function endCustomerPlace(address: StoredAddress | Address): { name: string; city: string } {
  if ('city' in address && typeof address.city === 'string')
    return { name: address.name, city: address.city };
  if ('province' in address)
    return { name: address.name, city: vietnamProvinceByCode(address.province)?.name ?? address.province };
  if ('roadAddress' in address) return { name: address.name, city: address.roadAddress.split(' ')[0] ?? '' };
  return { name: address.name, city: '' };
}
