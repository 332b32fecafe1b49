import type { TFunction } from 'i18next';
import { formatMoney, multiplyMinor } from '../money/money.ts';
import { presentPayment } from '../payments/present.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { nextStatuses, type OrderActor } from './lifecycle.ts';
import type { Order, OrderSummary } from './order.ts';
import { formatInTimeZone } from './timezones.ts';

type SiteOf = Pick<Tenant, 'timeZone'>;

/**
 * An order as a person reads it, in their language with times in the site's time zone: lines
 * grouped by supplier, amounts formatted, the payment and what to do, the history. Partners
 * also see the CNY amounts of each supplier's purchase order and the invoice request.
 */
export function presentOrder(
  order: Order,
  tenant: SiteOf,
  locale: string,
  t: TFunction,
  viewer: Extract<OrderActor, 'buyer' | 'partner'>,
) {
  const money = (minor: number) => ({
    amountMinor: minor,
    currency: order.currency,
    formatted: formatMoney(minor, order.currency, locale),
  });
  const when = (iso: string) => ({ at: iso, local: formatInTimeZone(iso, tenant.timeZone, locale) });
  return {
    orderId: order.orderId,
    reference: order.reference,
    status: order.status,
    statusLabel: t(`orders:status.${order.status}`),
    version: order.version,
    placedAt: when(order.createdAt),
    timeZone: tenant.timeZone,
    suppliers: order.suppliers.map((s) => ({
      supplierId: s.supplierId,
      name: s.name,
      ...(viewer === 'partner' && { cnyTotalFen: s.cnyTotalFen }),
      lines: order.lines
        .filter((l) => l.supplierId === s.supplierId)
        .map((l) => ({
          lineId: l.lineId,
          offerId: l.offerId,
          skuId: l.skuId,
          kind: l.kind,
          kindLabel: t(`orders:lineKind.${l.kind}`),
          title: l.title,
          titleZh: l.titleZh,
          specs: l.specs,
          quantity: l.quantity,
          unitPrice: money(l.unitMinor),
          total: money(l.totalMinor),
          customisation: l.customisation,
          /** What each option added per unit and over the line's quantity, as agreed at placement. */
          customisationPrices: (l.customisationPrices ?? []).map((o) => ({
            kind: o.kind,
            name: t(`catalog:custom_${o.kind}`),
            extraUnit: money(o.extraUnitMinor),
            extraTotal: money(multiplyMinor(o.extraUnitMinor, l.quantity)),
            ...(viewer === 'partner' && { extraUnitFen: o.extraUnitFen }),
          })),
          ...(l.dropship && { dropship: l.dropship }),
          ...(viewer === 'partner' && { cnyUnitFen: l.cnyUnitFen }),
        })),
    })),
    subtotal: money(order.subtotalMinor),
    shipping: money(order.shippingMinor),
    total: money(order.totalMinor),
    lane: { ...order.lane, label: t(`tenant:lanes.${order.lane.kind}`) },
    shippingAddress: order.shippingAddress,
    business: order.business,
    ...(order.invoice && { invoice: order.invoice }),
    payment: presentPayment(order, tenant, locale, t),
    events: order.events.map((e) => ({
      ...when(e.at),
      status: e.to,
      label: t(`orders:status.${e.to}`),
      actor: e.actor,
      ...(e.reason !== undefined && { reason: e.reason }),
    })),
    /** What this viewer may do next (buyer: cancel while unpaid; partner: the lifecycle's staff moves). */
    actions: nextStatuses(order.status, viewer),
    ...(viewer === 'partner' && { fx: order.fx, markupBps: order.markupBps, cnyTotalFen: order.cnyTotalFen }),
  };
}

export type OrderView = ReturnType<typeof presentOrder>;

/** One entry of an order list, from its summary (lists never read whole orders). */
export function presentOrderSummary(summary: OrderSummary, tenant: SiteOf, locale: string, t: TFunction) {
  return {
    orderId: summary.orderId,
    reference: summary.reference,
    status: summary.status,
    statusLabel: t(`orders:status.${summary.status}`),
    placedAt: { at: summary.createdAt, local: formatInTimeZone(summary.createdAt, tenant.timeZone, locale) },
    total: {
      amountMinor: summary.totalMinor,
      currency: summary.currency,
      formatted: formatMoney(summary.totalMinor, summary.currency, locale),
    },
    lineCount: summary.lineCount,
    supplierCount: summary.supplierCount,
    companyName: summary.companyName,
    paymentMethod: summary.paymentMethod,
  };
}
