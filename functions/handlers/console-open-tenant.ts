import { tenantPath } from '../../console/context.ts';
import { implement } from '../http/route.ts';
import { seeOther } from './console-kit.ts';

/** GET /open-tenant?tenantId=: the operator opens a tenant by id. */
export const handler = implement('console-open-tenant', async ({ query }) =>
  seeOther(tenantPath(query.tenantId)),
);
