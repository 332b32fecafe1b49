import * as z from 'zod';
import { offerOverrideSchema } from '../../core/catalog/model.ts';
import { quoteRequestSchema } from '../../core/quotes/quote.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';

/**
 * Request parts shared by routes (Medusa's validators.ts per route, kept together here). Every
 * string that becomes a key is bounded, so nothing over-long reaches DynamoDB or OpenSearch.
 */
export const tenantIdParam = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/);
export const offerIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/);
export const keyIdParam = z.string().regex(/^[a-f0-9]{16}$/);

export const tenantParams = z.object({ tenantId: tenantIdParam });
export const offerParams = z.object({ offerId: offerIdParam });
export const tenantVersionParams = z.object({
  tenantId: tenantIdParam,
  version: z.coerce.number().int().min(1).max(1_000_000_000),
});
export const tenantKeyParams = z.object({ tenantId: tenantIdParam, keyId: keyIdParam });
export const tenantOfferParams = z.object({ tenantId: tenantIdParam, offerId: offerIdParam });

export const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const keyCreateBody = z.strictObject({ label: z.string().trim().min(1).max(60) });
export const tenantUpdateBody = z.strictObject({ expectedVersion: z.int().min(1), config: tenantSchema });
export const quoteVerifyBody = z.strictObject({ token: z.string().min(1).max(20_000) });
export const landedCostBody = quoteRequestSchema.extend({ laneId: z.string().min(1).max(32).optional() });
export { offerOverrideSchema, quoteRequestSchema, tenantSchema };
