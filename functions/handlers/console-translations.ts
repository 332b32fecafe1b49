import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, principalOf } from './console-kit.ts';
import { listQuery, translationsView } from './console-translations-kit.ts';

/** GET /tenants/{tenantId}/translations?q=&stale=1&cursor=: the site's offers, source, translation and wording side by side. */
export const handler = implement('console-translations', async (input) => {
  const ctx = await consolePage(input);
  const tenant = ctx.tenant;
  if (!tenant) throw new Error('console-translations: no tenant in view');
  const view = await translationsView(
    input.services,
    ctx,
    principalOf(input),
    tenant,
    listQuery(input.query),
    input.query.saved ? { saved: input.query.saved } : {},
  );
  return consoleAnswer(ctx, view);
});
