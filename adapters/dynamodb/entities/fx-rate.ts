import { BASE_CURRENCY, type FxRate } from '../../../core/fx/rates.ts';
import { defineEntity, type TableKey } from './keys.ts';

/** FX rates are platform data, shared by every tenant. */
const pair = (currency: string) => `FX#${BASE_CURRENCY}#${currency}`;

/** The latest rate of a pair (read for every price); only moves forward. */
export const fxLatestRate = defineEntity({
  name: 'fxLatestRate',
  scope: 'platform',
  key: ({ currency }: { currency: string }) => ({ pk: pair(currency), sk: 'LATEST' }),
  example: { currency: 'VND' },
});

/** Every rate a refresh saw, by date and source. */
export const fxRateHistory = defineEntity({
  name: 'fxRateHistory',
  scope: 'platform',
  key: ({ currency, asOf, source }: { currency: string; asOf: string; source: string }) => ({
    pk: pair(currency),
    sk: `AT#${asOf}#${source}`,
  }),
  query: ({ currency }: { currency: string }) => ({ pk: pair(currency), skPrefix: 'AT#' }),
  example: { currency: 'VND', asOf: '2026-12-01T00:00:00.000Z', source: 'vietcombank' },
});

export type FxRateItem = TableKey & FxRate & { asOfMs: number; fetchedAt: string };
