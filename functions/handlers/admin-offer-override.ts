import { DomainError } from '../../core/errors.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/**
 * PUT /api/v1/admin/tenants/{tenantId}/offers/{offerId}/overrides: the tenant's own wording of
 * translated fields (`title`, `attributes.<key>`, per locale) on its site only. Replaces the
 * tenant's previous overrides of that offer; other tenants never see them. 404 for an unknown offer.
 */
export const handler = implement('admin-offer-override', async ({ params, body, services }) => {
  if (!(await services.offers.get(params.offerId)))
    throw new DomainError('OFFER_NOT_FOUND', { params: { offerId: params.offerId } });
  await services.offers.putOverride(params.tenantId, params.offerId, body);
  return { headers: noStore, body: { offerId: params.offerId, override: body } };
});
