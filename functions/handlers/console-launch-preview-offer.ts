import { offerView } from '../../core/catalog/offer-view.ts';
import { DomainError } from '../../core/errors.ts';
import { offerPage } from '../../storefront/pages/offer.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';
import { principalOf } from './console-kit.ts';
import { launchDrafts, previewsOf } from './console-launch-kit.ts';
import { htmlAnswer, pageContext } from './page-kit.ts';

/**
 * GET /tenants/{tenantId}/launch/preview/offer: the first offer the draft sells, on the
 * storefront's offer page in the draft's theme, language and prices.
 */
export const handler = implement('console-launch-preview-offer', async (input) => {
  const { draft } = await launchDrafts(input.services).get(principalOf(input), input.params.tenantId);
  const tenant = draft.config;
  const locale = tenant.defaultLocale;
  const { samples } = await previewsOf(input.services).curationCount(tenant, tenant.curation, locale, 1);
  const offerId = samples[0]?.offerId;
  const offer = offerId ? await input.services.offers.get(offerId) : undefined;
  if (!offer) throw new DomainError('NOT_FOUND');
  const reader = { tenant, locale, event: input.event };
  const ctx = pageContext(reader);
  const book = await input.services.priceBooks.forTenant(tenant, locale);
  const view = offerView(offer, { locale, book, t: ctx.t, override: undefined });
  return htmlAnswer(ctx, input.event, offerPage(ctx, { offer: view }), { cache: noStore });
});
