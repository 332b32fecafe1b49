import type { PoRecord } from '../../../core/handoff/records.ts';
import type { PartnerNotice } from '../../../core/handoff/store.ts';
import { defineEntity, type TableKey, tenantPrefix } from './keys.ts';

/** A purchase order, in its order's partition (an order's POs are one Query). */
export const purchaseOrder = defineEntity({
  name: 'purchaseOrder',
  scope: 'tenant',
  key: ({ tenantId, orderId, poId }: { tenantId: string; orderId: string; poId: string }) => ({
    pk: `${tenantPrefix(tenantId)}ORDER#${orderId}`,
    sk: `PO#${poId}`,
  }),
  query: ({ tenantId, orderId }: { tenantId: string; orderId: string }) => ({
    pk: `${tenantPrefix(tenantId)}ORDER#${orderId}`,
    skPrefix: 'PO#',
  }),
  example: {
    tenantId: 'vn',
    orderId: 'o_0123456789abcdef0123456789abcdef',
    poId: 'po_vn_0123456789abcdef01234567',
  },
});

export interface PurchaseOrderItem extends TableKey {
  record: PoRecord;
  version: number;
}

/** PO id → its order (a webhook names only the PO). */
export const purchaseOrderPointer = defineEntity({
  name: 'purchaseOrderPointer',
  scope: 'tenant',
  key: ({ tenantId, poId }: { tenantId: string; poId: string }) => ({
    pk: `${tenantPrefix(tenantId)}PO#${poId}`,
    sk: 'PO',
  }),
  example: { tenantId: 'vn', poId: 'po_vn_0123456789abcdef01234567' },
});

export interface PurchaseOrderPointerItem extends TableKey {
  orderId: string;
}

/** A supply event id seen for a PO: written with the change it made, so a repeat is refused. */
export const supplyEventSeen = defineEntity({
  name: 'supplyEventSeen',
  scope: 'tenant',
  key: ({ tenantId, poId, eventId }: { tenantId: string; poId: string; eventId: string }) => ({
    pk: `${tenantPrefix(tenantId)}PO#${poId}`,
    sk: `EVENT#${eventId}`,
  }),
  example: { tenantId: 'vn', poId: 'po_vn_0123456789abcdef01234567', eventId: 'evt_0123456789abcdef' },
});

/** The retry queue across tenants: a pointer per pending PO, ordered by when its next attempt is due. */
export const handoffRetry = defineEntity({
  name: 'handoffRetry',
  scope: 'platform',
  key: ({ dueAt, poId }: { dueAt: string; poId: string }) => ({
    pk: 'HANDOFF#RETRY',
    sk: `${dueAt}|${poId}`,
  }),
  query: () => ({ pk: 'HANDOFF#RETRY', skPrefix: '' }),
  example: { dueAt: '2026-12-01T10:00:00.000Z', poId: 'po_vn_0123456789abcdef01234567' },
});

/** Parked POs across tenants (the operator's list): a pointer per dead letter. */
export const handoffDeadLetter = defineEntity({
  name: 'handoffDeadLetter',
  scope: 'platform',
  key: ({ poId }: { poId: string }) => ({ pk: 'HANDOFF#DEAD', sk: poId }),
  query: () => ({ pk: 'HANDOFF#DEAD', skPrefix: '' }),
  example: { poId: 'po_vn_0123456789abcdef01234567' },
});

export interface HandoffPointerItem extends TableKey {
  tenantId: string;
  orderId: string;
  poId: string;
}

/** What a partner is told about its orders' POs, newest first. */
export const partnerNotice = defineEntity({
  name: 'partnerNotice',
  scope: 'tenant',
  key: ({ tenantId, at, noticeId }: { tenantId: string; at: string; noticeId: string }) => ({
    pk: `${tenantPrefix(tenantId)}NOTICES`,
    sk: `${at}|${noticeId}`,
  }),
  query: ({ tenantId }: { tenantId: string }) => ({ pk: `${tenantPrefix(tenantId)}NOTICES`, skPrefix: '' }),
  example: { tenantId: 'vn', at: '2026-12-01T10:00:00.000Z', noticeId: 'evt_0123456789abcdef' },
});

export interface PartnerNoticeItem extends TableKey {
  notice: PartnerNotice;
}

/** A PO with a 48-hour shipping promise, by its ship-by time: the partner's SLA flags and supplier records. */
export const poShippingPromise = defineEntity({
  name: 'poShippingPromise',
  scope: 'tenant',
  key: ({ tenantId, shipBy, poId }: { tenantId: string; shipBy: string; poId: string }) => ({
    pk: `${tenantPrefix(tenantId)}SLA`,
    sk: `${shipBy}|${poId}`,
  }),
  query: ({ tenantId }: { tenantId: string }) => ({ pk: `${tenantPrefix(tenantId)}SLA`, skPrefix: '' }),
  example: { tenantId: 'vn', shipBy: '2026-12-03T10:00:00.000Z', poId: 'po_vn_0123456789abcdef01234567' },
});
