import * as z from 'zod';
import { offerOverrideSchema } from '../../core/catalog/model.ts';
import { DomainError } from '../../core/errors.ts';
import { services } from '../composition.ts';
import { authorizedBody, noStore } from '../http/admin.ts';
import { httpRoute } from '../http/route.ts';

/**
 * PUT /api/v1/admin/tenants/{tenantId}/offers/{offerId}/overrides: the tenant's own wording of
 * translated fields (`title`, `attributes.<key>`, per locale) on its site only. Replaces the
 * tenant's previous overrides of that offer; other tenants never see them. 404 for an unknown offer.
 */
export const handler = httpRoute(
  {
    name: 'admin-offer-override',
    tenant: 'none',
    params: z.object({ tenantId: z.string(), offerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/) }),
    body: z.unknown(),
  },
  async ({ params, body, event }) => {
    const input = await authorizedBody(event, params, body, offerOverrideSchema);
    const { offers } = services();
    if (!(await offers.get(params.offerId)))
      throw new DomainError('OFFER_NOT_FOUND', { params: { offerId: params.offerId } });
    await offers.putOverride(params.tenantId, params.offerId, input.body);
    return { headers: noStore, body: { offerId: params.offerId, override: input.body } };
  },
);
