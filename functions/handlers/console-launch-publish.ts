import * as z from 'zod';
import { launchPath, publishPage } from '../../console/launch/pages.ts';
import { DomainError } from '../../core/errors.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consoleForm, consolePage, principalOf, seeOther } from './console-kit.ts';
import { launchDrafts } from './console-launch-kit.ts';

const publishForm = z.object({ revision: z.coerce.number().int().min(0) });

/**
 * POST /tenants/{tenantId}/launch/publish: the draft goes live in one step (the version check
 * of the admin API's PUT, audited), 303 to the publish page. Refused when the live site moved on
 * or another publish won (409 on the same page, the draft kept).
 */
export const handler = implement('console-launch-publish', async (input) => {
  const principal = principalOf(input);
  const { tenantId } = input.params;
  const { value } = consoleForm(input, publishForm);
  const drafts = launchDrafts(input.services);
  try {
    const { published } = await drafts.publish(principal, tenantId, value.revision);
    return seeOther(launchPath(tenantId, `/publish?published=${published.version}`));
  } catch (error) {
    if (!(error instanceof DomainError) || !['DRAFT_OUTDATED', 'CONFLICT'].includes(error.code)) throw error;
    const ctx = await consolePage(input);
    const found = await drafts.get(principal, tenantId);
    return consoleAnswer(
      ctx,
      publishPage(ctx, {
        draft: found.draft,
        stored: found.stored,
        outdated: found.outdated,
        changes: found.changes,
        liveVersion: found.live.version,
        error: ctx.t(`errors:${error.code}`, error.params),
      }),
      { status: 409 },
    );
  }
});
