import { offerOverrides } from '../../core/catalog/overrides.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/**
 * PUT /api/v1/admin/tenants/{tenantId}/offers/{offerId}/overrides: the tenant's own wording of
 * translated fields (`title`, `attributes.<key>`, per locale) on its site only. Replaces the
 * tenant's previous overrides of that offer (audited); other tenants never see them. 404 for an
 * unknown offer. The rules are core/catalog/overrides.ts's, the console's too.
 */
export const handler = implement('admin-offer-override', async ({ params, body, principal, services }) => {
  const override = await offerOverrides({ offers: services.offers }).replace(
    principal,
    params.tenantId,
    params.offerId,
    body,
  );
  return { headers: noStore, body: { offerId: params.offerId, override } };
});
