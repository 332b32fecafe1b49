import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/admin/supply/dead-letters: every PO parked after its last delivery attempt. */
export const handler = implement('supply-dead-letters', async ({ services }) => ({
  headers: noStore,
  body: {
    deadLetters: (await services.handoff.deadLetters()).map((r) => ({
      tenantId: r.tenantId,
      orderId: r.orderId,
      poId: r.poId,
      supplierId: r.supplierId,
      attempts: r.delivery.attempts,
      ...(r.delivery.lastError !== undefined && { lastError: r.delivery.lastError }),
      ...(r.delivery.parkedAt !== undefined && { parkedAt: r.delivery.parkedAt }),
      po: r.po,
    })),
  },
}));
