import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressForm, addressSchema, normalizeAddress } from '../../core/addresses/address.ts';
import { normalizePhone } from '../../core/addresses/generic.ts';
import {
  isKoreaPostalCode,
  isKoreaRoadAddress,
  normalizeKoreaPhone,
  normalizeKoreaUnit,
} from '../../core/addresses/korea.ts';
import {
  findVietnamProvince,
  formerVietnamProvinces,
  normalizeVietnamMobile,
  vietnamProvinceByCode,
  vietnamProvinces,
  withoutDiacritics,
} from '../../core/addresses/vietnam.ts';
import { DomainError, type FieldError } from '../../core/errors.ts';
import { hasKey, translatorFor } from '../../core/i18n/translator.ts';
import { supportedLocales } from '../../locales/index.ts';

/**
 * Resolution 202/2025/QH15, as its article 1 words each merger ("nhập tỉnh A và tỉnh B thành
 * tỉnh mới có tên gọi là …"), and the codes of Decision 19/2025/QĐ-TTg: written out here apart
 * from the module's table, so an edit of either shows.
 */
const mergers: Record<string, { code: string; from: string[] }> = {
  'Tuyên Quang': { code: '08', from: ['Hà Giang', 'Tuyên Quang'] },
  'Lào Cai': { code: '15', from: ['Yên Bái', 'Lào Cai'] },
  'Thái Nguyên': { code: '19', from: ['Bắc Kạn', 'Thái Nguyên'] },
  'Phú Thọ': { code: '25', from: ['Vĩnh Phúc', 'Hòa Bình', 'Phú Thọ'] },
  'Bắc Ninh': { code: '24', from: ['Bắc Giang', 'Bắc Ninh'] },
  'Hưng Yên': { code: '33', from: ['Thái Bình', 'Hưng Yên'] },
  'Hải Phòng': { code: '31', from: ['Hải Dương', 'Hải Phòng'] },
  'Ninh Bình': { code: '37', from: ['Hà Nam', 'Nam Định', 'Ninh Bình'] },
  'Quảng Trị': { code: '44', from: ['Quảng Bình', 'Quảng Trị'] },
  'Đà Nẵng': { code: '48', from: ['Quảng Nam', 'Đà Nẵng'] },
  'Quảng Ngãi': { code: '51', from: ['Kon Tum', 'Quảng Ngãi'] },
  'Gia Lai': { code: '52', from: ['Gia Lai', 'Bình Định'] },
  'Khánh Hòa': { code: '56', from: ['Khánh Hòa', 'Ninh Thuận'] },
  'Lâm Đồng': { code: '68', from: ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'] },
  'Đắk Lắk': { code: '66', from: ['Đắk Lắk', 'Phú Yên'] },
  'Hồ Chí Minh': { code: '79', from: ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'] },
  'Đồng Nai': { code: '75', from: ['Đồng Nai', 'Bình Phước'] },
  'Tây Ninh': { code: '80', from: ['Tây Ninh', 'Long An'] },
  'Cần Thơ': { code: '92', from: ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'] },
  'Vĩnh Long': { code: '86', from: ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'] },
  'Đồng Tháp': { code: '82', from: ['Đồng Tháp', 'Tiền Giang'] },
  'Cà Mau': { code: '96', from: ['Cà Mau', 'Bạc Liêu'] },
  'An Giang': { code: '91', from: ['An Giang', 'Kiên Giang'] },
};
/** The 11 units the resolution leaves as they were (Huế was Thừa Thiên Huế). */
const unchanged: Record<string, { code: string; from: string }> = {
  'Hà Nội': { code: '01', from: 'Hà Nội' },
  Huế: { code: '46', from: 'Thừa Thiên Huế' },
  'Lai Châu': { code: '12', from: 'Lai Châu' },
  'Điện Biên': { code: '11', from: 'Điện Biên' },
  'Sơn La': { code: '14', from: 'Sơn La' },
  'Lạng Sơn': { code: '20', from: 'Lạng Sơn' },
  'Quảng Ninh': { code: '22', from: 'Quảng Ninh' },
  'Thanh Hóa': { code: '38', from: 'Thanh Hóa' },
  'Nghệ An': { code: '40', from: 'Nghệ An' },
  'Hà Tĩnh': { code: '42', from: 'Hà Tĩnh' },
  'Cao Bằng': { code: '04', from: 'Cao Bằng' },
};

/** The fields of a failed normalization, with their messages in `locale`. */
function failure(country: string, input: unknown, locale: (typeof supportedLocales)[number] = 'en') {
  try {
    normalizeAddress(country, input);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    const t = translatorFor(locale);
    return error.fields.map((f: FieldError) => ({
      path: f.path,
      rule: f.rule,
      message: t(`validation:${f.rule}`, f.params ?? {}),
    }));
  }
  throw new Error('expected a validation failure');
}

const hanoi = {
  name: 'Nguyễn Văn An',
  phone: '0912 345 678',
  province: 'Hà Nội',
  commune: 'Phường Ba Đình',
  street: '12 Phố Quán Thánh',
};

describe('Vietnam: the 34 province-level units and the 63 they replace', () => {
  it('has 34 units (6 cities, 28 provinces) and 63 former provinces, each code once', () => {
    expect(vietnamProvinces).toHaveLength(34);
    expect(
      vietnamProvinces
        .filter((p) => p.kind === 'city')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Cần Thơ', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Huế', 'Đà Nẵng'].sort());
    expect(new Set(vietnamProvinces.map((p) => p.code)).size).toBe(34);
    expect(vietnamProvinceByCode('79')).toMatchObject({
      name: 'Hồ Chí Minh',
      nameAscii: 'Ho Chi Minh',
      fullName: 'Thành phố Hồ Chí Minh',
    });
    expect(vietnamProvinceByCode('66')).toMatchObject({ nameAscii: 'Dak Lak', fullName: 'Tỉnh Đắk Lắk' });
    expect(vietnamProvinceByCode('48')?.nameAscii).toBe('Da Nang');
    expect(formerVietnamProvinces).toHaveLength(63);
    expect(new Set(formerVietnamProvinces.map((p) => p.code)).size).toBe(63);
  });

  it('maps the former provinces exactly as Resolution 202/2025/QH15 merges them, with the 2025 codes', () => {
    const expected = [
      ...Object.entries(mergers).map(([name, m]) => ({ name, code: m.code, from: [...m.from].sort() })),
      ...Object.entries(unchanged).map(([name, u]) => ({ name, code: u.code, from: [u.from] })),
    ].sort((a, b) => a.code.localeCompare(b.code));
    const actual = vietnamProvinces.map((p) => ({
      name: p.name,
      code: p.code,
      from: formerVietnamProvinces
        .filter((f) => f.successor === p.code)
        .map((f) => f.name)
        .sort(),
    }));
    expect(actual).toEqual(expected);
  });

  it('every new code was the code of one of the provinces it absorbed', () => {
    for (const p of vietnamProvinces) {
      const absorbed = formerVietnamProvinces.filter((f) => f.successor === p.code).map((f) => f.code);
      expect(absorbed, p.name).toContain(p.code);
    }
  });

  it('finds a unit by current or former name or code, with or without diacritics and unit words', () => {
    const code = (input: string) => findVietnamProvince(input)?.province.code;
    for (const name of ['Thành phố Hồ Chí Minh', 'TP. HCM', 'tp hcm', 'Ho Chi Minh City', 'Sài Gòn', '79'])
      expect(code(name), name).toBe('79');
    expect(findVietnamProvince('Tỉnh Bình Dương')).toMatchObject({
      province: { code: '79' },
      former: { name: 'Bình Dương' },
    });
    expect(findVietnamProvince('74')).toMatchObject({
      province: { code: '79' },
      former: { name: 'Bình Dương' },
    });
    expect(code('Bà Rịa–Vũng Tàu')).toBe('79');
    expect(code('Thừa Thiên Huế')).toBe('46');
    expect(code('Hue')).toBe('46');
    expect(code('Dak Lak')).toBe('66');
    expect(code('Đăk Nông')).toBe('68');
    expect(code('Hoà Bình')).toBe('25');
    expect(code('Quảng Bình')).toBe('44');
    expect(code('Kon Tum')).toBe('51');
    expect(code('Hanoi')).toBe('01');
    expect(code('Long An')).toBe('80');
    expect(code('TP. Cần Thơ')).toBe('92');
    expect(code('Thành phố Huế')).toBe('46');
    // A current name is never read as a former one: Bắc Ninh stays Bắc Ninh (24).
    expect(findVietnamProvince('Bắc Ninh')).toEqual({ province: expect.objectContaining({ code: '24' }) });
    for (const nonsense of ['Paris', '00', '03', '99', 'Tỉnh', '', 'Quận 1'])
      expect(findVietnamProvince(nonsense), nonsense).toBeUndefined();
  });

  it('property: any current or former name, however written, finds its 2025 unit', () => {
    const names = [
      ...vietnamProvinces.map((p) => ({ name: p.name, code: p.code })),
      ...formerVietnamProvinces.map((f) => ({ name: f.name, code: f.successor })),
    ];
    const writings = fc.constantFrom(
      (n: string) => n,
      (n: string) => withoutDiacritics(n),
      (n: string) => n.toUpperCase(),
      (n: string) => `Tỉnh ${n}`,
      (n: string) => `thanh pho ${withoutDiacritics(n).toLowerCase()}`,
      (n: string) => `  ${n.replace(/ /g, '  ')} `,
      (n: string) => `${withoutDiacritics(n)} Province`,
    );
    fc.assert(
      fc.property(fc.constantFrom(...names), writings, ({ name, code }, write) => {
        expect(findVietnamProvince(write(name))?.province.code, write(name)).toBe(code);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Vietnamese mobile numbers', () => {
  it('normalizes 0…, 84…, +84… (with separators) to E.164', () => {
    for (const raw of [
      '0912 345 678',
      '0912.345.678',
      '+84 912 345 678',
      '84912345678',
      '+84 (0) 912-345-678',
      '0084912345678',
    ])
      expect(normalizeVietnamMobile(raw), raw).toBe('+84912345678');
    for (const prefix of ['3', '5', '7', '8', '9'])
      expect(normalizeVietnamMobile(`0${prefix}12345678`)).toBe(`+84${prefix}12345678`);
  });

  it('refuses land lines, old 11-digit prefixes, wrong lengths and other countries', () => {
    for (const raw of [
      '024 3825 1234',
      '0283 829 5555',
      '0123 456 7890',
      '0112345678',
      '091234567',
      '09123456789',
      '+1 912 345 678',
      '0412345678',
      '0612345678',
    ])
      expect(normalizeVietnamMobile(raw), raw).toBeUndefined();
  });
});

describe('Vietnamese addresses', () => {
  it('stores the new two-tier form', () => {
    expect(normalizeAddress('VN', hanoi)).toEqual({
      country: 'VN',
      name: 'Nguyễn Văn An',
      phone: '+84912345678',
      province: '01',
      commune: 'Phường Ba Đình',
      street: '12 Phố Quán Thánh',
    });
  });

  it('takes an old three-tier address: former province mapped, district kept for the courier only', () => {
    expect(
      normalizeAddress('vn', {
        name: 'Trần Thị Bình',
        phone: '+84 38 123 4567',
        province: 'Tỉnh Bình Dương',
        district: 'Thành phố Thủ Dầu Một',
        ward: 'Phường Phú Cường',
        street: '25 Đường Bạch Đằng',
      }),
    ).toEqual({
      country: 'VN',
      name: 'Trần Thị Bình',
      phone: '+84381234567',
      province: '79',
      commune: 'Phường Phú Cường',
      street: '25 Đường Bạch Đằng',
      legacyDistrict: 'Thành phố Thủ Dầu Một',
      legacyProvince: 'Bình Dương',
    });
  });

  it('names no former province when the name lives on (old code 72 is Tây Ninh, now 80)', () => {
    expect(normalizeAddress('VN', { ...hanoi, province: '72' })).toEqual(
      expect.not.objectContaining({ legacyProvince: expect.anything() }),
    );
    expect(normalizeAddress('VN', { ...hanoi, province: '72' })).toMatchObject({ province: '80' });
  });

  it('says what is wrong with each field, in the buyer’s language', () => {
    expect(
      failure('VN', { ...hanoi, phone: '024 3825 1234', province: 'Sài Gòn cũ', commune: ' ' }, 'vi'),
    ).toEqual([
      {
        path: 'address.phone',
        rule: 'vn_mobile',
        message: 'Nhập số di động Việt Nam (đầu số 03, 05, 07, 08, 09), ví dụ 0912 345 678.',
      },
      {
        path: 'address.province',
        rule: 'vn_province',
        message: 'Không phải tỉnh, thành phố của Việt Nam (mới hoặc cũ).',
      },
      { path: 'address.commune', rule: 'required', message: 'Trường này là bắt buộc.' },
    ]);
    const { street: _street, ...withoutStreet } = hanoi;
    expect(failure('VN', withoutStreet)).toEqual([
      { path: 'address.street', rule: 'required', message: 'This field is required.' },
    ]);
    expect(failure('VN', { ...hanoi, postalCode: '100000' }).map((f) => f.rule)).toEqual([
      'unrecognized_keys',
    ]);
  });
});

describe('Korean addresses', () => {
  it('reads road-name addresses (Korean and romanized) and refuses lot-number ones', () => {
    for (const road of [
      '서울특별시 중구 세종대로 110',
      '경기도 성남시 분당구 판교역로 235',
      '서울특별시 서초구 서초대로74길 11',
      '서울 종로구 종로 1',
      '경기도 수원시 영통구 삼성로 129(매탄동)',
      '110 Sejong-daero, Jung-gu, Seoul',
    ])
      expect(isKoreaRoadAddress(road), road).toBe(true);
    for (const lot of [
      '서울 종로구 관철동 12-3',
      '서울특별시 중구 세종대로',
      '서울 강남구 역삼동 823',
      'Seoul',
    ])
      expect(isKoreaRoadAddress(lot), lot).toBe(false);
  });

  it('checks the 5-digit postal code', () => {
    expect(isKoreaPostalCode('04524')).toBe(true);
    expect(isKoreaPostalCode('63644')).toBe(true);
    for (const bad of ['4524', '100-011', '00123', '64000', '0452a'])
      expect(isKoreaPostalCode(bad), bad).toBe(false);
  });

  it('writes the unit line as 동/호', () => {
    expect(normalizeKoreaUnit('101-1203')).toBe('101동 1203호');
    expect(normalizeKoreaUnit('101동1203호')).toBe('101동 1203호');
    expect(normalizeKoreaUnit(' 101 동  1203 호 ')).toBe('101동 1203호');
    expect(normalizeKoreaUnit('1203호')).toBe('1203호');
    expect(normalizeKoreaUnit('상가  2층 201호')).toBe('상가 2층 201호');
  });

  it('normalizes mobile 010 and land lines to +82, refuses the rest', () => {
    expect(normalizeKoreaPhone('010-1234-5678')).toBe('+821012345678');
    expect(normalizeKoreaPhone('+82 10 1234 5678')).toBe('+821012345678');
    expect(normalizeKoreaPhone('+82 (0)10-1234-5678')).toBe('+821012345678');
    expect(normalizeKoreaPhone('02-2255-0114')).toBe('+82222550114');
    expect(normalizeKoreaPhone('031-123-4567')).toBe('+82311234567');
    expect(normalizeKoreaPhone('070-1234-5678')).toBe('+827012345678');
    for (const bad of [
      '011-123-4567',
      '011-1234-5678',
      '016-1234-5678',
      '010-123-456',
      '010-1234-56789',
      '080-123-4567',
      '039-123-4567',
      '+81 10 1234 5678',
    ])
      expect(normalizeKoreaPhone(bad), bad).toBeUndefined();
  });

  it('stores a Korean address and says what is wrong in Korean', () => {
    expect(
      normalizeAddress('KR', {
        name: '김민수',
        phone: '010-1234-5678',
        postalCode: '04524',
        roadAddress: '서울특별시  중구 세종대로 110',
        unit: '101-1203',
      }),
    ).toEqual({
      country: 'KR',
      name: '김민수',
      phone: '+821012345678',
      postalCode: '04524',
      roadAddress: '서울특별시 중구 세종대로 110',
      unit: '101동 1203호',
    });
    expect(
      failure(
        'KR',
        {
          name: '김민수',
          phone: '011-123-4567',
          postalCode: '100-011',
          roadAddress: '서울 종로구 관철동 12-3',
        },
        'ko',
      ),
    ).toEqual([
      {
        path: 'address.phone',
        rule: 'kr_phone',
        message: '휴대전화(010-1234-5678) 또는 유선 전화번호를 입력하세요.',
      },
      { path: 'address.postalCode', rule: 'kr_postal_code', message: '5자리 우편번호를 입력하세요.' },
      {
        path: 'address.roadAddress',
        rule: 'kr_road_address',
        message: '도로명주소를 입력하세요: 도로명과 건물번호(예: 세종대로 110). 지번주소는 받지 않습니다.',
      },
    ]);
  });
});

describe('generic addresses', () => {
  const kl = {
    name: 'Tan Mei Ling',
    line1: 'No. 12, Jalan Bukit Bintang',
    city: 'Kuala Lumpur',
    region: 'Wilayah Persekutuan',
    postalCode: '55100',
    phone: '+60 12-345 6789',
  };

  it('stores name, lines, city, region, postcode, country and an E.164-style phone', () => {
    expect(normalizeAddress('MY', kl)).toEqual({ country: 'MY', ...kl, phone: '+60123456789' });
    expect(
      normalizeAddress('GB', { ...kl, postalCode: 'sw1a 1aa', country: 'gb', phone: '0044 20 7946 0958' }),
    ).toMatchObject({
      country: 'GB',
      postalCode: 'SW1A 1AA',
      phone: '+442079460958',
    });
    expect(normalizePhone('12345')).toBeUndefined();
    expect(normalizePhone('+0 123 4567')).toBeUndefined();
  });

  it('refuses another country than the destination, a bad postcode and a bad phone', () => {
    expect(failure('MY', { ...kl, country: 'SG', postalCode: '#55100', phone: 'call me' })).toEqual([
      { path: 'address.country', rule: 'country_mismatch', message: 'Must be an address in MY.' },
      {
        path: 'address.phone',
        rule: 'phone',
        message: 'Enter a phone number with its country code, e.g. +60 12 345 6789.',
      },
      { path: 'address.postalCode', rule: 'postal_code', message: 'Is not a postal code.' },
    ]);
  });
});

describe('addressSchema and the address form', () => {
  it('picks the destination’s schema', () => {
    expect(addressSchema('VN').safeParse(hanoi).success).toBe(true);
    expect(addressSchema('KR').safeParse(hanoi).success).toBe(false);
    expect(addressSchema('TH').safeParse(hanoi).success).toBe(false);
  });

  it('labels every field in every language, with hints where the destination needs them', () => {
    for (const country of ['VN', 'KR', 'MY']) {
      for (const field of addressForm(country)) {
        for (const locale of supportedLocales) {
          expect(hasKey(field.label, locale), `${locale} ${field.label}`).toBe(true);
          if (field.hint) expect(hasKey(field.hint, locale), `${locale} ${field.hint}`).toBe(true);
        }
      }
    }
    expect(addressForm('VN').map((f) => f.name)).toEqual(['name', 'phone', 'province', 'commune', 'street']);
    expect(translatorFor('vi')('address:field.commune')).toBe('Xã / phường');
    expect(translatorFor('ko')('address:field.roadAddress')).toBe('도로명주소');
    expect(addressForm('KR').find((f) => f.name === 'unit')).toMatchObject({
      required: false,
      hint: 'address:hint.krUnit',
    });
  });
});
