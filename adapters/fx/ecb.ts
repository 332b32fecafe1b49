import { crossRatesToCny, type FxRate } from '../../core/fx/rates.ts';

/** The ECB's euro foreign exchange reference rates, published each TARGET working day around 16:00 CET. */
export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

/**
 * Parses the ECB daily reference-rate XML (gesmes envelope, `<Cube time='YYYY-MM-DD'>` holding
 * `<Cube currency='USD' rate='1.0562'/>` per currency, each rate per 1 EUR) into CNY-based
 * cross rates. `asOf` is the start of the reference day in UTC, so the staleness rule errs on
 * the safe side (the rates are fixed at 14:10 CET that day).
 */
export function parseEcbDaily(xml: string): FxRate[] {
  const day = /<Cube\s+time=['"](\d{4}-\d{2}-\d{2})['"]\s*>/.exec(xml)?.[1];
  if (!day) throw new Error('ECB rates: no <Cube time="…"> element');
  const rates: Record<string, string> = {};
  for (const match of xml.matchAll(/<Cube\s+currency=['"]([A-Z]{3})['"]\s+rate=['"]([\d.]+)['"]\s*\/>/g)) {
    rates[match[1]!] = match[2]!;
  }
  if (Object.keys(rates).length === 0) throw new Error('ECB rates: no currency rates in the document');
  return crossRatesToCny({ source: 'ecb', base: 'EUR', asOf: `${day}T00:00:00.000Z`, rates });
}
