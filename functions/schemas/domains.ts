import * as z from 'zod';
import { domainNamePattern } from '../../core/tenants/domains.ts';
import { tenantIdParam } from './requests.ts';

/** Requests and answers of the domain routes (`…/tenants/{tenantId}/domains`). */
export const tenantDomainParams = z.object({
  tenantId: tenantIdParam,
  domain: z.string().max(253).regex(domainNamePattern),
});

export const domainApprovalBody = z.strictObject({
  /** true: the domain routes now, without a check; false: it stops routing and cannot be verified. */
  approved: z.boolean(),
  reason: z.string().trim().min(1).max(200).optional(),
});

const finding = z.looseObject({ result: z.string() });
const actorAt = z.looseObject({ by: z.string(), at: z.string() });

export const domainView = z.looseObject({
  domain: z.string(),
  status: z.enum(['pending', 'verified', 'approved', 'revoked', 'local', 'reserved']),
  routes: z.boolean(),
  verification: z
    .looseObject({
      txt: z.looseObject({ name: z.string(), value: z.string() }),
      http: z.looseObject({ url: z.string(), body: z.string() }),
    })
    .optional(),
  verified: z.looseObject({ method: z.enum(['dns-txt', 'http-token']), at: z.string() }).optional(),
  approved: actorAt.optional(),
  revoked: actorAt.optional(),
  lastCheck: z.looseObject({ at: z.string(), dns: finding, http: finding }).optional(),
});

export const domainListView = z.looseObject({ domains: z.array(domainView) });
