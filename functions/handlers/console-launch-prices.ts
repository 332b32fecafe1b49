import { stepValues } from '../../console/launch/forms.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { applyStep } from '../../core/tenants/drafts.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { principalOf } from './console-kit.ts';
import { launchDrafts, pricePreviewOf, queryFields } from './console-launch-kit.ts';

/**
 * GET /tenants/{tenantId}/launch/preview/prices?pricing.markupBps=…: real offers priced with the
 * draft's terms as the pricing form now has them (the config saving would make, through PriceBooks).
 */
export const handler = implement('console-launch-prices', async (input) => {
  const { draft } = await launchDrafts(input.services).get(principalOf(input), input.params.tenantId);
  const { config } = applyStep(
    draft,
    'pricing',
    stepValues('pricing', queryFields(input.event), draft.config),
  );
  return {
    headers: noStore,
    body: await pricePreviewOf(input.services, config, input.locale, translatorFor(input.locale)),
  };
});
