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
/** The translations page: search text (any language), only stale, the page's cursor, the offer just saved. */
export const translationsQuery = z.object({
  q: z.string().trim().max(200).default(''),
  stale: z.enum(['1']).optional(),
  cursor: z.string().max(256).optional(),
  saved: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/)
    .optional(),
});
export const consoleOfferParams = z.object({
  tenantId: tenantIdParam,
  offerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/),
});
