import { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** POST /api/v1/admin/tenants/{tenantId}/orders/{orderId}/cancel: the partner cancels; reserved stock goes back once. */
export const handler = implement(
  'admin-order-cancel',
  async ({ params, body, principal, locale, services }) => {
    const tenant = await services.tenantRepository.byId(params.tenantId);
    if (!tenant) throw new DomainError('NOT_FOUND');
    const order = await services.orderService.forPartner(tenant.id, params.orderId);
    const actor = principal.kind === 'operator' ? 'operator' : 'partner';
    const cancelled = await services.orderService.cancel(
      order,
      actor,
      body.reason ?? 'partner_cancelled',
      body.version,
    );
    return {
      headers: noStore,
      body: presentOrder(cancelled, tenant, locale, translatorFor(locale), 'partner'),
    };
  },
);
