import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, principalOf } from './console-kit.ts';
import { stepPage } from './console-launch-kit.ts';

/** GET /tenants/{tenantId}/launch/{step}: one step of the flow, filled from the tenant's draft. */
export const handler = implement('console-launch-step', async (input) => {
  const ctx = await consolePage(input);
  const view = await stepPage(input.services, principalOf(input), ctx, input.params.step, {
    saved: input.event.queryStringParameters?.saved === '1',
  });
  return consoleAnswer(ctx, view);
});
