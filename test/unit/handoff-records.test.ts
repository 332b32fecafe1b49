import { describe, expect, it } from 'vitest';
import type { SupplyEvent } from '../../core/handoff/protocol.ts';
import { purchaseOrdersOf } from '../../core/handoff/purchase-orders.ts';
import {
  applyEvent,
  backoffMs,
  cancellationAnswered,
  defaultRetryPolicy,
  newPoRecord,
  orderStatusFromPos,
  type PoRecord,
  requestCancellation,
} from '../../core/handoff/records.ts';
import { orderTimeline } from '../../core/handoff/timeline.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';

const now = new Date('2026-12-01T08:00:00.000Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
let n = 0;
const ev = <T extends SupplyEvent['type']>(
  record: PoRecord,
  type: T,
  minutes: number,
  extra: Record<string, unknown> = {},
): SupplyEvent =>
  ({
    eventId: `evt_${++n}_abcdefgh`,
    poId: record.poId,
    type,
    occurredAt: at(minutes),
    ...extra,
  }) as SupplyEvent;

function recordOf(lines = 2): PoRecord {
  const order = paidOrder(
    Array.from({ length: lines }, (_, i) => orderLine({ supplierId: 's', lineId: `l${i}` })),
  );
  return newPoRecord('vn', order.orderId, purchaseOrdersOf(order, now)[0]!, now);
}

function applyAll(record: PoRecord, events: SupplyEvent[]): PoRecord {
  return events.reduce((r, e) => {
    const result = applyEvent(r, e, now);
    if (result.outcome === 'unknown_line') throw new Error('unknown line');
    return result.record;
  }, record);
}

describe('a PO moves forward only', () => {
  it('applies statuses in order and keeps carrier and tracking number on the leg', () => {
    const r = recordOf();
    const next = applyAll(r, [
      ev(r, 'po.accepted', 1),
      ev(r, 'po.shipped_domestic', 2, { carrier: 'ZTO', trackingNumber: '7531000', partial: false }),
    ]);
    expect(next.status).toBe('shipped_domestic');
    expect(next.lines.map((l) => [l.status, l.shippedQuantity])).toEqual([
      ['shipped', 10],
      ['shipped', 10],
    ]);
    expect(next.legs.at(-1)).toMatchObject({ carrier: 'ZTO', trackingNumber: '7531000' });
  });

  it('a late accepted (earlier time, after shipped) is recorded as late and moves nothing back', () => {
    const r = recordOf();
    const shipped = applyAll(r, [
      ev(r, 'po.shipped_domestic', 2, { carrier: 'YTO', trackingNumber: 'YT12345', partial: false }),
    ]);
    const result = applyEvent(shipped, ev(r, 'po.accepted', 1), now);
    expect(result.outcome).toBe('recorded_late');
    if (result.outcome === 'unknown_line') throw new Error();
    expect(result.record.status).toBe('shipped_domestic');
    expect(result.record.legs.map((l) => [l.type, l.late ?? false])).toEqual([
      ['po.accepted', true],
      ['po.shipped_domestic', false],
    ]);
  });

  it('an earlier status never moves a PO back, even stamped later than the current one', () => {
    const r = recordOf();
    const shipped = applyAll(r, [
      ev(r, 'po.shipped_domestic', 2, { carrier: 'YTO', trackingNumber: 'YT12345', partial: false }),
    ]);
    const result = applyEvent(shipped, ev(r, 'po.accepted', 3), now);
    expect(result.outcome).toBe('recorded_late');
    if (result.outcome === 'unknown_line') throw new Error();
    expect(result.record.status).toBe('shipped_domestic');
  });

  it('a later status with an older time than the current one does not move the PO', () => {
    const r = applyAll(recordOf(), []);
    const warehouse = applyAll(r, [
      ev(r, 'po.received_at_warehouse', 10, { warehouse: 'Yiwu', qcNotes: 'ok', photoUrls: [] }),
    ]);
    const result = applyEvent(
      warehouse,
      ev(r, 'po.shipped_international', 5, { carrier: 'SF', trackingNumber: 'SF1234', laneId: 'air' }),
      now,
    );
    expect(result.outcome).toBe('recorded_late');
    if (result.outcome === 'unknown_line') throw new Error();
    expect(result.record.status).toBe('at_warehouse');
    const newer = applyEvent(
      result.record,
      ev(r, 'po.shipped_international', 11, { carrier: 'SF', trackingNumber: 'SF1234', laneId: 'air' }),
      now,
    );
    expect(newer.outcome).toBe('applied');
  });

  it('a rejected line marks the line; every line rejected rejects the PO; an unknown line is refused', () => {
    const r = recordOf(2);
    const one = applyAll(r, [ev(r, 'po.line_rejected', 1, { lineId: 'l0', reason: 'out_of_stock' })]);
    expect(one.status).toBe('sent');
    expect(one.lines[0]!.status).toBe('rejected');
    const both = applyAll(one, [ev(r, 'po.line_rejected', 1, { lineId: 'l1', reason: 'out_of_stock' })]);
    expect(both.status).toBe('rejected');
    expect(
      applyEvent(r, ev(r, 'po.line_rejected', 1, { lineId: 'nope', reason: 'other' }), now).outcome,
    ).toBe('unknown_line');
  });
});

describe("the order's status from its POs", () => {
  it('partly shipped, shipped, delivered, exception', () => {
    const a = recordOf(2);
    const b = recordOf(1);
    const partA = applyAll(a, [
      ev(a, 'po.shipped_domestic', 1, {
        carrier: 'ZTO',
        trackingNumber: '75310001',
        partial: true,
        lines: [{ lineId: 'l0', quantity: 10 }],
      }),
    ]);
    expect(orderStatusFromPos([a, b])).toBeUndefined();
    expect(orderStatusFromPos([partA, b])).toBe('partly_shipped');
    const allA = applyAll(partA, [
      ev(a, 'po.shipped_domestic', 2, {
        carrier: 'ZTO',
        trackingNumber: '75310002',
        partial: false,
        lines: [{ lineId: 'l1', quantity: 10 }],
      }),
    ]);
    expect(orderStatusFromPos([allA, b])).toBe('partly_shipped');
    const allB = applyAll(b, [
      ev(b, 'po.shipped_domestic', 2, { carrier: 'YTO', trackingNumber: 'YT000001', partial: false }),
    ]);
    expect(orderStatusFromPos([allA, allB])).toBe('shipped');
    const delivered = (r: PoRecord) => applyAll(r, [ev(r, 'po.delivered', 30)]);
    expect(orderStatusFromPos([delivered(allA), allB])).toBe('shipped');
    expect(orderStatusFromPos([delivered(allA), delivered(allB)])).toBe('delivered');
    const rejected = applyAll(b, [ev(b, 'po.line_rejected', 1, { lineId: 'l0', reason: 'out_of_stock' })]);
    expect(orderStatusFromPos([allA, rejected])).toBe('exception');
  });
});

describe('retry backoff', () => {
  it('doubles per attempt with jitter: 8 attempts span about 4 hours', () => {
    const mid = () => 0.5;
    const waits = Array.from({ length: 7 }, (_, i) => backoffMs(i + 1, defaultRetryPolicy, mid));
    expect(waits[1]! / waits[0]!).toBe(2);
    const hours = waits.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(hours).toBeGreaterThan(3.8);
    expect(hours).toBeLessThan(4.2);
    expect(backoffMs(1, defaultRetryPolicy, () => 0)).toBe(Math.round(113_000 * 0.75));
    expect(backoffMs(1, defaultRetryPolicy, () => 0.999)).toBeLessThan(113_000 * 1.25);
  });
});

describe('the timeline', () => {
  it('in Vietnamese, in the tenant time zone, ordered by supply-side time, legs with carrier and tracking', () => {
    const order = paidOrder([orderLine({ supplierId: 's', lineId: 'l0' })]);
    const r = newPoRecord('vn', order.orderId, purchaseOrdersOf(order, now)[0]!, new Date(at(0)));
    const shipped = applyAll(r, [
      ev(r, 'po.shipped_domestic', 120, { carrier: 'ZTO', trackingNumber: '75319999', partial: false }),
      ev(r, 'po.accepted', 60),
    ]);
    const timeline = orderTimeline(order, [shipped], 'vi', 'Asia/Ho_Chi_Minh');
    expect(timeline.map((e) => e.kind)).toEqual([
      'order_placed',
      'order_paid',
      'po_placed',
      'accepted',
      'shipped_domestic',
    ]);
    const leg = timeline.at(-1)!;
    expect(leg).toMatchObject({
      carrier: 'ZTO',
      trackingNumber: '75319999',
      title: 'Đã gửi đến kho gom hàng qua ZTO',
    });
    // 08:00Z + 2 h = 10:00Z = 17:00 in Hanoi.
    expect(leg.time).toContain('17:00');
    expect(timeline[3]).toMatchObject({ title: 'Supplier s đã xác nhận đơn', late: 'Báo muộn' });
    const ko = orderTimeline(order, [shipped], 'ko', 'Asia/Seoul');
    expect(ko.at(-1)!.title).toBe('ZTO(으)로 통합 물류창고로 발송');
  });
});

describe('withdrawing a PO whose order was cancelled', () => {
  const stateOf = (record: PoRecord, status: PoRecord['status']) => ({
    poId: record.poId,
    status,
    receivedAt: at(0),
    updatedAt: at(1),
    lines: [],
    events: [],
  });

  it('makes the cancellation the pending delivery, once, and never for a final PO', () => {
    const delivered: PoRecord = { ...recordOf(), delivery: { state: 'delivered', attempts: 1 } };
    const asked = requestCancellation(delivered, 'order_cancelled', now)!;
    expect(asked.cancellation).toEqual({
      poId: delivered.poId,
      reason: 'order_cancelled',
      requestedAt: at(0),
    });
    expect(asked.delivery).toEqual({ state: 'pending', attempts: 0, nextAttemptAt: at(0) });
    expect(asked.version).toBe(delivered.version + 1);
    expect(requestCancellation(asked, 'order_refunded', now)).toBeUndefined();
    expect(requestCancellation({ ...delivered, status: 'rejected' }, 'order_cancelled', now)).toBeUndefined();
  });

  it('is cancelled when the supply side withdrew it or never had it; too late once a parcel left', () => {
    const asked = requestCancellation(recordOf(), 'order_cancelled', now)!;
    const later = new Date(at(5));
    expect(cancellationAnswered(asked, stateOf(asked, 'cancelled'), later)).toMatchObject({
      status: 'cancelled',
      cancellation: { outcome: 'cancelled', answeredAt: at(5) },
    });
    expect(cancellationAnswered(asked, undefined, later).status).toBe('cancelled');
    const shipped = { ...asked, status: 'shipped_domestic' as const };
    expect(cancellationAnswered(shipped, stateOf(asked, 'shipped_domestic'), later)).toMatchObject({
      status: 'shipped_domestic',
      cancellation: { outcome: 'too_late' },
    });
  });

  it('moves no further on events that arrive after it was withdrawn', () => {
    const cancelled: PoRecord = { ...recordOf(), status: 'cancelled' };
    const result = applyEvent(
      cancelled,
      ev(cancelled, 'po.shipped_domestic', 3, { carrier: 'ZTO', trackingNumber: '75310001', partial: false }),
      now,
    );
    expect(result.outcome).toBe('recorded_late');
    expect(result.outcome !== 'unknown_line' && result.record.status).toBe('cancelled');
  });

  it('shows the withdrawal on the buyer timeline in their language', () => {
    const order = paidOrder([orderLine({ supplierId: 's', lineId: 'l0' })]);
    const record = cancellationAnswered(
      requestCancellation(
        newPoRecord('vn', order.orderId, purchaseOrdersOf(order, now)[0]!, now),
        'order_cancelled',
        now,
      )!,
      undefined,
      new Date(at(5)),
    );
    const last = orderTimeline(order, [record], 'ko', 'Asia/Seoul').at(-1)!;
    expect(last).toMatchObject({ kind: 'po_cancelled', at: at(5) });
    expect(last.title).toMatch(/발주서 취소 완료$/);
  });
});
