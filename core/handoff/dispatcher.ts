import { DomainError } from '../errors.ts';
import { nextStatuses, type OrderActor, type OrderStatus } from '../orders/lifecycle.ts';
import type { Order, OutboxMessage } from '../orders/order.ts';
import type { OrderStore } from '../orders/store.ts';
import { changeStatus } from '../orders/transition.ts';
import type { PoCancellation, PoState, PurchaseOrder, SupplyEvent } from './protocol.ts';
import { purchaseOrdersOf, tenantOfPoId } from './purchase-orders.ts';
import {
  applyEvent,
  backoffMs,
  cancellationAnswered,
  defaultRetryPolicy,
  newPoRecord,
  orderStatusFromPos,
  type PoRecord,
  poRank,
  type RetryPolicy,
  requestCancellation,
  SHIP_48H_MS,
  slaState,
} from './records.ts';
import type { HandoffStore } from './store.ts';

/** The supply endpoint, as the platform calls it (adapters/supply/http-supply-client.ts). */
export interface SupplyClient {
  /** Sends a PO (idempotent by PO id); throws when it did not get through. */
  send(po: PurchaseOrder): Promise<PoState>;
  /** The supply side's view of a PO, or undefined when it does not know it. */
  get(poId: string): Promise<PoState | undefined>;
  /** Withdraws a PO (idempotent): the state it answers, or undefined when it never got the PO; throws when it did not get through. */
  cancel(cancellation: PoCancellation): Promise<PoState | undefined>;
}

export interface HandoffLog {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export interface HandoffPorts {
  orders: Pick<OrderStore, 'get' | 'update'>;
  store: HandoffStore;
  supply: SupplyClient;
  retry?: RetryPolicy;
  log: HandoffLog;
  now?: () => Date;
  random?: () => number;
  /** Whether the PO's supplier carries the 48-hour shipping badge (the catalog knows). */
  promises48h?: (po: PurchaseOrder) => Promise<boolean>;
}

/** Order statuses from which the POs are (re)sent: paid, pay-later handed off, re-sourced after an exception. */
const handoffStatuses: readonly OrderStatus[] = ['paid', 'handed_off'];

export type WebhookOutcome = 'applied' | 'late' | 'duplicate' | 'unknown_po' | 'unknown_line';

/**
 * The cross-border handoff: outbox messages become POs (stored once, sent with retries, parked
 * as dead letters after the last attempt), supply-side events move POs forward only, and the
 * order's status follows its POs.
 */
export function handoffService(ports: HandoffPorts) {
  const now = ports.now ?? (() => new Date());
  const policy = ports.retry ?? defaultRetryPolicy;
  const { store, supply, log } = ports;

  /** Saves, re-reading on a version conflict (another worker moved the PO): `change` decides again. */
  async function update(
    tenantId: string,
    poId: string,
    change: (record: PoRecord) => PoRecord | undefined,
  ): Promise<PoRecord | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const record = await store.get(tenantId, poId);
      if (!record) return undefined;
      const next = change(record);
      if (!next) return record;
      try {
        await store.save(record, next);
        return next;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      }
    }
    throw new DomainError('CONFLICT');
  }

  /**
   * One delivery attempt of a pending PO (or of its cancellation, once one is asked); a failure
   * schedules the next or parks it.
   */
  async function deliver(tenantId: string, poId: string): Promise<PoRecord | undefined> {
    const record = await store.get(tenantId, poId);
    if (record?.delivery.state !== 'pending') return record;
    const cancelling = record.cancellation !== undefined && record.cancellation.outcome === undefined;
    let outcome: { ok: true; state: PoState | undefined } | { ok: false; error: string };
    try {
      outcome = {
        ok: true,
        state: cancelling ? await supply.cancel(record.cancellation!) : await supply.send(record.po),
      };
    } catch (error) {
      outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const at = now();
    const saved = await update(tenantId, poId, (current) => {
      if (current.delivery.state !== 'pending') return undefined;
      // A cancellation asked while the PO itself was on its way: the next attempt carries it.
      if (!cancelling && current.cancellation) return undefined;
      const attempts = current.delivery.attempts + 1;
      if (outcome.ok) {
        const delivered: PoRecord = {
          ...current,
          delivery: { state: 'delivered', attempts, deliveredAt: at.toISOString() },
          version: current.version + 1,
          updatedAt: at.toISOString(),
        };
        return cancelling ? cancellationAnswered(delivered, outcome.state, at) : delivered;
      }
      const parked = attempts >= policy.maxAttempts;
      return {
        ...current,
        delivery: parked
          ? { state: 'dead_letter', attempts, lastError: outcome.error, parkedAt: at.toISOString() }
          : {
              state: 'pending',
              attempts,
              lastError: outcome.error,
              nextAttemptAt: new Date(at.getTime() + backoffMs(attempts, policy, ports.random)).toISOString(),
            },
        version: current.version + 1,
        updatedAt: at.toISOString(),
      };
    });
    if (saved?.delivery.state === 'dead_letter' && record.delivery.state === 'pending') {
      log.warn('purchase order parked as a dead letter', {
        poId,
        attempts: saved.delivery.attempts,
        error: saved.delivery.lastError,
      });
    } else if (!outcome.ok) {
      log.info('purchase order delivery failed, will retry', {
        poId,
        attempts: saved?.delivery.attempts,
        next: saved?.delivery.nextAttemptAt,
        error: outcome.error,
      });
    }
    return saved;
  }

  /** Moves the order, step by legal step, towards `target` as `actor` (a lost race re-reads). */
  async function moveOrder(
    order: Order,
    target: OrderStatus,
    actor: OrderActor,
    reason: string,
  ): Promise<Order> {
    let current = order;
    for (let guard = 0; guard < 6 && current.status !== target; guard++) {
      const options = nextStatuses(current.status, actor);
      const step = options.includes(target)
        ? target
        : options.find((s) => nextStatuses(s, actor).includes(target) && s !== 'exception');
      if (!step) return current;
      const change = changeStatus(current, step, actor, { now: now(), reason });
      try {
        await ports.orders.update(current, change.next, { release: change.release, outbox: change.outbox });
        current = change.next;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        const reread = await ports.orders.get(current.tenantId, current.orderId);
        if (!reread) return current;
        current = reread;
      }
    }
    return current;
  }

  async function followPos(tenantId: string, orderId: string): Promise<void> {
    const order = await ports.orders.get(tenantId, orderId);
    if (!order) return;
    const target = orderStatusFromPos(await store.byOrder(tenantId, orderId));
    if (!target || target === order.status) return;
    await moveOrder(order, target, 'supply', 'supply_update');
  }

  return {
    /** The stream's outbox message: POs stored once, the order handed off, each PO sent. */
    async handleOutbox(message: OutboxMessage): Promise<{ purchaseOrders: string[] }> {
      if (message.type === 'order.cancelled') {
        const order = await ports.orders.get(message.tenantId, message.orderId);
        const reason = order?.status === 'refunded' ? 'order_refunded' : 'order_cancelled';
        const pos = await store.byOrder(message.tenantId, message.orderId);
        const at = new Date(message.at);
        for (const po of pos) await update(po.tenantId, po.poId, (r) => requestCancellation(r, reason, at));
        await Promise.all(pos.map((po) => deliver(po.tenantId, po.poId)));
        return { purchaseOrders: pos.map((p) => p.poId) };
      }
      const order = await ports.orders.get(message.tenantId, message.orderId);
      if (!order || !handoffStatuses.includes(order.status)) {
        log.info('outbox message for an order not ready for supply: skipped', {
          orderId: message.orderId,
          status: order?.status,
        });
        return { purchaseOrders: [] };
      }
      const pos = purchaseOrdersOf(order, new Date(message.at));
      await store.createAll(
        pos.map((po) => newPoRecord(order.tenantId, order.orderId, po, new Date(message.at))),
      );
      if (order.status === 'paid') await moveOrder(order, 'handed_off', 'system', 'purchase_orders_created');
      await Promise.all(pos.map((po) => deliver(order.tenantId, po.poId)));
      return { purchaseOrders: pos.map((p) => p.poId) };
    },

    deliver,

    /** The retry sweep: every PO whose next attempt is due. */
    async retryDue(limit = 100): Promise<number> {
      const due = await store.due(now(), limit);
      let attempted = 0;
      for (const entry of due) {
        const record = await store.get(entry.tenantId, entry.poId);
        const current =
          record?.delivery.state === 'pending' &&
          record.delivery.nextAttemptAt !== undefined &&
          record.delivery.nextAttemptAt <= entry.dueAt;
        if (!current) {
          await store.dropRetry(entry.dueAt, entry.poId);
          continue;
        }
        await deliver(entry.tenantId, entry.poId);
        attempted++;
      }
      return attempted;
    },

    deadLetters: (limit = 100) => store.deadLetters(limit),

    /** POs whose 48-hour shipping promise is broken and still open (not shipped), newest first. */
    async slaFlags(tenantId: string) {
      const at = now();
      return (await store.withShippingPromise(tenantId, at, 500))
        .filter((r) => slaState(r, at) === 'open')
        .map((r) => ({
          poId: r.poId,
          orderId: r.orderId,
          orderReference: r.po.orderReference,
          supplierId: r.supplierId,
          supplierName: r.po.supplierName,
          shipBy: r.slaShipBy!,
          status: r.status,
        }));
    },

    /** Each supplier's record on this tenant's POs: 48-hour promises kept, broken, open; lines rejected. */
    async supplierRecords(tenantId: string) {
      const at = now();
      const promised = await store.withShippingPromise(tenantId, new Date(at.getTime() + SHIP_48H_MS), 1000);
      const notices = await store.notices(tenantId, 1000);
      const bySupplier = new Map<
        string,
        { supplierId: string; onTime: number; late: number; open: number; rejectedLines: number }
      >();
      const entry = (supplierId: string) => {
        let e = bySupplier.get(supplierId);
        if (!e) {
          e = { supplierId, onTime: 0, late: 0, open: 0, rejectedLines: 0 };
          bySupplier.set(supplierId, e);
        }
        return e;
      };
      for (const r of promised) {
        const state = slaState(r, at);
        if (state === 'on_time') entry(r.supplierId).onTime++;
        else if (state === 'late') entry(r.supplierId).late++;
        else if (state === 'open') entry(r.supplierId).open++;
      }
      for (const n of notices) if (n.kind === 'line_rejected') entry(n.supplierId).rejectedLines++;
      return [...bySupplier.values()]
        .map((e) => {
          const judged = e.onTime + e.late + e.open;
          return { ...e, onTimeShare: judged === 0 ? null : Math.round((e.onTime / judged) * 1000) / 1000 };
        })
        .sort((a, b) => a.supplierId.localeCompare(b.supplierId));
    },

    /** Dead letters back in the queue, sent once now (all of them, or the PO ids given). */
    async replay(poIds?: readonly string[]): Promise<{ poId: string; state: string }[]> {
      const parked = (await store.deadLetters(1000)).filter((r) => !poIds || poIds.includes(r.poId));
      const results: { poId: string; state: string }[] = [];
      for (const record of parked) {
        await update(record.tenantId, record.poId, (current) =>
          current.delivery.state === 'dead_letter'
            ? {
                ...current,
                delivery: { state: 'pending', attempts: 0, nextAttemptAt: now().toISOString() },
                version: current.version + 1,
                updatedAt: now().toISOString(),
              }
            : undefined,
        );
        const after = await deliver(record.tenantId, record.poId);
        results.push({ poId: record.poId, state: after?.delivery.state ?? 'missing' });
      }
      return results;
    },

    /**
     * A verified webhook: ignored when its event id was seen; applied by its time and the PO's
     * status order; the supply side re-read when the PO or line is unknown here or the event
     * skips steps (events were lost); then the order follows its POs.
     */
    async receiveEvent(event: SupplyEvent): Promise<WebhookOutcome> {
      const tenantId = tenantOfPoId(event.poId);
      const record = tenantId ? await store.get(tenantId, event.poId) : undefined;
      if (!tenantId || !record) {
        log.warn('supply event for an unknown purchase order: ignored', {
          poId: event.poId,
          eventId: event.eventId,
        });
        return 'unknown_po';
      }
      if (record.legs.some((l) => l.eventId === event.eventId)) return 'duplicate';
      const outcome = await applyOne(record, event);
      if (outcome === 'unknown_line' || outcome === 'gap') {
        await reconcile(tenantId, event.poId);
        const latest = await store.get(tenantId, event.poId);
        if (outcome === 'gap' && latest) await applyOne(latest, event, true);
        await followPos(tenantId, record.orderId);
        return outcome === 'gap' ? 'applied' : 'unknown_line';
      }
      if (outcome === 'applied' || outcome === 'late') await followPos(tenantId, record.orderId);
      if (outcome === 'applied' && event.type === 'po.line_rejected') {
        await ports.store.notify({
          tenantId,
          noticeId: event.eventId,
          at: now().toISOString(),
          kind: 'line_rejected',
          orderId: record.orderId,
          orderReference: record.po.orderReference,
          poId: record.poId,
          supplierId: record.supplierId,
          lineId: event.lineId,
          reason: event.reason,
        });
      }
      return outcome;
    },
  };

  /** Applies one event (re-reading on a conflict); 'gap' when it skips steps and should be reconciled. */
  async function applyOne(
    first: PoRecord,
    event: SupplyEvent,
    allowGap = false,
  ): Promise<'applied' | 'late' | 'duplicate' | 'unknown_line' | 'gap'> {
    let record: PoRecord | undefined = first;
    for (let attempt = 0; attempt < 5 && record; attempt++) {
      if (record.legs.some((l) => l.eventId === event.eventId)) return 'duplicate';
      const result = applyEvent(record, event, now());
      if (result.outcome === 'unknown_line') return 'unknown_line';
      if (
        !allowGap &&
        result.outcome === 'applied' &&
        poRank(result.record.status) - poRank(record.status) > 1 &&
        result.record.status !== 'rejected'
      ) {
        return 'gap';
      }
      try {
        const saved = await store.save(record, result.record, { eventId: event.eventId });
        if (saved === 'duplicate_event') return 'duplicate';
        return result.outcome === 'applied' ? 'applied' : 'late';
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        record = await store.get(first.tenantId, first.poId);
      }
    }
    throw new DomainError('CONFLICT');
  }

  /** Re-reads the PO from the supply side and applies every event it reports that is not here yet, oldest first. */
  async function reconcile(tenantId: string, poId: string): Promise<void> {
    const state = await supply.get(poId);
    if (!state) return;
    const events = [...state.events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    for (const event of events) {
      const record = await store.get(tenantId, poId);
      if (!record) return;
      await applyOne(record, event, true);
    }
    log.info('purchase order re-read from the supply side', { poId, events: events.length });
  }
}

export type HandoffService = ReturnType<typeof handoffService>;
