import * as z from 'zod';
import { catalog } from '../catalog.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/offers/{offerId}: the localized offer with SKUs, ladder in local currency and supplier card; 404 outside the tenant's curation. */
export const handler = httpRoute(
  {
    name: 'offer',
    tenant: 'required',
    params: z.object({ offerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/) }),
  },
  async ({ params, tenant, locale }) => ({
    body: await catalog().offer({ tenant: tenant!, locale }, params.offerId),
  }),
);
