import { launchPath } from '../../console/launch/pages.ts';
import { implement } from '../http/route.ts';
import { seeOther } from './console-kit.ts';

/** GET /tenants/{tenantId}/launch: the flow starts at its first step. */
export const handler = implement('console-launch-start', async ({ params }) =>
  seeOther(launchPath(params.tenantId, '/brand')),
);
