import * as z from 'zod';
import { keysPage } from '../../console/pages/keys.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consoleForm, consolePage, orFormAgain } from './console-kit.ts';

const keyForm = z.object({ label: z.string().trim().min(1).max(60) });

/** POST /tenants/{tenantId}/keys: a new key, shown on this answer only (tenantAdmin.createKey). */
export const handler = implement('console-key-create', async (input) => {
  const ctx = await consolePage(input);
  const tenantId = input.params.tenantId;
  const list = () => input.services.tenantAdmin.listKeys(input.principal, tenantId);
  const existing = await list();
  return orFormAgain(
    ctx,
    async () => {
      const { value } = consoleForm(input, keyForm);
      const created = await input.services.tenantAdmin.createKey(input.principal, tenantId, value.label);
      return consoleAnswer(ctx, keysPage(ctx, tenantId, await list(), { created }), { status: 201 });
    },
    (problem) => keysPage(ctx, tenantId, existing, { problem }),
  );
});
