/**
 * The route table: every HTTP endpoint, defined once. The local gateway dispatches from it and
 * CDK (lib/constructs/api.ts) creates one Lambda and one HTTP API route per entry from it, so
 * what runs locally is what deploys.
 *
 * `handler` names the module `functions/handlers/<handler>.ts`, which exports `handler`.
 * `access` lists what the function may touch, so CDK grants exactly that and no more.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access = 'none' | 'read' | 'write';

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  handler: string;
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
    access: { table: 'read', search: 'read' },
  },
  // The catalog (issue 4): search, typeahead and the offer page's API, curated per tenant.
  {
    method: 'GET',
    path: '/api/v1/search',
    handler: 'search',
    access: { table: 'read', search: 'read' },
    memoryMb: 512,
  },
  {
    method: 'GET',
    path: '/api/v1/search/suggest',
    handler: 'search-suggest',
    access: { table: 'read', search: 'read' },
    memoryMb: 512,
  },
  {
    method: 'GET',
    path: '/api/v1/offers/{offerId}',
    handler: 'offer',
    access: { table: 'read', search: 'none' },
  },
  {
    method: 'GET',
    path: '/api/v1/categories',
    handler: 'categories',
    access: { table: 'read', search: 'none' },
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/tenants/{tenantId}/offers/{offerId}/overrides',
    handler: 'admin-offer-override',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  // Partner sites (issue 3): the public tenant, the partner admin API, quotes, landed cost.
  { method: 'GET', path: '/api/v1/tenant', handler: 'tenant', access: { table: 'read', search: 'none' } },
  {
    method: 'GET',
    path: '/theme.css',
    handler: 'storefront-theme',
    access: { table: 'read', search: 'none' },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/tenants',
    handler: 'admin-tenant-create',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}',
    handler: 'admin-tenant-get',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/tenants/{tenantId}',
    handler: 'admin-tenant-update',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}/versions/{version}',
    handler: 'admin-tenant-version',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}/audit',
    handler: 'admin-tenant-audit',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/admin/tenants/{tenantId}/keys',
    handler: 'admin-key-create',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'GET',
    path: '/api/v1/admin/tenants/{tenantId}/keys',
    handler: 'admin-key-list',
    access: { table: 'read', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/tenants/{tenantId}/keys/{keyId}',
    handler: 'admin-key-revoke',
    access: { table: 'write', search: 'none', secrets: ['operator-api-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/quotes',
    handler: 'quote-create',
    access: { table: 'write', search: 'none', secrets: ['quote-signing-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/quotes/verify',
    handler: 'quote-verify',
    access: { table: 'read', search: 'none', secrets: ['quote-signing-key'] },
  },
  {
    method: 'POST',
    path: '/api/v1/landed-cost',
    handler: 'landed-cost',
    access: { table: 'read', search: 'none' },
  },
] as const satisfies readonly RouteDefinition[];

/** `GET /api/v1/offers/{offerId}`, as API Gateway names a route. */
export function routeKey(route: RouteDefinition): string {
  return `${route.method} ${route.path}`;
}
