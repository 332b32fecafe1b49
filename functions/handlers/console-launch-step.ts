import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, principalOf } from './console-kit.ts';
import { stepPage } from './console-launch-kit.ts';

/** GET /tenants/{tenantId}/launch/{step}: one step of the flow, filled from the tenant's draft. */
export const handler = implement('console-launch-step', async (input) => {
  const ctx = await consolePage(input);
  const query = input.event.queryStringParameters;
  const key = query?.key;
  const view = await stepPage(input.services, principalOf(input), ctx, input.params.step, {
    saved: query?.saved === '1',
    ...((key === 'set' || key === 'removed') && { providerKey: { done: key } }),
  });
  return consoleAnswer(ctx, view);
});
