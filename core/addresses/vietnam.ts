import * as z from 'zod';

/**
 * Vietnamese addresses since 1 July 2025 (Resolution 202/2025/QH15): two tiers, province-level
 * unit (34: 6 centrally governed cities, 28 provinces) → commune/ward, no district. Codes are
 * the official ones of Decision 19/2025/QĐ-TTg; each new unit keeps the code of one of the
 * provinces it absorbed, so every new code is also a former code of the same territory.
 *
 * Buyers still type the old three tiers (province, district, ward) and old province names: an
 * old name or code maps to its successor, a district is dropped from the address and kept in
 * `legacyDistrict` for the courier. The commune is free text (the list of 3,321 communes changes
 * and is not needed to deliver), but required.
 */
export interface VietnamProvince {
  /** Official 2-digit code (Decision 19/2025/QĐ-TTg). */
  code: string;
  name: string;
  /** The name without diacritics ("Ho Chi Minh", "Da Nang"), as couriers' systems write it. */
  nameAscii: string;
  /** With its unit word, as on an invoice: "Thành phố Hà Nội", "Tỉnh Lào Cai". */
  fullName: string;
  kind: 'city' | 'province';
  /** Other names people write (English, abbreviations). */
  aliases: readonly string[];
}

export interface FormerProvince {
  /** The former code (Decision 124/2004/QĐ-TTg), as used until 30 June 2025. */
  code: string;
  name: string;
  aliases: readonly string[];
  /** Code of the province-level unit it belongs to since 1 July 2025. */
  successor: string;
}

const p = (
  code: string,
  name: string,
  kind: VietnamProvince['kind'],
  aliases: string[] = [],
): VietnamProvince => ({
  code,
  name,
  nameAscii: withoutDiacritics(name),
  fullName: `${kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${name}`,
  kind,
  aliases,
});

export const vietnamProvinces: readonly VietnamProvince[] = [
  p('01', 'Hà Nội', 'city', ['Thủ đô Hà Nội']),
  p('04', 'Cao Bằng', 'province'),
  p('08', 'Tuyên Quang', 'province'),
  p('11', 'Điện Biên', 'province'),
  p('12', 'Lai Châu', 'province'),
  p('14', 'Sơn La', 'province'),
  p('15', 'Lào Cai', 'province'),
  p('19', 'Thái Nguyên', 'province'),
  p('20', 'Lạng Sơn', 'province'),
  p('22', 'Quảng Ninh', 'province'),
  p('24', 'Bắc Ninh', 'province'),
  p('25', 'Phú Thọ', 'province'),
  p('31', 'Hải Phòng', 'city'),
  p('33', 'Hưng Yên', 'province'),
  p('37', 'Ninh Bình', 'province'),
  p('38', 'Thanh Hóa', 'province'),
  p('40', 'Nghệ An', 'province'),
  p('42', 'Hà Tĩnh', 'province'),
  p('44', 'Quảng Trị', 'province'),
  p('46', 'Huế', 'city'),
  p('48', 'Đà Nẵng', 'city'),
  p('51', 'Quảng Ngãi', 'province'),
  p('52', 'Gia Lai', 'province'),
  p('56', 'Khánh Hòa', 'province'),
  p('66', 'Đắk Lắk', 'province', ['Đắc Lắc']),
  p('68', 'Lâm Đồng', 'province'),
  p('75', 'Đồng Nai', 'province'),
  p('79', 'Hồ Chí Minh', 'city', ['TP HCM', 'TPHCM', 'HCM', 'HCMC', 'Sài Gòn', 'Saigon']),
  p('80', 'Tây Ninh', 'province'),
  p('82', 'Đồng Tháp', 'province'),
  p('86', 'Vĩnh Long', 'province'),
  p('91', 'An Giang', 'province'),
  p('92', 'Cần Thơ', 'city'),
  p('96', 'Cà Mau', 'province'),
];

const f = (code: string, name: string, successor: string, aliases: string[] = []): FormerProvince => ({
  code,
  name,
  successor,
  aliases,
});

/** The 63 provinces and cities in force until 30 June 2025, each with the unit it joined. */
export const formerVietnamProvinces: readonly FormerProvince[] = [
  f('01', 'Hà Nội', '01'),
  f('02', 'Hà Giang', '08'),
  f('04', 'Cao Bằng', '04'),
  f('06', 'Bắc Kạn', '19', ['Bắc Cạn']),
  f('08', 'Tuyên Quang', '08'),
  f('10', 'Lào Cai', '15'),
  f('11', 'Điện Biên', '11'),
  f('12', 'Lai Châu', '12'),
  f('14', 'Sơn La', '14'),
  f('15', 'Yên Bái', '15'),
  f('17', 'Hòa Bình', '25'),
  f('19', 'Thái Nguyên', '19'),
  f('20', 'Lạng Sơn', '20'),
  f('22', 'Quảng Ninh', '22'),
  f('24', 'Bắc Giang', '24'),
  f('25', 'Phú Thọ', '25'),
  f('26', 'Vĩnh Phúc', '25'),
  f('27', 'Bắc Ninh', '24'),
  f('30', 'Hải Dương', '31'),
  f('31', 'Hải Phòng', '31'),
  f('33', 'Hưng Yên', '33'),
  f('34', 'Thái Bình', '33'),
  f('35', 'Hà Nam', '37'),
  f('36', 'Nam Định', '37'),
  f('37', 'Ninh Bình', '37'),
  f('38', 'Thanh Hóa', '38'),
  f('40', 'Nghệ An', '40'),
  f('42', 'Hà Tĩnh', '42'),
  f('44', 'Quảng Bình', '44'),
  f('45', 'Quảng Trị', '44'),
  f('46', 'Thừa Thiên Huế', '46', ['Thừa Thiên - Huế']),
  f('48', 'Đà Nẵng', '48'),
  f('49', 'Quảng Nam', '48'),
  f('51', 'Quảng Ngãi', '51'),
  f('52', 'Bình Định', '52'),
  f('54', 'Phú Yên', '66'),
  f('56', 'Khánh Hòa', '56'),
  f('58', 'Ninh Thuận', '56'),
  f('60', 'Bình Thuận', '68'),
  f('62', 'Kon Tum', '51'),
  f('64', 'Gia Lai', '52'),
  f('66', 'Đắk Lắk', '66'),
  f('67', 'Đắk Nông', '68'),
  f('68', 'Lâm Đồng', '68'),
  f('70', 'Bình Phước', '75'),
  f('72', 'Tây Ninh', '80'),
  f('74', 'Bình Dương', '79'),
  f('75', 'Đồng Nai', '75'),
  f('77', 'Bà Rịa - Vũng Tàu', '79', ['Bà Rịa–Vũng Tàu', 'BRVT', 'Vũng Tàu']),
  f('79', 'Hồ Chí Minh', '79'),
  f('80', 'Long An', '80'),
  f('82', 'Tiền Giang', '82'),
  f('83', 'Bến Tre', '86'),
  f('84', 'Trà Vinh', '86'),
  f('86', 'Vĩnh Long', '86'),
  f('87', 'Đồng Tháp', '82'),
  f('89', 'An Giang', '91'),
  f('91', 'Kiên Giang', '91'),
  f('92', 'Cần Thơ', '92'),
  f('93', 'Hậu Giang', '92'),
  f('94', 'Sóc Trăng', '92'),
  f('95', 'Bạc Liêu', '96'),
  f('96', 'Cà Mau', '96'),
];

/**
 * A name folded for matching: no diacritics (đ → d), lower case, letters and digits only, so
 * "Thành phố Hồ Chí Minh", "thanh pho ho chi minh" and "Ho Chi Minh City" meet.
 */
export function foldVietnamese(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The name without diacritics, as couriers' systems and English pages write it ("Da Nang"). */
export function withoutDiacritics(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Unit words written before or after a province's name: "Tỉnh", "Thành phố", "TP.", "City", "Province". */
function bareName(folded: string): string {
  return folded.replace(/^(thanhpho|thudo|tinh|tp)(?=[a-z])/, '').replace(/(city|province)$/, '');
}

const byCode = new Map(vietnamProvinces.map((v) => [v.code, v]));
const formerByCode = new Map(formerVietnamProvinces.map((v) => [v.code, v]));
const currentByName = new Map<string, VietnamProvince>();
for (const province of vietnamProvinces)
  for (const name of [province.name, ...province.aliases])
    currentByName.set(bareName(foldVietnamese(name)), province);
const formerByName = new Map<string, FormerProvince>();
for (const former of formerVietnamProvinces)
  for (const name of [former.name, ...former.aliases])
    formerByName.set(bareName(foldVietnamese(name)), former);

export function vietnamProvinceByCode(code: string): VietnamProvince | undefined {
  return byCode.get(code);
}

export interface ProvinceMatch {
  province: VietnamProvince;
  /** Set when the input named a province that no longer exists under that name. */
  former?: FormerProvince;
}

/**
 * The province-level unit a buyer means: a current code or name, or a former one (mapped to its
 * successor), written with or without diacritics, with or without "Tỉnh"/"Thành phố".
 */
export function findVietnamProvince(input: string): ProvinceMatch | undefined {
  const trimmed = input.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const code = trimmed.padStart(2, '0');
    const current = byCode.get(code);
    if (current) return { province: current };
    const former = formerByCode.get(code);
    return former ? { province: byCode.get(former.successor)!, former } : undefined;
  }
  const key = bareName(foldVietnamese(trimmed));
  if (!key) return undefined;
  const current = currentByName.get(key);
  if (current) return { province: current };
  const former = formerByName.get(key);
  return former ? { province: byCode.get(former.successor)!, former } : undefined;
}

/**
 * A Vietnamese mobile number in E.164 (`+84` and nine digits), or undefined. Accepts `0…`,
 * `84…`, `+84…` (and `+84 0…`), with spaces, dots, dashes or brackets; the subscriber number
 * starts with a mobile prefix 3, 5, 7, 8 or 9 (03x, 05x, 07x, 08x, 09x).
 */
export function normalizeVietnamMobile(raw: string): string | undefined {
  const compact = raw.replace(/[\s.\-()]/g, '');
  const national = /^(?:\+84|0084|84)0?(\d{9})$/.exec(compact)?.[1] ?? /^0(\d{9})$/.exec(compact)?.[1];
  return national && /^[35789]/.test(national) ? `+84${national}` : undefined;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** What a buyer may send: the new two-tier form, or the old three tiers (`district`, `ward`). */
export const vietnamAddressInputSchema = z.strictObject({
  country: z.string().regex(/^vn$/i).optional(),
  name: text(100),
  phone: z.string().max(30),
  /** A current or former province: code or name. */
  province: z.string().max(60),
  /** Commune or ward (xã/phường/đặc khu), new form. */
  commune: optionalText(100),
  /** Ward in an old three-tier address; taken as the commune when `commune` is absent. */
  ward: optionalText(100),
  /** District (quận/huyện) of an old address: no longer part of the address, kept for the courier. */
  district: optionalText(100),
  /** House number, street, hamlet (số nhà, đường, thôn/ấp). */
  street: text(200),
});
export type VietnamAddressInput = z.input<typeof vietnamAddressInputSchema>;

export interface VietnamAddress {
  country: 'VN';
  name: string;
  /** E.164, `+84…`. */
  phone: string;
  /** Province-level code since 1 July 2025. */
  province: string;
  commune: string;
  street: string;
  legacyDistrict?: string;
  /** The former province the buyer named, when it was one (e.g. "Bình Dương"). */
  legacyProvince?: string;
}

/** Validates and stores the new form; issues carry `params: { rule }` (validation namespace). */
export const vietnamAddressSchema = vietnamAddressInputSchema.transform((input, ctx): VietnamAddress => {
  const phone = normalizeVietnamMobile(input.phone);
  if (!phone)
    ctx.addIssue({ code: 'custom', path: ['phone'], message: 'vn_mobile', params: { rule: 'vn_mobile' } });
  const match = findVietnamProvince(input.province);
  if (!match)
    ctx.addIssue({
      code: 'custom',
      path: ['province'],
      message: 'vn_province',
      params: { rule: 'vn_province' },
    });
  const commune = input.commune ?? input.ward;
  if (!commune)
    ctx.addIssue({ code: 'custom', path: ['commune'], message: 'required', params: { rule: 'required' } });
  if (!phone || !match || !commune) return z.NEVER;
  return {
    country: 'VN',
    name: input.name,
    phone,
    province: match.province.code,
    commune,
    street: input.street,
    ...(input.district && { legacyDistrict: input.district }),
    ...(match.former && match.former.name !== match.province.name && { legacyProvince: match.former.name }),
  };
});
