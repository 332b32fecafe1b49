import type { Locale } from '../../locales/index.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { Order } from '../orders/order.ts';
import type { PoLeg, PoRecord } from './records.ts';

/** One step of an order's journey as the buyer sees it. */
export interface TimelineEntry {
  at: string;
  /** `at` in the tenant's time zone, in the buyer's language. */
  time: string;
  kind:
    | 'order_placed'
    | 'order_paid'
    | 'po_placed'
    | 'accepted'
    | 'line_rejected'
    | 'shipped_domestic'
    | 'at_warehouse'
    | 'shipped_international'
    | 'customs_cleared'
    | 'out_for_delivery'
    | 'delivered'
    | 'po_cancelled'
    | 'po_cancel_too_late';
  title: string;
  supplier?: string;
  carrier?: string;
  trackingNumber?: string;
  qcNotes?: string;
  photoUrls?: string[];
  /** Reported after a later step (out of order): shown at its own time, it moved nothing. */
  late?: string;
}

const kindOfLeg: Record<PoLeg['type'], TimelineEntry['kind']> = {
  'po.accepted': 'accepted',
  'po.line_rejected': 'line_rejected',
  'po.shipped_domestic': 'shipped_domestic',
  'po.received_at_warehouse': 'at_warehouse',
  'po.shipped_international': 'shipped_international',
  'po.customs_cleared': 'customs_cleared',
  'po.out_for_delivery': 'out_for_delivery',
  'po.delivered': 'delivered',
};

/**
 * One ordered, multi-leg timeline per order: placed and paid, then per PO its sending, the
 * supplier's acceptance, the domestic parcel(s), warehouse intake with QC, the international
 * leg on the order's lane, customs, last mile and delivery, each with carrier and tracking
 * number where there is one. In the buyer's language, times in the tenant's time zone; the
 * order is by the supply side's own times, so events that arrived out of order still read in
 * the order they happened.
 */
export function orderTimeline(
  order: Pick<Order, 'events' | 'lane' | 'suppliers'>,
  pos: readonly PoRecord[],
  locale: Locale,
  timeZone: string,
): TimelineEntry[] {
  const t = translatorFor(locale);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const entries: Omit<TimelineEntry, 'time'>[] = [];
  for (const event of order.events) {
    if (event.to === 'placed' || event.to === 'paid') {
      const kind = event.to === 'placed' ? 'order_placed' : 'order_paid';
      entries.push({ at: event.at, kind, title: t(`timeline:kind.${kind}`) });
    }
  }
  for (const po of pos) {
    const supplier = order.suppliers.find((s) => s.supplierId === po.supplierId)?.name ?? po.po.supplierName;
    entries.push({
      at: po.createdAt,
      kind: 'po_placed',
      supplier,
      title: t('timeline:kind.po_placed', { supplier }),
    });
    for (const leg of po.legs) {
      const kind = kindOfLeg[leg.type];
      const key = kind === 'shipped_domestic' && leg.partial ? 'shipped_domestic_partial' : kind;
      const title = t(`timeline:kind.${key}`, {
        supplier,
        carrier: leg.carrier ?? '',
        warehouse: leg.warehouse ?? '',
        lane: order.lane.kind,
        reason: t(`timeline:reason.${leg.reason ?? 'other'}`),
      });
      entries.push({
        at: leg.at,
        kind,
        title,
        supplier,
        ...(leg.carrier !== undefined && { carrier: leg.carrier }),
        ...(leg.trackingNumber !== undefined && { trackingNumber: leg.trackingNumber }),
        ...(leg.qcNotes !== undefined && { qcNotes: leg.qcNotes }),
        ...(leg.photoUrls !== undefined && { photoUrls: leg.photoUrls }),
        ...(leg.late && { late: t('timeline:late') }),
      });
    }
    const answered = po.cancellation?.outcome;
    if (answered && po.cancellation?.answeredAt) {
      const kind = answered === 'cancelled' ? 'po_cancelled' : 'po_cancel_too_late';
      entries.push({
        at: po.cancellation.answeredAt,
        kind,
        supplier,
        title: t(`timeline:kind.${kind}`, { supplier }),
      });
    }
  }
  return entries
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => ({ ...e, time: format.format(new Date(e.at)) }));
}
