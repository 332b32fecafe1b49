import { presentOrderSummary } from '../../core/orders/present.ts';
import { ordersPage } from '../../storefront/pages/account.ts';
import { implement } from '../http/route.ts';
import { accountAnswer, accountContext, toSignIn } from './page-account-kit.ts';
import { asPage } from './page-kit.ts';

const PAGE_SIZE = 10;

/**
 * GET /account/orders: the signed-in buyer's orders on this site, newest first, a page at a
 * time (the API's list): status in their language, totals in the site's currency, times in the
 * site's time zone, each linking to its order page.
 */
export const handler = implement('page-account-orders', async (request) => {
  const input = asPage(request);
  const { ctx, header } = await accountContext(input);
  const { buyer } = input.shopper;
  if (!buyer) return toSignIn(ctx, input.event);
  const { cursor } = input.query;
  const page = await input.services.orderService.listForBuyer(input.tenant.id, buyer.buyerId, {
    limit: PAGE_SIZE,
    ...(cursor && { cursor }),
  });
  const orders = page.orders.map((o) => presentOrderSummary(o, input.tenant, input.locale, ctx.t));
  return accountAnswer(
    ctx,
    input.event,
    ordersPage(ctx, header, orders, page.nextCursor, cursor !== undefined),
  );
});
