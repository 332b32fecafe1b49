import { publishPage } from '../../console/launch/pages.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, principalOf } from './console-kit.ts';
import { launchDrafts } from './console-launch-kit.ts';

/** GET /tenants/{tenantId}/launch/publish: what publishing the draft changes, against the live version. */
export const handler = implement('console-launch-review', async (input) => {
  const ctx = await consolePage(input);
  const found = await launchDrafts(input.services).get(principalOf(input), input.params.tenantId);
  const q = input.event.queryStringParameters ?? {};
  const published = q.published && /^\d+$/.test(q.published) ? Number(q.published) : undefined;
  return consoleAnswer(
    ctx,
    publishPage(ctx, {
      draft: found.draft,
      stored: found.stored,
      outdated: found.outdated,
      changes: found.changes,
      liveVersion: found.live.version,
      ...(published && { published }),
      ...(q.overlapping && { overlapping: q.overlapping.split(',').slice(0, 50) }),
    }),
  );
});
