import { deadLettersPage } from '../../console/pages/dead-letters.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage } from './console-kit.ts';

/** GET /dead-letters: every PO parked after its last delivery attempt (operator). */
export const handler = implement('console-dead-letters', async (input) => {
  const ctx = await consolePage(input);
  const rows = (await input.services.handoff.deadLetters()).map((r) => ({
    tenantId: r.tenantId,
    orderId: r.orderId,
    poId: r.poId,
    supplierId: r.supplierId,
    attempts: r.delivery.attempts,
    ...(r.delivery.lastError !== undefined && { lastError: r.delivery.lastError }),
  }));
  return consoleAnswer(ctx, deadLettersPage(ctx, rows));
});
