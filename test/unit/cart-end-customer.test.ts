import { describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../core/addresses/address.ts';
import {
  endCustomerFormValues,
  endCustomerLines,
  endCustomerPlace,
  storedEndCustomerSchema,
} from '../../core/cart/end-customer.ts';
import { cartSchema } from '../../core/cart/model.ts';

/**
 * A dropship line's end customer: typed in the destination's form, checked by its rules and kept
 * in its stored form (as checkout's shipping address and the order keep it), shown again in the
 * destination's form (the cart's parcel form) so that sending it back unchanged keeps the same
 * address. A cart line written in the old generic shape still reads, in its destination's form.
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
      stored: {
        country: 'VN',
        name: 'Trần Bình',
        phone: '+84987654321',
        province: '79',
        commune: 'Phường Bến Nghé',
        street: '5 Lê Lợi',
      },
      legacy: {
        name: 'Trần Bình',
        phone: '+84987654321',
        line1: '5 Lê Lợi',
        line2: 'Phường Bến Nghé',
        city: 'Hồ Chí Minh',
        country: 'VN',
      },
      city: 'Hồ Chí Minh',
      lines: ['Trần Bình', '5 Lê Lợi, Phường Bến Nghé, Hồ Chí Minh', '+84987654321'],
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
      stored: {
        country: 'KR',
        name: '김민지',
        phone: '+821012345678',
        postalCode: '06236',
        roadAddress: '서울특별시 강남구 테헤란로 152',
        unit: '101동 1202호',
      },
      legacy: {
        name: '김민지',
        phone: '+821012345678',
        line1: '서울특별시 강남구 테헤란로 152',
        line2: '101동 1202호',
        city: '서울특별시',
        postalCode: '06236',
        country: 'KR',
      },
      city: '서울특별시',
      lines: ['김민지', '(06236) 서울특별시 강남구 테헤란로 152 101동 1202호', '+821012345678'],
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
      stored: {
        country: 'TH',
        name: 'Somchai',
        phone: '+66812345678',
        line1: '9 Sukhumvit Rd',
        city: 'Bangkok',
        postalCode: '10110',
      },
      legacy: {
        name: 'Somchai',
        phone: '+66812345678',
        line1: '9 Sukhumvit Rd',
        city: 'Bangkok',
        postalCode: '10110',
        country: 'TH',
      },
      city: 'Bangkok',
      lines: ['Somchai', '9 Sukhumvit Rd', 'Bangkok, 10110, TH', '+66812345678'],
    },
  ];

  for (const { country, typed, stored, legacy, city, lines } of cases) {
    it(`${country}: kept in the destination's stored form; the form it shows again keeps the same address`, () => {
      const address = normalizeAddress(country, typed);
      expect(address).toEqual(stored);
      expect(storedEndCustomerSchema.parse(address)).toEqual(address);
      const again = Object.fromEntries(
        Object.entries(endCustomerFormValues(address)).filter(([, v]) => v !== ''),
      );
      expect(normalizeAddress(country, again)).toEqual(address);
      expect(endCustomerPlace(address)).toEqual({ name: typed.name, city });
      expect(endCustomerLines(address)).toEqual(lines);
    });

    it(`${country}: a line stored in the old generic shape reads in the destination's form`, () => {
      expect(storedEndCustomerSchema.parse(legacy)).toEqual(stored);
    });
  }

  it('a whole cart written before reads: its dropship line in the destination form, the others unchanged', () => {
    const line = {
      lineId: 'l_abcdefghijkl',
      offerId: 'tee-women-cotton',
      skuId: 'tee-women-cotton-1',
      quantity: 1,
      supplierId: 'guangzhou-apparel',
      addedAt: '2026-11-30T10:00:00.000Z',
    };
    const cart = cartSchema.parse({
      version: 3,
      lines: [
        { ...line, kind: 'bulk' },
        {
          ...line,
          lineId: 'l_mnopqrstuvwx',
          kind: 'dropship',
          blindPackaging: true,
          address: cases[0]!.legacy,
        },
      ],
    });
    expect(cart.lines[0]).toEqual({ ...line, kind: 'bulk' });
    expect(cart.lines[1]).toMatchObject({ kind: 'dropship', address: cases[0]!.stored });
  });

  it('an old address whose province is not one keeps its generic form (still shown)', () => {
    const unknown = { ...cases[0]!.legacy, city: 'Atlantis' };
    expect(storedEndCustomerSchema.parse(unknown)).toEqual(unknown);
    expect(endCustomerPlace(unknown)).toEqual({ name: 'Trần Bình', city: 'Atlantis' });
  });
});
