import * as z from 'zod';
import { stepValues } from '../../console/launch/forms.ts';
import { launchPath } from '../../console/launch/pages.ts';
import { DomainError } from '../../core/errors.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consoleForm, consolePage, principalOf, seeOther } from './console-kit.ts';
import { launchDrafts, stepPage } from './console-launch-kit.ts';

const anyFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * POST /tenants/{tenantId}/launch/{step}: saves the step into the draft (303 back to it), or
 * shows the form again as typed with every failing field (400), the draft unchanged.
 */
export const handler = implement('console-launch-save', async (input) => {
  const principal = principalOf(input);
  const { tenantId, step } = input.params;
  const { raw } = consoleForm(input, anyFields);
  const drafts = launchDrafts(input.services);
  const { draft } = await drafts.get(principal, tenantId);
  const values = stepValues(step, raw, draft.config);
  try {
    await drafts.saveStep(principal, tenantId, step, values);
    return seeOther(launchPath(tenantId, `/${step}?saved=1`));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    const ctx = await consolePage(input);
    // The values as typed, over the draft, so the form shows what was posted.
    const posted = { ...draft.config, ...(values as object) } as typeof draft.config;
    const view = await stepPage(input.services, principal, ctx, step, { errors: error.fields, posted });
    return consoleAnswer(ctx, view, { status: 400 });
  }
});
