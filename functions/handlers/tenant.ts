import { publicTenant } from '../../core/tenants/tenant.ts';
import { httpRoute } from '../http/route.ts';

/** GET /api/v1/tenant: the public face of the site the Host belongs to (404 TENANT_NOT_FOUND otherwise). */
export const handler = httpRoute({ name: 'tenant', tenant: 'required' }, async ({ tenant, locale }) => ({
  headers: { 'cache-control': 'public, max-age=60', vary: 'host' },
  body: { ...publicTenant(tenant!), locale },
}));
