import type { TFunction } from 'i18next';
import type { FxRate } from '../fx/rates.ts';
import { formatMoney } from '../money/money.ts';
import type { LandedCostEstimate } from './estimate.ts';
import type { LandedCostTable } from './table.ts';

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A percentage formatter per locale, built once (building one costs more than the estimate). */
function percentFormat(locale: string): Intl.NumberFormat {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    percentFormats.set(locale, format);
  }
  return format;
}

/** Landed-cost estimates as the API shows them: each component with its amount, text and label. */
export function presentLandedCost(
  result: {
    currency: string;
    fx: Pick<FxRate, 'rate' | 'asOf' | 'source'>;
    table: LandedCostTable;
    estimates: LandedCostEstimate[];
  },
  locale: string,
  t: TFunction,
) {
  const money = (amountMinor: number) => ({
    amountMinor,
    currency: result.currency,
    formatted: formatMoney(amountMinor, result.currency, locale),
  });
  const percent = percentFormat(locale);
  // Display only: a rate in basis points as a percentage string.
  const rateText = (bps: number) => percent.format(bps / 10_000);
  const { table } = result;
  return {
    currency: result.currency,
    fx: result.fx,
    taxTable: {
      country: table.country,
      asOf: table.asOf,
      dutyBasis: table.dutyBasis,
      sources: table.sources,
    },
    estimates: result.estimates.map((e) => {
      const lane = t(`tenant:lanes.${e.laneKind}`);
      return {
        laneId: e.laneId,
        lane,
        transit: t('units:transitDays', e.transitDays),
        weights: e.weights,
        components: [
          { kind: 'goods', label: t('quotes:landed.goods'), ...money(e.goodsMinor) },
          {
            kind: 'shipping',
            label: t('quotes:landed.shipping', {
              lane,
              weight: t('units:weight', { value: e.weights.chargeableGrams / 1000 }),
            }),
            ...money(e.shippingMinor),
          },
          ...e.duty.map((d) => ({
            kind: 'duty',
            chapter: d.chapter,
            rateBps: d.rateBps,
            label: t('quotes:landed.duty', { chapter: d.chapter, rate: rateText(d.rateBps) }),
            base: money(d.baseMinor),
            ...money(d.amountMinor),
          })),
          {
            kind: 'vat',
            rateBps: e.vat.rateBps,
            label: t('quotes:landed.vat', { rate: rateText(e.vat.rateBps) }),
            base: money(e.vat.baseMinor),
            ...money(e.vat.amountMinor),
          },
        ],
        total: { label: t('quotes:landed.total'), ...money(e.totalMinor) },
        note: t('quotes:landed.note', {
          basis: table.dutyBasis,
          asOf: table.asOf,
          fxAsOf: new Date(result.fx.asOf),
        }),
      };
    }),
  };
}
