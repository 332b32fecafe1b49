import type { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import {
  authenticate,
  authorizeTenant,
  type Principal,
  requireOperator,
} from '../../core/tenants/admin-auth.ts';
import { tenantAdmin } from '../../core/tenants/admin-service.ts';
import { services } from '../composition.ts';
import { fieldErrorsFrom } from './field-errors.ts';
import type { HttpEvent } from './types.ts';

/** The admin API's caller, from `Authorization: Bearer <key>`; 401 when the key is unknown or revoked. */
export function principalOf(event: HttpEvent): Promise<Principal> {
  return authenticate(event.headers, services().adminAuth);
}

export function admin() {
  return tenantAdmin(services().tenantRepository);
}

/** Admin answers carry keys and config: never cached by anyone in between. */
export const noStore = { 'cache-control': 'no-store' };

/**
 * Admin bodies are validated after the caller is known and allowed, so a stranger or another
 * tenant's key gets 401/403 and learns nothing from validation messages. Same error shape as the route's own
 * validation (400 VALIDATION_FAILED naming every failing field under `body.`).
 */
export async function authorizedBody<S extends z.ZodType>(
  event: HttpEvent,
  scope: { tenantId: string } | 'operator',
  body: unknown,
  schema: S,
): Promise<{ principal: Principal; body: z.output<S> }> {
  const principal = await principalOf(event);
  if (scope === 'operator') requireOperator(principal);
  else authorizeTenant(principal, scope.tenantId);
  const result = schema.safeParse(body);
  if (!result.success)
    throw new DomainError('VALIDATION_FAILED', { fields: fieldErrorsFrom(result.error, 'body') });
  return { principal, body: result.data };
}
