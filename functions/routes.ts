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
] as const satisfies readonly RouteDefinition[];

/** `GET /api/v1/offers/{offerId}`, as API Gateway names a route. */
export function routeKey(route: RouteDefinition): string {
  return `${route.method} ${route.path}`;
}
