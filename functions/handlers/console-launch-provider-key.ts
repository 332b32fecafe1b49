import * as z from 'zod';
import { launchPath } from '../../console/launch/pages.ts';
import { DomainError } from '../../core/errors.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consoleForm, consolePage, principalOf, seeOther } from './console-kit.ts';
import { changeProviderKey, stepPage } from './console-launch-kit.ts';

const providerKeyForm = z.object({
  action: z.enum(['set', 'remove']),
  secretKey: z.string().trim().optional(),
});

/**
 * POST /tenants/{tenantId}/launch/payments/provider-key: the partner's own Toss secret key set
 * (its shape checked) or removed, stored as the tenant's secret and audited without its value;
 * 303 back to the payments step, or that step again with the field's error (400).
 */
export const handler = implement('console-launch-provider-key', async (input) => {
  const principal = principalOf(input);
  const { tenantId } = input.params;
  const { value } = consoleForm(input, providerKeyForm);
  try {
    await changeProviderKey(
      input.services,
      principal,
      tenantId,
      value.action === 'set' ? { action: 'set', secretKey: value.secretKey ?? '' } : { action: 'remove' },
    );
    return seeOther(launchPath(tenantId, `/payments?key=${value.action === 'set' ? 'set' : 'removed'}`));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    const ctx = await consolePage(input);
    const view = await stepPage(input.services, principal, ctx, 'payments', {
      providerKey: { ...(error.fields[0] && { error: error.fields[0] }) },
    });
    return consoleAnswer(ctx, view, { status: 400 });
  }
});
