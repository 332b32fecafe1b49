import type * as z from 'zod';
import type { ErrorCode } from '../core/errors.ts';
import type { ConsoleRole } from '../core/partners/users.ts';

/**
 * What one entry of the route table declares: the contract that the middlewares enforce, the
 * OpenAPI document describes, the local gateway dispatches and CDK deploys.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'none' | 'read' | 'write';

/** What a function may touch: CDK grants exactly this (a route function the union of its routes'). */
export interface FunctionAccess {
  table: Access;
  search: Access;
  secrets?: readonly string[];
  /**
   * The secrets partners set themselves (their own provider keys, `tenants/<id>/<name>`, under
   * the region's tenant-secret prefix): read to take payments with them, write for the console
   * that sets and removes them.
   */
  tenantSecrets?: 'read' | 'write';
  /** Sends mail (SES in AWS). */
  mail?: 'send';
  /** Writes into the asset store (the S3 bucket CloudFront serves under `/assets/*`). */
  assets?: 'write';
  /**
   * Native packages the function loads at run time instead of bundling them: CDK gives it a
   * layer with their Linux arm64 build (lib/constructs/native-layer.ts).
   */
  nativeModules?: readonly NativeModule[];
}

/** The native packages a function may ask for (each has a layer recipe in lib/). */
export type NativeModule = 'sharp';

/**
 * Who may call a route, checked before the body is read:
 * - `public`: anyone (still rate-limited at the edge);
 * - `shopper`: anyone on the site, known as a visitor (an anonymous id in the `sf_visitor` cookie,
 *   issued on first use) and, when signed in, as the buyer: carts;
 * - `buyer`: a signed-in buyer of the site (the `sf_session` cookie);
 * - `tenant-admin`: the operator key, or a key of the tenant named by the path's `{tenantId}`;
 * - `operator`: the operator key only;
 * - `supply-signature`: a supply-side message signed with the supply signing key (HMAC-SHA256
 *   over `timestamp.body`, checked against the current and the previous key);
 * - `console`: a console user signed in (the `sc_session` cookie, on the console's host) whose
 *   role is one of the route's `roles`; a `{tenantId}` in the path must be the user's tenant
 *   (operators: any). 401 without a session, 403 for another role or tenant.
 */
export const authKinds = [
  'public',
  'shopper',
  'buyer',
  'tenant-admin',
  'operator',
  'supply-signature',
  'console',
] as const;
export type Auth = (typeof authKinds)[number];

/** One Lambda per bounded context: few cold starts, few CloudFormation resources per stack. */
export const functionNames = [
  'catalog',
  'checkout',
  'partner-admin',
  'storefront',
  'handoff',
  'console',
] as const;
export type FunctionName = (typeof functionNames)[number];

export interface RouteRequest {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

export interface RouteResponse {
  status: 200 | 201 | 202 | 204;
  /** A JSON body's schema; absent for text responses (`contentType`). */
  body?: z.ZodType;
  /** For non-JSON answers (CSS, HTML). */
  contentType?: string;
  /** Other statuses answered with the same body (health: 503 `degraded`). */
  also?: readonly number[];
}

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  /** The bounded context's function, `functions/apps/<fn>.ts`. */
  fn: FunctionName;
  /** The module `functions/handlers/<handler>.ts` serving this route; unique, the route's id. */
  handler: string;
  /** `api` answers JSON; `page` answers HTML for people (storefront, console). */
  kind: 'api' | 'page';
  auth: Auth;
  /** On `console` routes: the roles that may use it. */
  roles?: readonly ConsoleRole[];
  /**
   * `required`: a Host that maps to no tenant gets 404 TENANT_NOT_FOUND, and the handler's input
   * types the tenant as present; `optional`: resolved when there is one; `none`: not looked up.
   */
  tenant: 'required' | 'optional' | 'none';
  /** An `Idempotency-Key` header is then required; a retry with it replays the first answer. */
  idempotent?: boolean;
  summary: string;
  request?: RouteRequest;
  response: RouteResponse;
  /** Codes this route answers besides those its declaration implies (validation, auth, tenant). */
  errors?: readonly ErrorCode[];
  /** Hits per client address (and site) per window; the hit past the limit gets 429. */
  rateLimit?: { limit: number; windowSeconds: number };
  /** What the route may touch: its function is granted the union of its routes' access. */
  access: FunctionAccess;
  /** Lambda memory in MB; a function takes the largest of its routes'. */
  memoryMb?: number;
}

/** `GET /api/v1/offers/{offerId}`, as API Gateway names a route. */
export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The error codes a route can answer: those it lists plus those its declaration implies. */
export function routeErrors(route: RouteDefinition): ErrorCode[] {
  // Any route may run out of time when a store is slow (503, never a 500),
  // and the edge refuses a request line and headers beyond API Gateway's 10 KiB (431).
  const codes = new Set<ErrorCode>([
    ...(route.errors ?? []),
    'SERVICE_UNAVAILABLE',
    'REQUEST_HEADERS_TOO_LARGE',
  ]);
  const request = route.request ?? {};
  if (request.params || request.query || request.body) codes.add('VALIDATION_FAILED');
  if (request.body)
    for (const c of ['MALFORMED_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'] as const) codes.add(c);
  if (route.tenant === 'required') codes.add('TENANT_NOT_FOUND');
  // Console routes exist only on the console's host (functions/apps/console.ts): elsewhere 404.
  if (route.fn === 'console') codes.add('ROUTE_NOT_FOUND');
  // A shopper route with no (or an expired) session serves the visitor: never a 401.
  if (route.auth !== 'public' && route.auth !== 'shopper')
    for (const c of ['UNAUTHORIZED', 'TOO_MANY_REQUESTS'] as const) codes.add(c);
  if (route.auth === 'tenant-admin' || route.auth === 'operator' || route.auth === 'console')
    codes.add('FORBIDDEN');
  if (route.idempotent)
    for (const c of [
      'IDEMPOTENCY_KEY_REQUIRED',
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_IN_PROGRESS',
    ] as const)
      codes.add(c);
  return [...codes].sort();
}
