import { crossRatesToCny, type FxRate } from '../../core/fx/rates.ts';
import { parseFeedXml, plainDecimal } from './xml.ts';

/** The ECB's euro foreign exchange reference rates, published each TARGET working day around 16:00 CET. */
export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

interface Cube {
  time?: string;
  currency?: string;
  rate?: string;
  Cube?: Cube[];
}

/**
 * Parses the ECB daily reference-rate XML (gesmes envelope, `<Cube time='YYYY-MM-DD'>` holding
 * `<Cube currency='USD' rate='1.0562'/>` per currency, each rate per 1 EUR) into CNY-based
 * cross rates. `asOf` is the start of the reference day in UTC, so the staleness rule errs on
 * the safe side (the rates are fixed at 14:10 CET that day).
 */
export function parseEcbDaily(xml: string): FxRate[] {
  const document = parseFeedXml(xml, 'ECB rates', ['Cube']) as { Envelope?: { Cube?: Cube[] } };
  const day = document.Envelope?.Cube?.[0]?.Cube?.find((c) => c.time !== undefined);
  if (!day?.time || !/^\d{4}-\d{2}-\d{2}$/.test(day.time)) {
    throw new Error('ECB rates: no <Cube time="…"> element');
  }
  const rates: Record<string, string> = {};
  for (const cube of day.Cube ?? []) {
    const rate = plainDecimal(cube.rate);
    if (cube.currency && /^[A-Z]{3}$/.test(cube.currency) && rate) rates[cube.currency] = rate;
  }
  if (Object.keys(rates).length === 0) throw new Error('ECB rates: no currency rates in the document');
  return crossRatesToCny({ source: 'ecb', base: 'EUR', asOf: `${day.time}T00:00:00.000Z`, rates });
}
