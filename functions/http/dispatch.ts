import { DomainError } from '../../core/errors.ts';
import { negotiateLocale } from '../../core/i18n/negotiate.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { type Locale, supportedLocales } from '../../locales/index.ts';
import { type FunctionName, routeKey, routes } from '../routes.ts';
import { errorResponse } from './error-response.ts';
import type { Idempotency } from './idempotency.ts';
import type { HttpEvent, HttpResult, LambdaContext } from './types.ts';

export type RouteHandler = (event: HttpEvent, context: LambdaContext) => Promise<HttpResult>;

/** What a function's routes may need beyond the shared chain, given by the function's entry. */
export interface Capabilities {
  /** Powertools' idempotency (functions/http/idempotency.ts), for functions with idempotent routes. */
  idempotency?: Idempotency;
  /**
   * Renders an error on a `page` route as a page of the site (the storefront's localized 404 and
   * 500); undefined keeps the JSON error body.
   */
  errorPage?: (
    error: unknown,
    request: { tenant: Tenant | undefined; locale: Locale; requestId: string; event: HttpEvent },
  ) => HttpResult | undefined;
}
export type ContextWithCapabilities = LambdaContext & { capabilities?: Capabilities };

/**
 * The Lambda handler of one bounded context (functions/apps/<fn>.ts): API Gateway names the
 * matched route in `event.routeKey`, and each route runs its own middy chain. The table decides
 * which routes a function serves; a route of this function without a handler fails at cold
 * start, not on the first request.
 */
export function functionHandler(
  fn: FunctionName,
  handlers: Record<string, RouteHandler>,
  capabilities: Capabilities = {},
): RouteHandler {
  const byKey = new Map<string, RouteHandler>();
  for (const route of routes.filter((r) => r.fn === fn)) {
    const handler = handlers[route.handler];
    if (!handler)
      throw new Error(`Function ${fn} serves ${routeKey(route)} but has no handler ${route.handler}`);
    if ((route as { idempotent?: boolean }).idempotent && !capabilities.idempotency) {
      throw new Error(
        `Function ${fn} serves the idempotent ${routeKey(route)} but was not given idempotency`,
      );
    }
    byKey.set(routeKey(route), handler);
  }
  return async (event, context) => {
    const handler = byKey.get(event.routeKey);
    if (handler) return handler(event, Object.assign(context, { capabilities }));
    const locale = negotiateLocale({
      acceptLanguage: event.headers?.['accept-language'],
      available: supportedLocales,
      fallback: 'en',
    });
    return errorResponse(new DomainError('ROUTE_NOT_FOUND'), locale, context.awsRequestId);
  };
}
