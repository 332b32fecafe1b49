import { catalog } from '../catalog.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/offers/{offerId}: the localized offer with SKUs, ladder in local currency and supplier card; 404 outside the tenant's curation. */
export const handler = implement('offer', async ({ params, tenant, locale }) => ({
  body: await catalog().offer({ tenant, locale }, params.offerId),
}));
