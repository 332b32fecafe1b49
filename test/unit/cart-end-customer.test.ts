import { describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../core/addresses/address.ts';
import { endCustomerAddress, endCustomerFormValues, endCustomerPlace } from '../../core/cart/end-customer.ts';
import { addressSchema } from '../../core/cart/model.ts';

/**
 * A dropship line's end customer: typed in the destination's form, checked by its rules, kept in
 * the cart's shape, and shown again in the destination's form (the cart's parcel form) so that
 * sending it back unchanged keeps the same address.
 */
describe('the end customer of a dropship line', () => {
  const cases = [
    {
      country: 'VN',
      typed: {
        name: 'Trần Bình',
        phone: '0987 654 321',
        province: 'TP HCM',
        commune: 'Phường Bến Nghé',
        street: '5 Lê Lợi',
      },
      kept: {
        name: 'Trần Bình',
        phone: '+84987654321',
        line1: '5 Lê Lợi',
        line2: 'Phường Bến Nghé',
        city: 'Hồ Chí Minh',
        country: 'VN',
      },
    },
    {
      country: 'KR',
      typed: {
        name: '김민지',
        phone: '010-1234-5678',
        postalCode: '06236',
        roadAddress: '서울특별시 강남구 테헤란로 152',
        unit: '101동 1202호',
      },
      kept: {
        name: '김민지',
        phone: '+821012345678',
        line1: '서울특별시 강남구 테헤란로 152',
        line2: '101동 1202호',
        city: '서울특별시',
        postalCode: '06236',
        country: 'KR',
      },
    },
    {
      country: 'TH',
      typed: {
        name: 'Somchai',
        phone: '+66 81 234 5678',
        line1: '9 Sukhumvit Rd',
        city: 'Bangkok',
        postalCode: '10110',
      },
      kept: {
        name: 'Somchai',
        phone: '+66812345678',
        line1: '9 Sukhumvit Rd',
        city: 'Bangkok',
        postalCode: '10110',
        country: 'TH',
      },
    },
  ];

  for (const { country, typed, kept } of cases) {
    it(`${country}: kept in the cart's shape, and the form it shows again keeps the same address`, () => {
      const address = endCustomerAddress(normalizeAddress(country, typed));
      expect(address).toEqual(kept);
      expect(addressSchema.parse(address)).toEqual(address);
      const again = Object.fromEntries(
        Object.entries(endCustomerFormValues(address)).filter(([, v]) => v !== ''),
      );
      expect(endCustomerAddress(normalizeAddress(country, again))).toEqual(address);
      expect(endCustomerPlace(address)).toEqual({ name: kept.name, city: kept.city });
    });
  }

  it("names the place of an address already in its destination's form (an order's stored end customer)", () => {
    expect(endCustomerPlace(normalizeAddress('VN', cases[0]!.typed))).toEqual({
      name: 'Trần Bình',
      city: 'Hồ Chí Minh',
    });
  });
});
