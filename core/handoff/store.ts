import type { PoRecord } from './records.ts';

/** Something the partner must see about an order's POs (a line rejected as out of stock). */
export interface PartnerNotice {
  tenantId: string;
  noticeId: string;
  at: string;
  kind: 'line_rejected' | 'po_rejected' | 'dead_letter';
  orderId: string;
  orderReference: string;
  poId: string;
  supplierId: string;
  lineId?: string;
  reason?: string;
}

/** Where POs live (adapters/dynamodb/handoff-store.ts). */
export interface HandoffStore {
  /** Stores each record unless its PO id is already stored (then the stored one stands). */
  createAll(records: readonly PoRecord[]): Promise<void>;
  byOrder(tenantId: string, orderId: string): Promise<PoRecord[]>;
  get(tenantId: string, poId: string): Promise<PoRecord | undefined>;
  /**
   * Replaces `previous` with `next` if still at `previous.version` (else CONFLICT), keeping the
   * retry queue and the dead letters in step with `next.delivery`. With `eventId`, the event is
   * recorded in the same write: an event id seen before answers 'duplicate_event' and nothing
   * changes.
   */
  save(
    previous: PoRecord,
    next: PoRecord,
    options?: { eventId?: string },
  ): Promise<'saved' | 'duplicate_event'>;
  /** Queue entries due at `now`, oldest first (an entry may be stale: check the PO). */
  due(now: Date, limit: number): Promise<{ tenantId: string; poId: string; dueAt: string }[]>;
  /** Removes a stale queue entry. */
  dropRetry(dueAt: string, poId: string): Promise<void>;
  /** Every parked PO (all tenants: the operator's list). */
  deadLetters(limit: number): Promise<PoRecord[]>;
  /** A tenant's POs with a 48-hour promise, by ship-by time (up to `until`). */
  withShippingPromise(tenantId: string, until: Date, limit: number): Promise<PoRecord[]>;
  notify(notice: PartnerNotice): Promise<void>;
  notices(tenantId: string, limit: number): Promise<PartnerNotice[]>;
}
