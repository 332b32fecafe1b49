import * as z from 'zod';
import { tenantPath } from '../../console/context.ts';
import { isOperator } from '../../core/tenants/admin-auth.ts';
import { implement } from '../http/route.ts';
import { consoleForm, consolePage, orFormAgain, seeOther } from './console-kit.ts';
import { orderPageFor } from './console-order.ts';

const cancelForm = z.object({
  version: z.coerce.number().int().min(1),
  reason: z.string().trim().max(200).optional(),
});

/** POST /tenants/{tenantId}/orders/{orderId}/cancel: staff cancel (orderService.cancel; stock goes back once). */
export const handler = implement('console-order-cancel', async (input) => {
  const ctx = await consolePage(input);
  return orFormAgain(
    ctx,
    async () => {
      const { value } = consoleForm(input, cancelForm);
      const { order } = await input.services.orderService.forPartner(
        input.params.tenantId,
        input.params.orderId,
      );
      await input.services.orderService.cancel(
        order,
        isOperator(input.principal) ? 'operator' : 'partner',
        value.reason || 'partner_cancelled',
        value.version,
      );
      return seeOther(
        `${tenantPath(input.params.tenantId, `/orders/${input.params.orderId}`)}?done=cancelled`,
      );
    },
    (problem) => orderPageFor(input.services, ctx, input.params, { problem }),
  );
});
