import { BASE_CURRENCY, type FxRate } from '../../core/fx/rates.ts';
import { parseFeedXml, plainDecimal } from './xml.ts';

/** Vietcombank's public exchange-rate XML (VND per unit of each foreign currency). */
export const VIETCOMBANK_URL = 'https://portal.vietcombank.com.vn/Usercontrols/TVPortal.TyGia/pXML.aspx';

interface ExrateList {
  DateTime?: string;
  Exrate?: { CurrencyCode?: string; Sell?: string }[];
}

/** `M/D/YYYY h:mm:ss AM` in Hanoi time (UTC+7) as an ISO instant. */
function hanoiInstant(stamp: string | undefined): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*(AM|PM)$/i.exec(stamp ?? '');
  if (!match) return undefined;
  const [, month, day, year, hour12, minute, second, half] = match;
  const hour = (Number(hour12) % 12) + (half!.toUpperCase() === 'PM' ? 12 : 0);
  const pad = (v: string | number) => String(v).padStart(2, '0');
  const instant = new Date(`${year}-${pad(month!)}-${pad(day!)}T${pad(hour)}:${minute}:${second}+07:00`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/**
 * Parses Vietcombank's `<ExrateList>`: `<DateTime>M/D/YYYY h:mm:ss AM</DateTime>` (Hanoi time,
 * UTC+7) and `<Exrate CurrencyCode="CNY" Buy="3,612.44" Transfer="3,648.93" Sell="3,765.48"/>`.
 * The ECB publishes no VND rate, so this is the VND source: VND per CNY is the bank's selling
 * rate for CNY, the rate at which a Vietnamese partner buys the yuan it pays suppliers with.
 */
export function parseVietcombank(xml: string): FxRate[] {
  const list = (parseFeedXml(xml, 'Vietcombank rates', ['Exrate']) as { ExrateList?: ExrateList }).ExrateList;
  const asOf = hanoiInstant(list?.DateTime);
  if (!asOf) throw new Error('Vietcombank rates: no <DateTime> element');
  const cny = list?.Exrate?.find((e) => e.CurrencyCode === BASE_CURRENCY);
  const sell = plainDecimal(cny?.Sell?.replaceAll(',', ''));
  if (!sell) throw new Error('Vietcombank rates: no CNY selling rate');
  return [{ base: BASE_CURRENCY, currency: 'VND', rate: sell, asOf, source: 'vietcombank' }];
}
