/**
 * The route table: every HTTP endpoint, defined once. The local gateway dispatches from it and
 * CDK (lib/constructs/api.ts) creates one HTTP API route per entry, integrated with the Lambda
 * of the entry's `fn`, so what runs locally is what deploys.
 *
 * `fn` names the bounded context's function, `functions/apps/<fn>.ts`, which routes inside by
 * the event's routeKey; `handler` names the module `functions/handlers/<handler>.ts` serving
 * the route. `access` lists what the route may touch: a function is granted the union of its
 * routes' access and no more.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'none' | 'read' | 'write';

/** One Lambda per bounded context: few cold starts, few CloudFormation resources per stack. */
export const functionNames = ['catalog', 'checkout', 'partner-admin', 'storefront'] as const;
export type FunctionName = (typeof functionNames)[number];

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  handler: string;
  fn: FunctionName;
  /** `secrets`: Secrets Manager secrets the handler reads (functions/secrets.ts), e.g. the supply signing key. */
  access: { table: Access; search: Access; secrets?: readonly string[] };
  /** Lambda memory in MB; 256 unless the handler needs more (search, rendering). */
  memoryMb?: number;
}

export const routes = [
  {
    method: 'GET',
    path: '/api/v1/health',
    handler: 'health',
    fn: 'catalog',
    access: { table: 'read', search: 'read' },
  },
  // The catalog (issue 4): search, typeahead and the offer page's API, curated per tenant.
  {
    method: 'GET',
    path: '/api/v1/search',
    handler: 'search',
    fn: 'catalog',
    access: { table: 'read', search: 'read' },
    memoryMb: 512,
  },
  {
    method: 'GET',
    path: '/api/v1/search/suggest',
    handler: 'search-suggest',
    fn: 'catalog',
    access: { table: 'read', search: 'read' },
    memoryMb: 512,
  },
  {
    method: 'GET',
    path: '/api/v1/offers/{offerId}',
    handler: 'offer',
    fn: 'catalog',
    access: { table: 'read', search: 'none' },
  },
  {
    method: 'GET',
    path: '/api/v1/categories',
    handler: 'categories',
    fn: 'catalog',
    access: { table: 'read', search: 'none' },
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/tenants/{tenantId}/offers/{offerId}/overrides',
    handler: 'admin-offer-override',
    fn: 'partner-admin',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  // Partner sites (issue 3): the public tenant, the partner admin API, quotes, landed cost.
  {
    method: 'GET',
    path: '/api/v1/tenant',
    handler: 'tenant',
    fn: 'catalog',
    access: { table: 'read', search: 'none' },
  },
  {
    method: 'GET',
    path: '/theme.css',
    handler: 'storefront-theme',
    fn: 'storefront',
    access: { table: 'read', search: 'none' },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/tenants',
    handler: 'admin-tenant-create',
    fn: 'partner-admin',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}',
    handler: 'admin-tenant-get',
    fn: 'partner-admin',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/tenants/{tenantId}',
    handler: 'admin-tenant-update',
    fn: 'partner-admin',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}/versions/{version}',
    handler: 'admin-tenant-version',
    fn: 'partner-admin',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}/audit',
    handler: 'admin-tenant-audit',
    fn: 'partner-admin',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/tenants/{tenantId}/keys',
    handler: 'admin-key-create',
    fn: 'partner-admin',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}/keys',
    handler: 'admin-key-list',
    fn: 'partner-admin',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/tenants/{tenantId}/keys/{keyId}',
    handler: 'admin-key-revoke',
    fn: 'partner-admin',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/quotes',
    handler: 'quote-create',
    fn: 'checkout',
    access: { table: 'write', search: 'none', secrets: ['quote-signing-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/quotes/verify',
    handler: 'quote-verify',
    fn: 'checkout',
    access: { table: 'read', search: 'none', secrets: ['quote-signing-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/landed-cost',
    handler: 'landed-cost',
    fn: 'checkout',
    access: { table: 'read', search: 'none' },
  },
] as const satisfies readonly RouteDefinition[];

/** `GET /api/v1/offers/{offerId}`, as API Gateway names a route. */
export function routeKey(route: RouteDefinition): string {
  return `${route.method} ${route.path}`;
}
