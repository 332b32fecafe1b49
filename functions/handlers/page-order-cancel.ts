import { GUEST_ACCESS_PARAM } from '../../core/buyers/guest-orders.ts';
import { DomainError } from '../../core/errors.ts';
import { href } from '../../storefront/context.ts';
import { implement } from '../http/route.ts';
import { checkForm, formOf, intField, seeOther } from './page-cart-forms.ts';
import { asPage, pageContext } from './page-kit.ts';

/**
 * POST /orders/{orderId}/cancel, the order page's cancel form: the order service cancels as the
 * buyer (while unpaid; the stock goes back once), for the version the page showed — as
 * POST /api/v1/orders/{orderId}/cancel does, and a guest through their link's token. 303 back.
 */
export const handler = implement('page-order-cancel', async (request) => {
  const input = asPage(request);
  const { tenant, shopper, services, params, event } = input;
  const ctx = pageContext(input);
  const form = formOf(event);
  await checkForm(services, shopper, form, event);
  const access = form.get('access') ?? undefined;
  const order = await services.orderService.forViewer(tenant.id, params.orderId, {
    ...(shopper.buyer && { buyerId: shopper.buyer.buyerId }),
    ...(access && { accessToken: access }),
  });
  const back = (done?: string) =>
    seeOther(
      href(ctx, `/orders/${encodeURIComponent(order.orderId)}`, {
        ...(access && { [GUEST_ACCESS_PARAM]: access }),
        ...(done && { done }),
      }),
      { 'referrer-policy': 'no-referrer' },
    );
  try {
    await services.orderService.cancel(order, 'buyer', 'buyer_cancelled', intField(form, 'version'));
  } catch (error) {
    // The order moved since the page was shown (paid, already cancelled): the page shows where it is now.
    if (
      error instanceof DomainError &&
      (error.code === 'CONFLICT' || error.code === 'ORDER_TRANSITION_INVALID')
    )
      return back();
    throw error;
  }
  return back('cancelled');
});
