import * as z from 'zod';
import { launchPath } from '../../console/launch/pages.ts';
import { implement } from '../http/route.ts';
import { consoleForm, principalOf, seeOther } from './console-kit.ts';
import { launchDrafts } from './console-launch-kit.ts';

/** POST /tenants/{tenantId}/launch/rebase: the outdated draft's own changes carried onto the live version. */
export const handler = implement('console-launch-rebase', async (input) => {
  consoleForm(input, z.object({ revision: z.string().optional() }));
  const { overlapping } = await launchDrafts(input.services).rebase(
    principalOf(input),
    input.params.tenantId,
  );
  const query = overlapping.length > 0 ? `?overlapping=${encodeURIComponent(overlapping.join(','))}` : '';
  return seeOther(launchPath(input.params.tenantId, `/publish${query}`));
});
