import * as z from 'zod';
import { deadLettersPage } from '../../console/pages/dead-letters.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consoleForm, consolePage } from './console-kit.ts';

const replayForm = z.object({
  poIds: z.union([z.string().min(1).max(80), z.array(z.string().min(1).max(80)).min(1).max(100)]),
});

/** POST /dead-letters/replay: the chosen dead letters sent again, once each (handoff.replay). */
export const handler = implement('console-replay', async (input) => {
  const ctx = await consolePage(input);
  const { value } = consoleForm(input, replayForm);
  const poIds = Array.isArray(value.poIds) ? value.poIds : [value.poIds];
  const replayed = (await input.services.handoff.replay(poIds)) as { poId: string; state: string }[];
  const rows = (await input.services.handoff.deadLetters()).map((r) => ({
    tenantId: r.tenantId,
    orderId: r.orderId,
    poId: r.poId,
    supplierId: r.supplierId,
    attempts: r.delivery.attempts,
    ...(r.delivery.lastError !== undefined && { lastError: r.delivery.lastError }),
  }));
  return consoleAnswer(ctx, deadLettersPage(ctx, rows, replayed));
});
