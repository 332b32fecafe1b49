import { stepValues } from '../../console/launch/forms.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { applyStep } from '../../core/tenants/drafts.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { principalOf } from './console-kit.ts';
import { curationCountOf, launchDrafts, queryFields } from './console-launch-kit.ts';

/**
 * GET /tenants/{tenantId}/launch/preview/curation?curation.categories=…: how many offers the
 * curation form as it now stands sells (a count query through the search port), with samples.
 */
export const handler = implement('console-launch-curation', async (input) => {
  const { draft } = await launchDrafts(input.services).get(principalOf(input), input.params.tenantId);
  const { config } = applyStep(
    draft,
    'curation',
    stepValues('curation', queryFields(input.event), draft.config),
  );
  return {
    headers: noStore,
    body: await curationCountOf(
      input.services,
      config,
      config.curation,
      input.locale,
      translatorFor(input.locale),
    ),
  };
});
