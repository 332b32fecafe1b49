import { ordersPage } from '../../console/pages/orders.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrderSummary } from '../../core/orders/present.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** GET /tenants/{tenantId}/orders?status=: orders of one status, open SLA flags, suppliers' records. */
export const handler = implement('console-orders', async (input) => {
  const ctx = await consolePage(input);
  const { services, params, query } = input;
  const tenant = await services.orderService.site(params.tenantId);
  const [page, flags, suppliers] = await Promise.all([
    services.orderService.listForPartner(tenant.id, query.status, {
      limit: 50,
      ...(query.cursor && { cursor: query.cursor }),
    }),
    services.handoff.slaFlags(tenant.id),
    services.handoff.supplierRecords(tenant.id),
  ]);
  const t = translatorFor(ctx.locale);
  return consoleAnswer(
    ctx,
    ordersPage(
      ctx,
      tenant.id,
      query.status,
      page.orders.map((o) => presentOrderSummary(o, tenant, ctx.locale, t)),
      { ...(page.nextCursor && { nextCursor: page.nextCursor }), flags, suppliers },
    ),
  );
});
