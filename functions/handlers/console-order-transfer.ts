import * as z from 'zod';
import { tenantPath } from '../../console/context.ts';
import { implement } from '../http/route.ts';
import { consoleForm, consolePage, orFormAgain, seeOther } from './console-kit.ts';
import { orderPageFor } from './console-order.ts';

const transferForm = z.object({
  reference: z.string().trim().min(1).max(40),
  amountMinor: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  receivedAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(500).optional(),
});

/** POST /tenants/{tenantId}/orders/{orderId}/bank-transfer: the money arrived (payments.markTransferReceived). */
export const handler = implement('console-order-transfer', async (input) => {
  const ctx = await consolePage(input);
  return orFormAgain(
    ctx,
    async () => {
      const { value } = consoleForm(input, transferForm);
      await input.services.payments.markTransferReceived(input.principal, input.params.tenantId, {
        reference: value.reference,
        amountMinor: value.amountMinor,
        receivedAt: value.receivedAt,
        ...(value.note && { note: value.note }),
      });
      return seeOther(`${tenantPath(input.params.tenantId, `/orders/${input.params.orderId}`)}?done=paid`);
    },
    (problem) => orderPageFor(input.services, ctx, input.params, { problem }),
  );
});
