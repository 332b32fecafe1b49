import type { ConsoleContext } from '../../console/context.ts';
import type { ConsoleView } from '../../console/layout.ts';
import { orderPage } from '../../console/pages/orders.ts';
import { orderTimeline } from '../../core/handoff/timeline.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import type { Services } from '../composition.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** The order page's view, loaded as the admin API's order answer is (order service, POs, timeline). */
export async function orderPageFor(
  services: Services,
  ctx: ConsoleContext,
  ids: { tenantId: string; orderId: string },
  state: { done?: string; problem?: { message: string } } = {},
): Promise<ConsoleView> {
  const { tenant, order } = await services.orderService.forPartner(ids.tenantId, ids.orderId);
  const pos = await services.handoffStore.byOrder(tenant.id, order.orderId);
  const view = presentOrder(order, tenant, ctx.locale, translatorFor(ctx.locale), 'partner');
  return orderPage(
    ctx,
    tenant.id,
    view,
    pos.map((p) => ({
      poId: p.poId,
      supplierName: p.po.supplierName,
      status: p.status,
      attempts: p.delivery.attempts,
      ...(p.slaShipBy && { slaShipBy: p.slaShipBy }),
    })),
    orderTimeline(order, pos, ctx.locale, tenant.timeZone),
    { ...state, receivedAt: new Date().toISOString() },
  );
}

/** GET /tenants/{tenantId}/orders/{orderId}: the order, its POs, timeline, payment and next steps. */
export const handler = implement('console-order', async (input) => {
  const ctx = await consolePage(input);
  return consoleAnswer(
    ctx,
    await orderPageFor(input.services, ctx, input.params, {
      ...(input.query.done && { done: input.query.done }),
    }),
  );
});
