import * as z from 'zod';

/**
 * Korean addresses: the road-name address (도로명주소, in force since 2014) with the 5-digit
 * postal code (국가기초구역번호, since 2015), a road address line ("서울특별시 중구 세종대로 110":
 * road name ending in 로/길, then the building number) and an optional unit line, usually
 * "동/호" in an apartment complex ("101동 1203호"). A lot-number address (지번주소,
 * "관철동 12-3") has no road and is refused, with a message saying to use the road name.
 */

/** Five digits whose first two name the area (01–63). */
export function isKoreaPostalCode(value: string): boolean {
  return /^\d{5}$/.test(value) && Number(value.slice(0, 2)) >= 1 && Number(value.slice(0, 2)) <= 63;
}

/**
 * A road address line has a road name (…로, …길, or romanized …-ro, …-gil, …-daero) followed,
 * or preceded in the romanized order, by a building number ("110", "235-1").
 */
export function isKoreaRoadAddress(value: string): boolean {
  if (/[가-힣0-9](?:로|길)\s*\d+(?:-\d+)?(?![\d가-힣])/.test(value)) return true;
  return /\b\d+(?:-\d+)?\s*,?\s*[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-(?:ro|gil|daero)\b/i.test(value);
}

/**
 * The unit line in its usual written form: "101-1203", "101동1203호" and "101 동 1203 호" all
 * become "101동 1203호"; anything else ("B1층", "상가 2층 201호") is kept as typed.
 */
export function normalizeKoreaUnit(value: string): string {
  const unit = value.trim().replace(/\s+/g, ' ');
  const dongHo = /^(\d{1,4})\s*(?:동|-)\s*(\d{1,5})\s*호?$/.exec(unit);
  if (dongHo) return `${dongHo[1]}동 ${dongHo[2]}호`;
  const ho = /^(\d{1,5})\s*호$/.exec(unit);
  return ho ? `${ho[1]}호` : unit;
}

/** Area codes of Korean land lines (02 Seoul; 031–033, 041–044, 051–055, 061–064). */
const landLine = /^(?:02\d{7,8}|0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])\d{7,8}|070\d{8})$/;

/**
 * A Korean phone number in E.164 (`+82…`), or undefined: mobile 010-XXXX-XXXX → +8210XXXXXXXX,
 * and land lines (02, 031–064) and 070 internet phones. `+82 10…` and `+82 (0)10…` are read too.
 */
export function normalizeKoreaPhone(raw: string): string | undefined {
  const compact = raw.replace(/[\s.\-()]/g, '');
  const international = /^(?:\+82|0082)0?(\d{8,10})$/.exec(compact);
  const national = international ? `0${international[1]}` : compact;
  if (/^010\d{8}$/.test(national) || landLine.test(national)) return `+82${national.slice(1)}`;
  return undefined;
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const koreaAddressInputSchema = z.strictObject({
  country: z.string().regex(/^kr$/i).optional(),
  name: text(100),
  phone: z.string().max(30),
  postalCode: z.string().trim().max(10),
  /** 도로명주소: "서울특별시 중구 세종대로 110". */
  roadAddress: text(200),
  /** 상세주소: "101동 1203호". */
  unit: z.string().trim().max(100).optional(),
});
export type KoreaAddressInput = z.input<typeof koreaAddressInputSchema>;

export interface KoreaAddress {
  country: 'KR';
  name: string;
  /** E.164, `+82…`. */
  phone: string;
  postalCode: string;
  roadAddress: string;
  unit?: string;
}

/** Validates and stores a Korean address; issues carry `params: { rule }` (validation namespace). */
export const koreaAddressSchema = koreaAddressInputSchema.transform((input, ctx): KoreaAddress => {
  const issue = (path: string, rule: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message: rule, params: { rule } });
  const phone = normalizeKoreaPhone(input.phone);
  if (!phone) issue('phone', 'kr_phone');
  if (!isKoreaPostalCode(input.postalCode)) issue('postalCode', 'kr_postal_code');
  if (!isKoreaRoadAddress(input.roadAddress)) issue('roadAddress', 'kr_road_address');
  if (!phone || !isKoreaPostalCode(input.postalCode) || !isKoreaRoadAddress(input.roadAddress))
    return z.NEVER;
  const unit = input.unit ? normalizeKoreaUnit(input.unit) : '';
  return {
    country: 'KR',
    name: input.name,
    phone,
    postalCode: input.postalCode,
    roadAddress: input.roadAddress.replace(/\s+/g, ' '),
    ...(unit && { unit }),
  };
});
