import type { OrderStatus } from '../orders/lifecycle.ts';
import {
  cancellablePoStatuses,
  finalPoStatuses,
  type PoCancellation,
  type PoState,
  type PoStatus,
  type PurchaseOrder,
  poStatuses,
  type SupplyEvent,
  statusOfEvent,
} from './protocol.ts';

/**
 * The platform's record of one purchase order: the PO as sent, how its delivery to the supply
 * side goes (attempts, the next one, dead letter), and what the supply side has reported since.
 */
export interface Delivery {
  state: 'pending' | 'delivered' | 'dead_letter';
  attempts: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt?: string;
  lastError?: string;
  deliveredAt?: string;
  parkedAt?: string;
}

/** One reported step of a PO's journey (a timeline leg), as the supply side told it. */
export interface PoLeg {
  eventId: string;
  type: SupplyEvent['type'];
  at: string;
  receivedAt: string;
  carrier?: string;
  trackingNumber?: string;
  warehouse?: string;
  qcNotes?: string;
  photoUrls?: string[];
  lineId?: string;
  reason?: string;
  partial?: boolean;
  /** Arrived after a later status: recorded, moved nothing. */
  late?: boolean;
}

export interface PoRecord {
  tenantId: string;
  orderId: string;
  poId: string;
  supplierId: string;
  po: PurchaseOrder;
  status: PoStatus;
  /** The supply-side time of the event that set `status`. */
  statusAt?: string;
  delivery: Delivery;
  lines: { lineId: string; status: 'open' | 'rejected' | 'shipped'; shippedQuantity: number }[];
  legs: PoLeg[];
  /** The supplier's badge promises shipping within 48 hours: the PO is flagged when not shipped by then. */
  slaShipBy?: string;
  /**
   * The order was cancelled or refunded after the PO was made: while `outcome` is absent,
   * `delivery` carries the cancellation (sent with the same retries and dead letters as the
   * PO); `too_late` when the supply side had already shipped.
   */
  cancellation?: PoCancellation & { outcome?: 'cancelled' | 'too_late'; answeredAt?: string };
  /** Bumped by every change: writes are conditional on the version read. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const SHIP_48H_MS = 48 * 3_600_000;

export function newPoRecord(
  tenantId: string,
  orderId: string,
  po: PurchaseOrder,
  now: Date,
  options: { promises48h?: boolean } = {},
): PoRecord {
  const at = now.toISOString();
  return {
    ...(options.promises48h && { slaShipBy: new Date(now.getTime() + SHIP_48H_MS).toISOString() }),
    tenantId,
    orderId,
    poId: po.poId,
    supplierId: po.supplierId,
    po,
    status: 'sent',
    delivery: { state: 'pending', attempts: 0, nextAttemptAt: at },
    lines: po.lines.map((l) => ({ lineId: l.lineId, status: 'open', shippedQuantity: 0 })),
    legs: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** A status's place in the PO's order (`rejected` and `cancelled` are past everything: they are final). */
export function poRank(status: PoStatus): number {
  return isFinalPo(status) ? poStatuses.length : poStatuses.indexOf(status as (typeof poStatuses)[number]);
}

export const isFinalPo = (status: PoStatus) => (finalPoStatuses as readonly PoStatus[]).includes(status);

/**
 * The PO withdrawn because its order was cancelled or refunded: the cancellation becomes the
 * PO's pending delivery. Undefined (nothing to do) when the PO is final or a cancellation was
 * already asked.
 */
export function requestCancellation(
  record: PoRecord,
  reason: PoCancellation['reason'],
  now: Date,
): PoRecord | undefined {
  if (isFinalPo(record.status) || record.cancellation) return undefined;
  const at = now.toISOString();
  return {
    ...record,
    cancellation: { poId: record.poId, reason, requestedAt: at },
    delivery: { state: 'pending', attempts: 0, nextAttemptAt: at },
    version: record.version + 1,
    updatedAt: at,
  };
}

/**
 * What the supply side answered to a cancellation: `cancelled` (or a PO it never received)
 * makes the PO cancelled; a PO that had already shipped keeps its status, `too_late`.
 */
export function cancellationAnswered(record: PoRecord, state: PoState | undefined, now: Date): PoRecord {
  const at = now.toISOString();
  const cancelled = !state || state.status === 'cancelled' || cancellablePoStatuses.includes(state.status);
  return {
    ...record,
    ...(cancelled && { status: 'cancelled' as const, statusAt: at }),
    cancellation: { ...record.cancellation!, outcome: cancelled ? 'cancelled' : 'too_late', answeredAt: at },
  };
}

/**
 * Retry schedule: exponential backoff with jitter. Attempt n (1-based) that failed waits
 * base × 2^(n−1) × a factor in [0.75, 1.25); with base 113 s, 8 attempts span about 4 hours
 * (113 s × 127 on average), as Shopify's webhooks do.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
}
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseMs: 113_000 };

export function backoffMs(
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseMs * 2 ** (failedAttempts - 1);
  return Math.round(exponential * (0.75 + random() * 0.5));
}

export type Applied =
  | { outcome: 'applied'; record: PoRecord }
  | { outcome: 'recorded_late'; record: PoRecord }
  | { outcome: 'unknown_line' };

/**
 * What an event does to a PO: a status event moves it forward only (an older or equal status,
 * or an event older than the one that set the status, is kept as a late leg and moves nothing);
 * a line rejection marks the line, and a PO whose every line is rejected is `rejected`.
 */
export function applyEvent(record: PoRecord, event: SupplyEvent, now: Date): Applied {
  const base: PoLeg = {
    eventId: event.eventId,
    type: event.type,
    at: event.occurredAt,
    receivedAt: now.toISOString(),
  };
  let leg: PoLeg = base;
  const lines = record.lines.map((l) => ({ ...l }));
  let status = record.status;
  let statusAt = record.statusAt;
  let late = false;
  switch (event.type) {
    case 'po.line_rejected': {
      const line = lines.find((l) => l.lineId === event.lineId);
      if (!line) return { outcome: 'unknown_line' };
      line.status = 'rejected';
      leg = { ...base, lineId: event.lineId, reason: event.reason };
      if (lines.every((l) => l.status === 'rejected') && !isFinalPo(status)) status = 'rejected';
      break;
    }
    default: {
      if (event.type === 'po.shipped_domestic') {
        const shipped =
          event.lines ??
          lines
            .filter((l) => l.status !== 'rejected')
            .map((l) => ({ lineId: l.lineId, quantity: Number.NaN }));
        for (const s of shipped) {
          const line = lines.find((l) => l.lineId === s.lineId);
          if (!line) return { outcome: 'unknown_line' };
          if (line.status === 'rejected') continue;
          line.status = 'shipped';
          const ordered = record.po.lines.find((l) => l.lineId === s.lineId)!.quantity;
          line.shippedQuantity = Number.isNaN(s.quantity)
            ? ordered
            : Math.min(ordered, line.shippedQuantity + s.quantity);
        }
        leg = {
          ...base,
          carrier: event.carrier,
          trackingNumber: event.trackingNumber,
          partial: event.partial,
        };
      } else if (event.type === 'po.received_at_warehouse') {
        leg = { ...base, warehouse: event.warehouse, qcNotes: event.qcNotes, photoUrls: event.photoUrls };
      } else if (event.type === 'po.shipped_international' || event.type === 'po.out_for_delivery') {
        leg = { ...base, carrier: event.carrier, trackingNumber: event.trackingNumber };
      }
      const target = statusOfEvent[event.type]!;
      const forward =
        !isFinalPo(status) &&
        poRank(target) > poRank(status) &&
        (statusAt === undefined || event.occurredAt >= statusAt);
      // A second domestic parcel (same status, later) is a leg of its own, not a late event.
      const sameStep = target === status && event.type === 'po.shipped_domestic';
      if (forward) {
        status = target;
        statusAt = event.occurredAt;
      } else if (!sameStep) {
        late = true;
      }
    }
  }
  const next: PoRecord = {
    ...record,
    status,
    ...(statusAt !== undefined && { statusAt }),
    lines,
    legs: [...record.legs, late ? { ...leg, late: true } : leg].sort((a, b) => a.at.localeCompare(b.at)),
    version: record.version + 1,
    updatedAt: now.toISOString(),
  };
  return { outcome: late ? 'recorded_late' : 'applied', record: next };
}

/**
 * The order's status its POs imply, or undefined while they imply no change: any rejected line
 * → exception; every line shipped domestically (or further) → shipped; some → partly_shipped.
 */
export function orderStatusFromPos(pos: readonly PoRecord[]): OrderStatus | undefined {
  if (pos.length === 0) return undefined;
  if (pos.some((p) => p.status === 'rejected' || p.lines.some((l) => l.status === 'rejected')))
    return 'exception';
  if (pos.every((p) => p.status === 'delivered')) return 'delivered';
  const shippedRank = poRank('shipped_domestic');
  const fullyShipped = (p: PoRecord) =>
    poRank(p.status) >= shippedRank && p.lines.every((l) => l.status === 'shipped');
  if (pos.every(fullyShipped)) return 'shipped';
  if (pos.some((p) => p.lines.some((l) => l.status === 'shipped'))) return 'partly_shipped';
  return undefined;
}

/** When the PO first left the supplier (its first domestic parcel), by the supply side's clock. */
export function shippedAt(record: PoRecord): string | undefined {
  return record.legs.find((l) => l.type === 'po.shipped_domestic')?.at;
}

/** A 48-hour promise: open (not shipped, past due), late (shipped after), on time, or not yet due. */
export function slaState(record: PoRecord, now: Date): 'open' | 'late' | 'on_time' | 'pending' | undefined {
  if (!record.slaShipBy || isFinalPo(record.status)) return undefined;
  const shipped = shippedAt(record);
  if (shipped) return shipped <= record.slaShipBy ? 'on_time' : 'late';
  return now.toISOString() > record.slaShipBy ? 'open' : 'pending';
}
