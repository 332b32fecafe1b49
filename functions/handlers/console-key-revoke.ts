import * as z from 'zod';
import { tenantPath } from '../../console/context.ts';
import { implement } from '../http/route.ts';
import { consoleForm, seeOther } from './console-kit.ts';

/** POST /tenants/{tenantId}/keys/{keyId}/revoke: the key stops working (tenantAdmin.revokeKey). */
export const handler = implement('console-key-revoke', async (input) => {
  consoleForm(input, z.object({}));
  await input.services.tenantAdmin.revokeKey(input.principal, input.params.tenantId, input.params.keyId);
  return seeOther(tenantPath(input.params.tenantId, '/keys'));
});
