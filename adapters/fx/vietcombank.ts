import { BASE_CURRENCY, type FxRate } from '../../core/fx/rates.ts';

/** Vietcombank's public exchange-rate XML (VND per unit of each foreign currency). */
export const VIETCOMBANK_URL = 'https://portal.vietcombank.com.vn/Usercontrols/TVPortal.TyGia/pXML.aspx';

/**
 * Parses Vietcombank's `<ExrateList>`: `<DateTime>M/D/YYYY h:mm:ss AM</DateTime>` (Hanoi time,
 * UTC+7) and `<Exrate CurrencyCode="CNY" Buy="3,612.44" Transfer="3,648.93" Sell="3,765.48"/>`.
 * The ECB publishes no VND rate, so this is the VND source: VND per CNY is the bank's selling
 * rate for CNY, the rate at which a Vietnamese partner buys the yuan it pays suppliers with.
 */
export function parseVietcombank(xml: string): FxRate[] {
  const stamp =
    /<DateTime>\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*(AM|PM)\s*<\/DateTime>/i.exec(
      xml,
    );
  if (!stamp) throw new Error('Vietcombank rates: no <DateTime> element');
  const [, month, day, year, hour12, minute, second, half] = stamp;
  const hour = (Number(hour12) % 12) + (half!.toUpperCase() === 'PM' ? 12 : 0);
  const pad = (v: string | number) => String(v).padStart(2, '0');
  const asOf = new Date(
    `${year}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${minute}:${second}+07:00`,
  ).toISOString();
  const cny = /<Exrate\b[^>]*\bCurrencyCode="CNY"[^>]*\/>/.exec(xml)?.[0];
  const sell = cny && /\bSell="([\d.,]+)"/.exec(cny)?.[1]?.replaceAll(',', '');
  if (!sell || !/^\d+(\.\d+)?$/.test(sell) || /^0+(\.0+)?$/.test(sell)) {
    throw new Error('Vietcombank rates: no CNY selling rate');
  }
  return [{ base: BASE_CURRENCY, currency: 'VND', rate: sell, asOf, source: 'vietcombank' }];
}
