import * as z from 'zod';

/** The console routes' query and path schemas (the route table imports them). */
export const tenantIdParam = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/);
export const consoleTenantParams = z.object({ tenantId: tenantIdParam });
export const signInQuery = z.object({ next: z.string().max(500).optional() });
export const openTenantQuery = z.object({ tenantId: tenantIdParam });
