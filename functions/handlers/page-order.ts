import { orderTimeline } from '../../core/handoff/timeline.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { vietQrSvg } from '../../core/payments/vietqr-svg.ts';
import { orderPage } from '../../storefront/pages/order.ts';
import { implement } from '../http/route.ts';
import { csrfFor } from './page-cart-forms.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';

/**
 * GET /orders/{orderId}: the order as GET /api/v1/orders/{orderId} shows it (the same viewer
 * rule: the signed-in buyer's own, or a guest's through the token of the mailed link), as a page
 * with the VietQR code drawn, the handoff timeline and the cancel form while unpaid. Never stored,
 * and no Referer leaves it (a guest's link holds the token).
 */
export const handler = implement('page-order', async (request) => {
  const input = asPage(request);
  const { tenant, locale, shopper, services, params, query, event } = input;
  const ctx = pageContext(input);
  const order = await services.orderService.forViewer(tenant.id, params.orderId, {
    ...(shopper.buyer && { buyerId: shopper.buyer.buyerId }),
    ...(query.access && { accessToken: query.access }),
  });
  const view = presentOrder(order, tenant, locale, ctx.t, 'buyer');
  const [pos, csrf, qrSvg] = await Promise.all([
    services.handoffStore.byOrder(tenant.id, order.orderId),
    csrfFor(services, shopper),
    view.payment.vietQr ? vietQrSvg(view.payment.vietQr) : undefined,
  ]);
  const done = event.queryStringParameters?.done;
  const body = orderPage(ctx, {
    order: view,
    timeline: orderTimeline(order, pos, locale, tenant.timeZone),
    csrf,
    ...(qrSvg && { qrSvg }),
    ...(query.access && { access: query.access }),
    ...(done === 'placed' && { placed: true }),
    ...(done === 'cancelled' && { cancelled: true }),
  });
  return htmlAnswer(ctx, event, body, { cache: { ...privateCache, 'referrer-policy': 'no-referrer' } });
});
