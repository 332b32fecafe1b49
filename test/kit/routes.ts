import type { RouteDefinition } from '../../functions/contract.ts';

/** A route of one test only (not in the table), public and site-less unless `overrides` say otherwise. */
export function testRoute<const O extends Partial<RouteDefinition>>(
  handler: string,
  overrides: O,
): Omit<RouteDefinition, keyof O> & O {
  return {
    method: 'POST',
    path: `/api/v1/test/${handler}`,
    fn: 'catalog',
    handler,
    kind: 'api',
    auth: 'public',
    tenant: 'none',
    summary: 'a route of this test only',
    response: { status: 200 },
    access: { table: 'read', search: 'none' },
    ...overrides,
  } as Omit<RouteDefinition, keyof O> & O;
}
