import * as z from 'zod';
import { launchPath } from '../../console/launch/pages.ts';
import { implement } from '../http/route.ts';
import { consoleForm, principalOf, seeOther } from './console-kit.ts';
import { launchDrafts } from './console-launch-kit.ts';

/** POST /tenants/{tenantId}/launch/discard: drops the draft (audited); the live site is untouched. */
export const handler = implement('console-launch-discard', async (input) => {
  consoleForm(input, z.object({ revision: z.string().optional() }));
  await launchDrafts(input.services).discard(principalOf(input), input.params.tenantId);
  return seeOther(launchPath(input.params.tenantId, '/publish'));
});
