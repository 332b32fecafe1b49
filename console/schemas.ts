import * as z from 'zod';

/** The console routes' query and path schemas (the route table imports them). */
export const tenantIdParam = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/);
export const consoleTenantParams = z.object({ tenantId: tenantIdParam });
export const signInQuery = z.object({ next: z.string().max(500).optional() });
export const openTenantQuery = z.object({ tenantId: tenantIdParam });
export const orderIdParam = z.string().regex(/^o_[0-9a-f]{32}$/);
export const consoleOrderParams = z.object({ tenantId: tenantIdParam, orderId: orderIdParam });
export const consoleKeyParams = z.object({
  tenantId: tenantIdParam,
  keyId: z.string().regex(/^[a-f0-9]{16}$/),
});
export const consoleDomainParams = z.object({ tenantId: tenantIdParam, domain: z.string().min(1).max(253) });
export const inviteParams = z.object({ secret: z.string().min(1).max(100) });
export const noticeQuery = z.object({ done: z.string().max(40).optional() });
export const ordersQuery = z.object({
  status: z
    .enum([
      'placed',
      'awaiting_payment',
      'paid',
      'handed_off',
      'partly_shipped',
      'shipped',
      'delivered',
      'exception',
      'cancelled',
      'refunded',
    ])
    .default('awaiting_payment'),
  cursor: z.string().max(2000).optional(),
});
